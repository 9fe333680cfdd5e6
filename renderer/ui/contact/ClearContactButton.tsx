import { useTranslation } from 'react-i18next';
import type { RefusalReason } from '../../../common/contract';
import { useCcp } from '../app/CcpContext';
import { IntentError } from '../shared/IntentError';
import type { UiRefusal } from '../shared/refusalMessages';
import { useIntent } from '../shared/useIntent';

/** Refusal the UI gives itself: the notes did not reach main, so clearing would lose them. */
export const DETAILS_NOT_SAVED = 'detailsNotSaved' satisfies UiRefusal;

interface Props {
  contactId: string;
  /** Runs first (saving the agent's notes); false stops the clear. */
  beforeClear?: () => Promise<boolean>;
  /** Main refused the clear (wrap-up code required...): the caller can point at the field. */
  onRefused?: (reason: RefusalReason) => void;
  /**
   * The guides' word: "Clear contact" after contact work, "Close contact" for a missed or
   * failed call that never connected.
   */
  verb?: 'clear' | 'close';
}

/** Clear contact: ends wrap-up (ACW, missed, failed) so the agent can take contacts again. */
export function ClearContactButton({ contactId, beforeClear, onRefused, verb = 'clear' }: Props) {
  const { t } = useTranslation();
  const api = useCcp();
  const clear = useIntent();
  const onClick = (): void => {
    void clear.run(async () => {
      if (beforeClear && !(await beforeClear())) return { ok: false, reason: DETAILS_NOT_SAVED };
      const result = await api.contacts.clear(contactId);
      if (!result.ok) onRefused?.(result.reason);
      return result;
    });
  };
  return (
    <>
      <button
        type="button"
        className="button button--primary button--block"
        data-testid="clear-contact"
        disabled={clear.pending}
        onClick={onClick}
      >
        {t(verb === 'close' ? 'contact.close' : 'contact.clear')}
      </button>
      <IntentError failure={clear.failure} context="contact" testId="contact-error" />
    </>
  );
}

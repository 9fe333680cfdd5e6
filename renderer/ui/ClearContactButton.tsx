import { useTranslation } from 'react-i18next';
import { useCcp } from './CcpContext';
import { IntentError } from './IntentError';
import { useIntent } from './useIntent';

/** Clear contact: ends wrap-up (ACW, missed, failed) so the agent can take contacts again. */
export function ClearContactButton({ contactId }: { contactId: string }) {
  const { t } = useTranslation();
  const api = useCcp();
  const clear = useIntent();
  return (
    <>
      <button
        type="button"
        className="button button--primary button--block"
        data-testid="clear-contact"
        autoFocus
        disabled={clear.pending}
        onClick={() => void clear.run(() => api.contacts.clear(contactId))}
      >
        {t('contact.clear')}
      </button>
      <IntentError failure={clear.failure} context="contact" testId="contact-error" />
    </>
  );
}

import { useTranslation } from 'react-i18next';
import type { UpdateOffer } from '../../../common/contract';
import { useCcp } from '../app/CcpContext';
import { IntentError } from '../shared/IntentError';
import { useIntent } from '../shared/useIntent';

interface Props {
  offer: UpdateOffer;
  /** Where it shows (the banner or the settings row): test ids and the text's id differ. */
  place: 'banner' | 'settings';
}

/**
 * A downloaded update and its "Restart to update" button, or "IT updates this app" (G5). The
 * button only sends the agent's consent: main restarts when no contact is open, so after the
 * click the row says it is waiting instead of offering the button again.
 */
export function UpdateOfferView({ offer, place }: Props) {
  const { t } = useTranslation();
  const api = useCcp();
  const restart = useIntent();
  const textId = `update-${place}-text`;
  if (offer.kind === 'itManaged') {
    return (
      <p className="settings__hint" id={textId} data-testid={`update-${place}-it-managed`}>
        {t('updates.itManaged')}
      </p>
    );
  }
  return (
    <>
      <p className="update-offer__text" id={textId} data-testid={`update-${place}-text`}>
        {offer.consented ? t('updates.waiting') : t('updates.ready', { version: offer.version })}
      </p>
      {offer.consented ? null : (
        <button
          type="button"
          className="button button--quiet button--small"
          data-testid={`update-${place}-restart`}
          aria-describedby={textId}
          disabled={restart.pending}
          onClick={() => void restart.run(() => api.updates.restart())}
        >
          {t('updates.restart')}
        </button>
      )}
      <IntentError failure={restart.failure} context="settings" />
    </>
  );
}

import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../common/contract';

/**
 * Announces an arriving offer to screen readers without moving focus (focus policy, rule 1):
 * the agent typing a number keeps the field. The region is always in the page, empty when
 * nothing rings, because a live region added together with its text is not read out.
 */
export function OfferAnnouncement({ contact }: { contact: Contact | undefined }) {
  const { t } = useTranslation();
  const ringing = contact?.state === 'incoming';
  const caller = ringing
    ? contact.peer.displayName.trim() || contact.peer.number.trim() || t('contact.unknownCaller')
    : '';
  return (
    <div className="sr-only" role="alert" aria-live="assertive" data-testid="offer-announcement">
      {ringing
        ? t(contact.callback ? 'contact.callbackIncomingTitle' : 'contact.offerAnnouncement', {
            caller,
          })
        : null}
    </div>
  );
}

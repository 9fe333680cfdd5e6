import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../common/contract';

/**
 * Desk phone mode (B3): where the agent talks on this call. While the desk phone rings on a
 * dial it says so; once connected, that the call is on the desk phone (the PC's microphone is
 * not used).
 */
export function DeskPhoneNote({ contact }: { contact: Contact }) {
  const { t } = useTranslation();
  if (!contact.deskPhone) return null;
  if (
    contact.state !== 'dialing' &&
    contact.state !== 'accepting' &&
    contact.state !== 'connected'
  ) {
    return null;
  }
  return (
    <p className="hint" role="status" data-testid="contact-desk-phone">
      {t(contact.state === 'connected' ? 'deskPhone.onDeskPhone' : 'deskPhone.connecting')}
    </p>
  );
}

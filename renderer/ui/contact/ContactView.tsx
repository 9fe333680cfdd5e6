import type { Contact, DeskState } from '../../../common/contract';
import { AcwView } from './AcwView';
import { ClosedContactView } from './ClosedContactView';
import { DeskPhoneNote } from './DeskPhoneNote';
import { IncomingBanner } from './IncomingBanner';
import { InCallView } from '../voice/InCallView';
import { useContactDetails, type ContactDetailsHandle } from './useContactDetails';

export type ContactDesk = Pick<DeskState, 'contactOptions' | 'quickConnects' | 'dialing'>;

interface BodyProps {
  contact: Contact;
  desk: ContactDesk;
  details: ContactDetailsHandle;
}

function ContactBody({ contact, desk, details }: BodyProps) {
  switch (contact.state) {
    case 'incoming':
      return <IncomingBanner contact={contact} />;
    case 'accepting':
    case 'dialing':
    case 'connected':
      return <InCallView contact={contact} desk={desk} details={details} />;
    case 'acw':
      return <AcwView contact={contact} options={desk.contactOptions} details={details} />;
    case 'missed':
    case 'failed':
      return <ClosedContactView contact={contact} />;
  }
}

/**
 * The open contact, whatever its state. Mount it keyed by contact id: the notes draft lives
 * here, across the call-to-ACW change, while the body starts fresh with each state.
 */
export function ContactView({ contact, desk }: { contact: Contact; desk: ContactDesk }) {
  const details = useContactDetails(contact.id, contact.details);
  return (
    <div
      className={`contact contact--${contact.state}`}
      data-testid="contact-view"
      data-state={contact.state}
      data-direction={contact.direction}
    >
      <DeskPhoneNote contact={contact} />
      <ContactBody
        key={`${contact.id}:${contact.state}`}
        contact={contact}
        desk={desk}
        details={details}
      />
    </div>
  );
}

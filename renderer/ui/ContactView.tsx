import type { Contact } from '../../preload/contract';
import { AcwView } from './AcwView';
import { ClosedContactView } from './ClosedContactView';
import { IncomingBanner } from './IncomingBanner';
import { InCallView } from './InCallView';

function ContactBody({ contact }: { contact: Contact }) {
  switch (contact.state) {
    case 'incoming':
      return <IncomingBanner contact={contact} />;
    case 'accepting':
    case 'dialing':
    case 'connected':
      return <InCallView contact={contact} />;
    case 'acw':
      return <AcwView contact={contact} />;
    case 'missed':
    case 'failed':
      return <ClosedContactView contact={contact} />;
  }
}

/** The open contact, whatever its state; keyed by id so a new contact starts fresh. */
export function ContactView({ contact }: { contact: Contact }) {
  return (
    <div
      className={`contact contact--${contact.state}`}
      data-testid="contact-view"
      data-state={contact.state}
      data-direction={contact.direction}
    >
      <ContactBody key={`${contact.id}:${contact.state}`} contact={contact} />
    </div>
  );
}

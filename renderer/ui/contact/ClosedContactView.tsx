import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../common/contract';
import { CallerIdentity } from './CallerIdentity';
import { ClearContactButton } from './ClearContactButton';
import { EndMessage, EndReasonRow } from './EndReason';
import { useFocusWhenLost } from '../shared/useFocusWhenLost';

/** A contact that never connected: a missed offer or a failed outbound call, until cleared. */
export function ClosedContactView({ contact }: { contact: Contact }) {
  const { t } = useTranslation();
  const missed = contact.state === 'missed';
  // Focus lost with Accept or End call goes to the heading, never to Clear contact.
  const title = useRef<HTMLHeadingElement>(null);
  useFocusWhenLost(title);
  return (
    <section className="closed" aria-labelledby="closed-title">
      <h2 id="closed-title" className="closed__title" ref={title} tabIndex={-1}>
        <span className="closed__icon" aria-hidden="true">
          !
        </span>
        {t(missed ? 'contactState.missed' : 'contactState.failed')}
      </h2>
      <CallerIdentity peer={contact.peer} testId="closed-peer" />
      <EndMessage contact={contact} />
      {/* A missed offer's reason is always the ring timeout the title already says. */}
      {!missed && (contact.endReason || contact.endCode) ? (
        <dl className="facts">
          <EndReasonRow contact={contact} />
        </dl>
      ) : null}
      <p className="hint">{t(missed ? 'contact.missedHint' : 'contact.failedHint')}</p>
      <ClearContactButton contactId={contact.id} verb="close" />
    </section>
  );
}

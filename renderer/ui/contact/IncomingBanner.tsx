import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../common/contract';
import { CallerIdentity } from './CallerIdentity';
import { useCcp } from '../app/CcpContext';
import { IntentError } from '../shared/IntentError';
import { QueueName } from './QueueName';
import { useFocusWhenLost } from '../shared/useFocusWhenLost';
import { useIntent } from '../shared/useIntent';
import { useNow } from '../shared/useNow';

/**
 * An offer ringing: who calls, through which queue, seconds left to answer, Accept and Reject.
 * A queued callback (D7) says so: accepting it calls the customer back.
 */
export function IncomingBanner({ contact }: { contact: Contact }) {
  const { t } = useTranslation();
  const api = useCcp();
  const intent = useIntent();
  const now = useNow();
  // Accept takes focus only when nothing had it: the number field being typed in keeps it.
  const accept = useRef<HTMLButtonElement>(null);
  useFocusWhenLost(accept);
  const secondsLeft =
    contact.ringDeadline !== undefined
      ? Math.max(0, Math.ceil((contact.ringDeadline - now) / 1000))
      : undefined;

  return (
    <section
      className="incoming"
      data-testid="incoming-banner"
      data-callback={contact.callback ? true : undefined}
      aria-labelledby="incoming-title"
    >
      <div className="incoming__top">
        <h2 id="incoming-title" className="incoming__title">
          <span className="incoming__pulse" aria-hidden="true" />
          {t(contact.callback ? 'contact.callbackIncomingTitle' : 'contact.incomingTitle')}
        </h2>
        {secondsLeft !== undefined ? (
          <p className="countdown" title={t('contact.countdownLabel')}>
            <span className="sr-only">{t('contact.countdownLabel')}: </span>
            <span className="countdown__value" data-testid="incoming-countdown">
              {secondsLeft}
            </span>
            <span className="countdown__unit">{t('contact.secondsUnit')}</span>
          </p>
        ) : null}
      </div>
      <CallerIdentity peer={contact.peer} testId="incoming-caller" />
      <QueueName queue={contact.queue} testId="incoming-queue" />
      {contact.callback ? <p className="hint">{t('contact.callbackIncomingHint')}</p> : null}
      {contact.deskPhone ? (
        <p className="hint" data-testid="incoming-desk-phone">
          {t('deskPhone.ringing')}
        </p>
      ) : null}
      <div className="incoming__actions">
        {/* Desk phone mode (B3): answering the desk phone is accepting; no Accept here. */}
        {contact.deskPhone ? null : (
          <button
            type="button"
            className="button button--accept"
            data-testid="accept"
            ref={accept}
            disabled={intent.pending}
            onClick={() => void intent.run(() => api.contacts.accept(contact.id))}
          >
            {t('contact.accept')}
          </button>
        )}
        <button
          type="button"
          className="button button--reject"
          data-testid="reject"
          disabled={intent.pending}
          onClick={() => void intent.run(() => api.contacts.reject(contact.id))}
        >
          {t('contact.reject')}
        </button>
      </div>
      <IntentError failure={intent.failure} context="contact" testId="contact-error" />
    </section>
  );
}

import { useTranslation } from 'react-i18next';
import type { Contact } from '../../preload/contract';
import { CallerIdentity } from './CallerIdentity';
import { useCcp } from './CcpContext';
import { ElapsedTime } from './ElapsedTime';
import { IntentError } from './IntentError';
import { useIntent } from './useIntent';

/** A live call: connecting after Accept, ringing out, or connected with its timer. End. */
export function InCallView({ contact }: { contact: Contact }) {
  const { t } = useTranslation();
  const api = useCcp();
  const end = useIntent();
  const state = contact.state;

  let headline: string;
  if (state === 'dialing') headline = t('contact.calling', { number: contact.peer.number });
  else if (state === 'accepting') headline = t('contact.connecting');
  else headline = t('contactState.connected');

  return (
    <section className="call" aria-labelledby="call-title">
      <h2 id="call-title" className="call__title">
        {state !== 'connected' ? (
          <span className="spinner spinner--dark" aria-hidden="true" />
        ) : null}
        {headline}
      </h2>
      {state === 'dialing' ? null : <CallerIdentity peer={contact.peer} testId="call-peer" />}
      {state === 'connected' ? (
        <ElapsedTime
          since={contact.connectedAt ?? contact.stateSince}
          label={t('contact.callTimerLabel')}
          testId="call-timer"
          className="call__timer"
        />
      ) : null}
      <button
        type="button"
        className="button button--reject button--block"
        data-testid="end-call"
        autoFocus={state === 'connected' || state === 'dialing'}
        disabled={end.pending}
        onClick={() => void end.run(() => api.contacts.end(contact.id))}
      >
        {t('contact.end')}
      </button>
      <IntentError failure={end.failure} context="contact" testId="contact-error" />
    </section>
  );
}

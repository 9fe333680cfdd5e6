import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact, DeskState } from '../../../common/contract';
import { CallerIdentity } from '../contact/CallerIdentity';
import { CustomerLookupButton } from '../contact/CustomerLookupButton';
import { CallNotes } from '../contact/CallNotes';
import { useCcp } from '../app/CcpContext';
import { ControlButton } from '../shared/ControlButton';
import { DtmfPad } from './DtmfPad';
import { DtmfPadToggle } from './DtmfPadToggle';
import { ElapsedTime } from '../shared/ElapsedTime';
import { HoldButton } from './HoldButton';
import { HoldStatus } from './HoldStatus';
import { IntentError } from '../shared/IntentError';
import { MultiPartyCall } from './MultiPartyCall';
import { MuteButton } from './MuteButton';
import { MutedStatus } from './MutedStatus';
import { customerStatus } from './partyStatus';
import { QualityIndicator } from './QualityIndicator';
import { QueueName } from '../contact/QueueName';
import { RecordingControl } from './RecordingControl';
import { TransferPanel } from './TransferPanel';
import { transferOffered } from './transferOffered';
import { TransferProgressNote } from './TransferProgressNote';
import type { ContactDetailsHandle } from '../contact/useContactDetails';
import { useFocusWhenLost } from '../shared/useFocusWhenLost';
import { useIntent } from '../shared/useIntent';
import { useSettled } from '../shared/useSettled';

export interface InCallProps {
  contact: Contact;
  desk: Pick<DeskState, 'contactOptions' | 'quickConnects' | 'dialing' | 'quickConnectPresence'>;
  details: ContactDetailsHandle;
}

/** The customer alone on the line: connecting, ringing out, or connected with its controls. */
function SinglePartyCall({ contact }: { contact: Contact }) {
  const { t } = useTranslation();
  const api = useCcp();
  const control = useIntent();
  const end = useIntent();
  const [padOpen, setPadOpen] = useState(false);
  const state = contact.state;
  const connected = state === 'connected';
  // Focus policy: the heading takes the focus Accept or Call lost (pressing it does nothing),
  // and for a moment no control acts, so a double click or repeated key ends nothing.
  const title = useRef<HTMLHeadingElement>(null);
  useFocusWhenLost(title);
  const settled = useSettled();
  const transferPending = contact.transfer?.state === 'pending';
  const unavailable = transferPending || !settled;

  let headline: string;
  if (state === 'dialing') headline = t('contact.calling', { number: contact.peer.number });
  else if (state === 'accepting') headline = t('contact.connecting');
  else if (contact.monitoring) {
    headline = t('monitoring.title', { name: contact.peer.displayName || contact.peer.number });
  } else headline = t(contact.callback ? 'call.callbackTitle' : 'contactState.connected');

  return (
    <section className="call" aria-labelledby="call-title">
      <div className="call__top">
        <h2
          id="call-title"
          className="call__title"
          data-testid="call-title"
          ref={title}
          tabIndex={-1}
        >
          {!connected ? <span className="spinner spinner--dark" aria-hidden="true" /> : null}
          {headline}
        </h2>
        {connected ? <QualityIndicator quality={contact.quality} testId="call-quality" /> : null}
      </div>
      {/* The customer as a party, like the rows of a two-party call: tests and screen
          readers find "Customer" and its hold state the same way in both. While dialing out
          the headline already names the number. */}
      {state === 'dialing' ? null : (
        <div
          role="group"
          aria-label={t('party.customer')}
          className="call__customer"
          data-testid="party-customer"
          data-status={customerStatus(contact)}
        >
          <CallerIdentity peer={contact.peer} testId="call-peer" />
          <QueueName queue={contact.queue} testId="call-queue" />
          {connected ? <HoldStatus contact={contact} /> : null}
        </div>
      )}
      {connected ? (
        <ElapsedTime
          since={contact.connectedAt ?? contact.stateSince}
          label={t('contact.callTimerLabel')}
          testId="call-timer"
          className="call__timer"
        />
      ) : null}
      {connected && contact.monitoring ? (
        <p className="hint" data-testid="monitoring-hint">
          {t('monitoring.hint')}
        </p>
      ) : null}
      {connected && !contact.monitoring ? <MutedStatus muted={contact.muted} /> : null}
      <TransferProgressNote transfer={contact.transfer} />
      {/* The call's actions stay together at the bottom of the view, in view (sticky) and in
          place: the number pad opens below them, hold and mute badges have room reserved. */}
      <div className="call__actions">
        {connected && !contact.monitoring ? (
          <div className="call-controls" role="group" aria-label={t('call.controls')}>
            <HoldButton
              hold={contact.hold}
              testId="hold"
              unavailable={unavailable}
              onRequest={(hold) =>
                void control.run(() => api.contacts.hold(contact.id, 'customer', hold))
              }
            />
            {/* Desk phone mode (B3): the desk phone's own mute key; the PC's microphone is off. */}
            {contact.deskPhone ? null : (
              <MuteButton
                muted={contact.muted}
                unavailable={!settled}
                onRequest={(muted) => void control.run(() => api.contacts.mute(contact.id, muted))}
              />
            )}
            <DtmfPadToggle open={padOpen} onToggle={() => setPadOpen(!padOpen)} />
          </div>
        ) : null}
        <IntentError failure={control.failure} context="contact" testId="call-control-error" />
        {connected && contact.callback ? (
          <div className="voicemail">
            <p className="hint" id="voicemail-hint">
              {t('call.voicemailHint')}
            </p>
            <ControlButton
              className="button button--secondary button--block"
              testId="voicemail-end"
              aria-describedby="voicemail-hint"
              unavailable={unavailable}
              onClick={() => void end.run(() => api.contacts.end(contact.id, { voicemail: true }))}
            >
              {t('call.voicemailEnd')}
            </ControlButton>
          </div>
        ) : null}
        <ControlButton
          className="button button--reject button--block"
          testId="end-call"
          unavailable={unavailable}
          onClick={() => void end.run(() => api.contacts.end(contact.id))}
        >
          {t('contact.end')}
        </ControlButton>
        <IntentError failure={end.failure} context="contact" testId="contact-error" />
      </div>
      {connected && padOpen ? <DtmfPad contact={contact} /> : null}
    </section>
  );
}

/**
 * A live call: connecting after Accept, ringing out, or connected. Connected, it adds the
 * Transfer panel (when the profile allows) and the notes; with a third party on, the party
 * rows replace the single-customer controls.
 */
export function InCallView({ contact, desk, details }: InCallProps) {
  const connected = contact.state === 'connected';
  const thirdParty = contact.thirdParty;
  return (
    <>
      {connected && thirdParty ? (
        <MultiPartyCall contact={{ ...contact, thirdParty }} options={desk.contactOptions} />
      ) : (
        <SinglePartyCall contact={contact} />
      )}
      {connected ? (
        <CustomerLookupButton
          contactId={contact.id}
          number={contact.peer.number}
          open={desk.contactOptions.customerLookup}
        />
      ) : null}
      <RecordingControl contact={contact} allowed={desk.contactOptions.recording === true} />
      {transferOffered(contact, desk.contactOptions) ? (
        <TransferPanel
          contact={contact}
          quickConnects={desk.quickConnects}
          dialing={desk.dialing}
          presence={desk.quickConnectPresence}
        />
      ) : null}
      {connected ? <CallNotes details={details} /> : null}
    </>
  );
}

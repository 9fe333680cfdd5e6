import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact, DeskState, IntentResult, ThirdParty } from '../../../common/contract';
import { useCcp } from '../app/CcpContext';
import { ControlButton } from '../shared/ControlButton';
import { DtmfPad } from './DtmfPad';
import { DtmfPadToggle } from './DtmfPadToggle';
import { ElapsedTime } from '../shared/ElapsedTime';
import { IntentError } from '../shared/IntentError';
import { multiPartyActions } from './multiPartyActions';
import { MuteButton } from './MuteButton';
import { MutedStatus } from './MutedStatus';
import { customerStatus, thirdPartyStatus } from './partyStatus';
import { PartyRow } from './PartyRow';
import { QueueName } from '../contact/QueueName';
import { TransferProgressNote } from './TransferProgressNote';
import { useFocusWhenLost } from '../shared/useFocusWhenLost';
import { useIntent } from '../shared/useIntent';
import { useSettled } from '../shared/useSettled';

interface Props {
  contact: Contact & { thirdParty: ThirdParty };
  options: DeskState['contactOptions'];
}

function nameAndNumber(displayName: string, number: string, label?: string) {
  const name = label?.trim() || displayName.trim() || number.trim();
  const secondary = number.trim();
  return { name, number: secondary && secondary !== name ? secondary : undefined };
}

/**
 * A call with a third party on (D6): a row per party with its own state and buttons, and the
 * contact-level Join, Hold all, Swap, Mute and Leave (attended transfer) below them.
 */
export function MultiPartyCall({ contact, options }: Props) {
  const { t } = useTranslation();
  const api = useCcp();
  const control = useIntent();
  const [padOpen, setPadOpen] = useState(false);
  const thirdParty = contact.thirdParty;
  const actions = multiPartyActions(contact, options);
  // While a transfer is under way nothing else may start (main would refuse transferPending).
  // and for a moment after the rows appear nothing acts (focus policy): the click that
  // started the consult must not land on a party's End.
  const settled = useSettled();
  const busy = contact.transfer?.state === 'pending' || !settled;
  const title = useRef<HTMLHeadingElement>(null);
  useFocusWhenLost(title);
  // The rows appear where the Transfer panel was scrolled to: bring the parties into view.
  const section = useRef<HTMLElement>(null);
  useEffect(() => {
    section.current?.closest('.desk-main')?.scrollTo({ top: 0 });
  }, []);
  const run = (action: () => Promise<IntentResult>): void => void control.run(action);
  const customer = nameAndNumber(contact.peer.displayName, contact.peer.number);
  const third = nameAndNumber(
    thirdParty.peer.displayName,
    thirdParty.peer.number,
    thirdParty.label,
  );
  const customerRowStatus = customerStatus(contact);
  const thirdRowStatus = thirdPartyStatus(thirdParty);

  return (
    <section
      className="call call--multi"
      ref={section}
      aria-labelledby="call-title"
      data-testid="multi-party"
      data-conference={contact.conference ? true : undefined}
    >
      <div className="call__top">
        <h2
          id="call-title"
          className="call__title"
          data-testid="call-title"
          ref={title}
          tabIndex={-1}
        >
          {t(contact.conference ? 'call.conference' : 'contactState.connected')}
        </h2>
        {/* In the heading row: the party rows below need the height at 360x620. */}
        <QueueName queue={contact.queue} testId="call-queue" />
        <ElapsedTime
          since={contact.connectedAt ?? contact.stateSince}
          label={t('contact.callTimerLabel')}
          testId="call-timer"
          className="call__timer call__timer--small"
        />
      </div>
      <PartyRow
        leg="customer"
        name={customer.name || t('contact.unknownCaller')}
        number={customer.number}
        status={customerRowStatus}
        hold={contact.hold}
        quality={contact.quality}
        canHold={customerRowStatus !== 'left'}
        canEnd={customerRowStatus !== 'left'}
        unavailable={busy}
        onHold={(hold) => run(() => api.contacts.hold(contact.id, 'customer', hold))}
        onEnd={() => run(() => api.contacts.endLeg(contact.id, 'customer'))}
      />
      <PartyRow
        leg="thirdParty"
        name={third.name || t('contact.unknownCaller')}
        number={third.number}
        status={thirdRowStatus}
        hold={thirdParty.hold}
        quality={thirdParty.quality}
        canHold={thirdParty.state === 'connected'}
        canEnd
        unavailable={busy}
        onHold={(hold) => run(() => api.contacts.hold(contact.id, 'thirdParty', hold))}
        onEnd={() => run(() => api.contacts.endLeg(contact.id, 'thirdParty'))}
      />
      {customerRowStatus === 'left' ? (
        <p className="hint" data-testid="customer-left">
          {t('party.customerLeftHint')}
        </p>
      ) : null}
      <TransferProgressNote transfer={contact.transfer} />
      <div className="call__actions">
        <div className="call-controls" role="group" aria-label={t('call.controls')}>
          {actions.join ? (
            <ControlButton
              className="button call-control"
              testId="join"
              unavailable={busy}
              onClick={() => run(() => api.contacts.join(contact.id))}
            >
              {t('call.join')}
            </ControlButton>
          ) : null}
          {actions.holdAll ? (
            <ControlButton
              className="button call-control"
              testId="hold-all"
              unavailable={busy}
              onClick={() =>
                run(() => api.contacts.hold(contact.id, 'all', actions.holdAll === 'hold'))
              }
            >
              {t(actions.holdAll === 'hold' ? 'call.holdAll' : 'call.resumeAll')}
            </ControlButton>
          ) : null}
          {actions.swap ? (
            <ControlButton
              className="button call-control"
              testId="swap"
              unavailable={busy}
              onClick={() => run(() => api.contacts.swap(contact.id))}
            >
              {t('call.swap')}
            </ControlButton>
          ) : null}
          <MuteButton
            muted={contact.muted}
            unavailable={!settled}
            onRequest={(muted) => run(() => api.contacts.mute(contact.id, muted))}
          />
          <DtmfPadToggle open={padOpen} onToggle={() => setPadOpen(!padOpen)} />
          {actions.leave ? (
            <ControlButton
              className="button call-control call-control--leave"
              testId="leave"
              unavailable={busy}
              onClick={() => run(() => api.contacts.leave(contact.id))}
            >
              {t('call.leave')}
            </ControlButton>
          ) : null}
        </div>
        {customerRowStatus === 'left' ? (
          // Only the third party is left: ending the call is ending the contact.
          <ControlButton
            className="button button--reject button--block"
            testId="end-call"
            unavailable={busy}
            onClick={() => run(() => api.contacts.end(contact.id))}
          >
            {t('contact.end')}
          </ControlButton>
        ) : null}
        <IntentError failure={control.failure} context="contact" testId="call-control-error" />
      </div>
      {/* Under the buttons and outside their sticky block, so muting moves none of them. */}
      <MutedStatus muted={contact.muted} />
      {actions.leave ? <p className="hint">{t('call.leaveHint')}</p> : null}
      {padOpen ? <DtmfPad contact={contact} /> : null}
    </section>
  );
}

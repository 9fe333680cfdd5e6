import { useTranslation } from 'react-i18next';
import type { Contact, DeskState } from '../../../common/contract';
import { useCcp } from '../app/CcpContext';
import { useDeskState } from '../app/useDeskState';
import { CallerIdentity } from '../contact/CallerIdentity';
import { QueueName } from '../contact/QueueName';
import { ElapsedTime } from '../shared/ElapsedTime';
import { statusLabel } from '../status/statusLabel';
import { HoldButton } from '../voice/HoldButton';
import { MuteButton } from '../voice/MuteButton';
import { WidgetChats } from './WidgetChats';
import { WidgetOfferButtons } from './WidgetOfferButtons';

/** The contact the widget shows: a ringing offer first, then the live call, then any other. */
function currentContact(state: DeskState): Contact | undefined {
  const rank = (contact: Contact) =>
    contact.state === 'incoming' ? 0 : contact.state === 'connected' ? 1 : 2;
  return [...state.contacts].sort((a, b) => rank(a) - rank(b))[0];
}

function ContactControls({ contact }: { contact: Contact }) {
  const { t } = useTranslation();
  const api = useCcp();
  if (contact.state === 'incoming') {
    return (
      <WidgetOfferButtons
        contactId={contact.id}
        testIdPrefix="widget"
        acceptLabel={t('contact.accept')}
        rejectLabel={t('contact.reject')}
      />
    );
  }
  if (contact.state !== 'connected' || contact.channel !== 'voice') return null;
  return (
    <div className="widget__controls">
      <MuteButton
        muted={contact.muted}
        onRequest={(muted) => void api.contacts.mute(contact.id, muted)}
      />
      <HoldButton
        hold={contact.hold}
        testId="widget-hold"
        onRequest={(hold) => void api.contacts.hold(contact.id, 'customer', hold)}
      />
      <button
        type="button"
        className="button call-control call-control--end"
        data-testid="widget-end"
        onClick={() => void api.contacts.end(contact.id)}
      >
        {t('contact.end')}
      </button>
    </div>
  );
}

/**
 * The compact widget (G1, the guides' "separate, mini window"): the agent's status, the
 * current contact with caller, queue and timer, and Accept/Reject, Mute, Hold and End. It is
 * the UI page in its widget view, so it follows the same DeskState as the CCP window and sends
 * the same intents.
 */
export function CompactWidget() {
  const { t, i18n } = useTranslation();
  const desk = useDeskState(useCcp());
  if (desk.status !== 'ready') {
    return <main className="widget" aria-busy="true" aria-label={t('widget.label')} />;
  }
  const { state } = desk;
  const status = state.agent.statuses.find((entry) => entry.id === state.agent.statusId);
  const contact = currentContact(state);
  const since = contact?.connectedAt ?? contact?.stateSince;
  return (
    <main className="widget" data-testid="widget" aria-label={t('widget.label')}>
      <h1 className="widget__status" data-testid="widget-status">
        {state.session.phase === 'signedIn'
          ? statusLabel(t, status, state.agent.statusId, i18n.language)
          : t('widget.signedOut')}
      </h1>
      {contact ? (
        <section
          className="widget__contact"
          data-testid="widget-contact"
          data-state={contact.state}
          aria-label={t(`contactState.${contact.state}`)}
        >
          <p className="widget__state">{t(`contactState.${contact.state}`)}</p>
          <CallerIdentity peer={contact.peer} testId="widget-caller" />
          <QueueName queue={contact.queue} testId="widget-queue" />
          {since !== undefined ? (
            <ElapsedTime since={since} label={t('contact.callTimerLabel')} testId="widget-timer" />
          ) : null}
          <ContactControls contact={contact} />
        </section>
      ) : state.chats.length === 0 ? (
        <p className="widget__idle" data-testid="widget-idle">
          {t('widget.noContact')}
        </p>
      ) : null}
      <WidgetChats chats={state.chats} />
    </main>
  );
}

import type { DeskState } from '../../../common/contract';
import { ContactView } from '../contact/ContactView';
import { DeskHeader } from './DeskHeader';
import { NoticeBar } from './NoticeBar';
import { NumberPad } from '../voice/NumberPad';
import { QuickConnects } from '../voice/QuickConnects';
import { StatusBar } from '../status/StatusBar';
import { StatusSelector } from '../status/StatusSelector';
import { TodayPanel } from '../status/TodayPanel';
import { transferOffered } from '../voice/transferOffered';

/** The CCP proper: identity, status, notices, and the open contact or the number pad. */
export function SignedInView({ state }: { state: DeskState }) {
  const contact = state.contacts[0];
  // On a call the Transfer panel lists the quick connects itself; one list on screen, not two.
  const quickConnectsInTransfer = transferOffered(contact, state.contactOptions);
  return (
    <>
      <DeskHeader state={state} />
      <StatusBar state={state} />
      <StatusSelector agent={state.agent} />
      <NoticeBar notice={state.notice} />
      <main className="desk-main">
        {contact ? (
          <ContactView key={contact.id} contact={contact} desk={state} />
        ) : (
          <NumberPad dialing={state.dialing} dialDraft={state.dialDraft} />
        )}
        {quickConnectsInTransfer ? null : (
          <QuickConnects entries={state.quickConnects} onCall={contact?.state === 'connected'} />
        )}
        {state.today && <TodayPanel today={state.today} statuses={state.agent.statuses} />}
      </main>
    </>
  );
}

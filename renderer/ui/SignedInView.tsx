import type { DeskState } from '../../preload/contract';
import { ContactView } from './ContactView';
import { DeskHeader } from './DeskHeader';
import { NoticeBar } from './NoticeBar';
import { NumberPad } from './NumberPad';
import { QuickConnects } from './QuickConnects';
import { StatusBar } from './StatusBar';
import { StatusSelector } from './StatusSelector';
import { TodayPanel } from './TodayPanel';

/** The CCP proper: identity, status, notices, and the open contact or the number pad. */
export function SignedInView({ state }: { state: DeskState }) {
  const contact = state.contacts[0];
  return (
    <>
      <DeskHeader state={state} />
      <StatusBar state={state} />
      <StatusSelector agent={state.agent} />
      <NoticeBar notice={state.notice} />
      <main className="desk-main">
        {contact ? (
          <ContactView contact={contact} />
        ) : (
          <NumberPad dialing={state.dialing} dialDraft={state.dialDraft} />
        )}
        <QuickConnects entries={state.quickConnects} onCall={contact?.state === 'connected'} />
        {state.today && <TodayPanel today={state.today} statuses={state.agent.statuses} />}
      </main>
    </>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskState } from '../../../common/contract';
import { ChatWorkspace } from '../chat/ChatWorkspace';
import { ContactView } from '../contact/ContactView';
import { DeskHeader } from './DeskHeader';
import { deskMoment } from './deskMoment';
import { NoticeBar } from './NoticeBar';
import { NumberPad } from '../voice/NumberPad';
import { MonitorForm } from '../voice/MonitorForm';
import { OfferAnnouncement } from '../contact/OfferAnnouncement';
import { QuickConnects } from '../voice/QuickConnects';
import { RecentContacts } from '../voice/RecentContacts';
import { recentReloadKey } from '../voice/recentReloadKey';
import { StatusBar } from '../status/StatusBar';
import { StatusSelector } from '../status/StatusSelector';
import { TodayPanel } from '../status/TodayPanel';
import { quickConnectsBesideContact } from '../voice/transferOffered';

/** The CCP proper: identity, status, notices, and the open contact or the number pad. */
export function SignedInView({ state }: { state: DeskState }) {
  const { t } = useTranslation();
  const contact = state.contacts[0];
  // On a call the Transfer panel lists the quick connects itself; one list on screen, not two.
  const quickConnectsShown = quickConnectsBesideContact(contact, state.contactOptions);
  // The number pad stays (the same element) while an offer rings: what the agent was typing
  // keeps its text and its focus, and the banner appears above it (focus policy, rule 1).
  const moment = deskMoment(state);
  const padShown = !contact || contact.state === 'incoming';
  // A number from the recent contacts for the pad; `seq` so the same number fills it again.
  const [prefill, setPrefill] = useState<{ target: string; seq: number }>();
  return (
    <>
      {/* Every part in a landmark, for screen-reader navigation (the h1 is in the header). */}
      <DeskHeader state={state} />
      <section className="desk-status" aria-label={t('app.agentRegion')}>
        <StatusBar state={state} />
        <StatusSelector agent={state.agent} moment={moment} />
      </section>
      <section className="desk-notices" aria-label={t('notice.regionLabel')}>
        <NoticeBar notice={state.notice} moment={moment} />
        <OfferAnnouncement contact={contact} />
      </section>
      <main className="desk-main">
        <ChatWorkspace
          state={state}
          voiceView={
            <>
              {contact ? <ContactView key={contact.id} contact={contact} desk={state} /> : null}
              {padShown ? (
                <NumberPad dialing={state.dialing} dialDraft={state.dialDraft} prefill={prefill} />
              ) : null}
              {!contact && state.contactOptions.monitor ? <MonitorForm /> : null}
            </>
          }
        />
        {quickConnectsShown ? (
          <QuickConnects
            entries={state.quickConnects}
            onCall={contact?.state === 'connected'}
            presence={state.quickConnectPresence}
          />
        ) : null}
        <RecentContacts
          hidden={contact !== undefined}
          reloadKey={recentReloadKey(state)}
          onPrefill={(target) => setPrefill({ target, seq: (prefill?.seq ?? 0) + 1 })}
        />
        {state.today && <TodayPanel today={state.today} statuses={state.agent.statuses} />}
      </main>
    </>
  );
}

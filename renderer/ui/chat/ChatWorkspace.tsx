/**
 * The contacts area once a chat is on the desk: the tabs, and under them the chosen tab's
 * panel (a chat, or the voice view as it always was). Without chats the voice view shows alone,
 * exactly as before. A new offer takes the selection so the agent sees it.
 */
import { useState, type ReactNode } from 'react';
import type { DeskState } from '../../../common/contract';
import { ChatPanel } from './ChatPanel';
import { ContactTabs, VOICE_TAB } from './ContactTabs';

export function ChatWorkspace({ state, voiceView }: { state: DeskState; voiceView: ReactNode }) {
  const voice = state.contacts[0];
  const chats = state.chats;
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  if (chats.length === 0) return <>{voiceView}</>;
  const offered = chats.find((chat) => chat.state === 'incoming');
  const exists = (id: string | undefined) =>
    id !== undefined && (id === VOICE_TAB ? voice !== undefined : chats.some((c) => c.id === id));
  const selected = exists(chosen) ? chosen! : (offered?.id ?? (voice ? VOICE_TAB : chats[0]!.id));
  const chat = chats.find((c) => c.id === selected);
  return (
    <>
      <ContactTabs voice={voice} chats={chats} selected={selected} onSelect={setChosen} />
      <div role="tabpanel" id="contact-tabpanel" aria-labelledby={`tab-${selected}`}>
        {chat ? (
          <ChatPanel
            key={chat.id}
            chat={chat}
            attachmentLimits={state.contactOptions.chatAttachments}
          />
        ) : (
          voiceView
        )}
      </div>
    </>
  );
}

/**
 * The tabs of the open contacts (E2): the voice contact and every chat side by side, each with
 * its unread count and timers, an hourglass and ACW time in after contact work, and missed
 * chats until cleared. ARIA tabs with roving focus: Left/Right (and Home/End) move between
 * them, as the WAI-ARIA tabs pattern has it.
 */
import type { KeyboardEvent } from 'react';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChatContact, Contact } from '../../../common/contract';
import { ElapsedTime } from '../shared/ElapsedTime';

export const VOICE_TAB = 'voice';

interface Props {
  voice: Contact | undefined;
  chats: readonly ChatContact[];
  selected: string;
  onSelect(tabId: string): void;
}

export function ContactTabs({ voice, chats, selected, onSelect }: Props) {
  const { t } = useTranslation();
  const refs = useRef(new Map<string, HTMLButtonElement>());
  const ids = [...(voice ? [VOICE_TAB] : []), ...chats.map((chat) => chat.id)];
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const at = ids.indexOf(selected);
    const next =
      event.key === 'ArrowRight'
        ? ids[(at + 1) % ids.length]
        : event.key === 'ArrowLeft'
          ? ids[(at - 1 + ids.length) % ids.length]
          : event.key === 'Home'
            ? ids[0]
            : event.key === 'End'
              ? ids.at(-1)
              : undefined;
    if (next === undefined) return;
    event.preventDefault();
    onSelect(next);
    refs.current.get(next)?.focus();
  };
  const tab = (id: string, testId: string, content: React.ReactNode, extra = {}) => (
    <button
      key={id}
      type="button"
      role="tab"
      id={`tab-${id}`}
      aria-selected={selected === id}
      aria-controls="contact-tabpanel"
      tabIndex={selected === id ? 0 : -1}
      data-testid={testId}
      className="contact-tab"
      ref={(element) => {
        if (element) refs.current.set(id, element);
        else refs.current.delete(id);
      }}
      onClick={() => onSelect(id)}
      {...extra}
    >
      {content}
    </button>
  );
  return (
    <div
      role="tablist"
      aria-label={t('chat.tabsLabel')}
      className="contact-tabs"
      data-testid="contact-tabs"
      onKeyDown={onKeyDown}
    >
      {voice
        ? tab(VOICE_TAB, 'tab-voice', <span className="tab-name">{t('chat.voiceTab')}</span>)
        : null}
      {chats.map((chat) =>
        tab(chat.id, 'chat-tab', <ChatTabContent chat={chat} />, {
          'data-state': chat.state,
          'data-unread': chat.unread,
        }),
      )}
    </div>
  );
}

function ChatTabContent({ chat }: { chat: ChatContact }) {
  const { t } = useTranslation();
  const name = chat.peer.displayName || chat.peer.number;
  return (
    <>
      <span className="tab-name">
        {chat.state === 'acw' ? <span aria-hidden="true">⌛ </span> : null}
        {name}
      </span>
      {chat.unread > 0 ? (
        <span
          className="tab-unread"
          data-testid="tab-unread"
          aria-label={t('chat.unread', { count: chat.unread })}
        >
          {chat.unread}
        </span>
      ) : null}
      <span className="tab-timers">
        {chat.state === 'connected' && chat.connectedAt !== undefined ? (
          <>
            <ElapsedTime
              since={chat.connectedAt}
              label={t('chat.connectedTime')}
              testId="chat-connected-time"
              notLive
            />
            {chat.turnSince !== undefined ? (
              <ElapsedTime
                since={chat.turnSince}
                label={t('chat.turnTime')}
                testId="chat-turn-time"
                notLive
              />
            ) : null}
          </>
        ) : null}
        {chat.state === 'acw' ? (
          <ElapsedTime
            since={chat.stateSince}
            label={t('chat.acwTime')}
            testId="chat-acw-time"
            notLive
          />
        ) : null}
        {chat.state === 'missed' ? <span className="tab-missed">{t('chat.missed')}</span> : null}
        {chat.state === 'incoming' ? (
          <span className="tab-incoming">{t('chat.incomingTitle')}</span>
        ) : null}
      </span>
    </>
  );
}

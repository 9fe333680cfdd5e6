/**
 * One chat in its tab (E1-E3): the offer with the transcript so far and Accept / Reject; the
 * conversation with the typing area and End chat; after contact work and a missed chat with
 * Clear. Seeing the tab marks its lines read.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChatAttachmentLimits, ChatContact } from '../../../common/contract';
import { useCcp } from '../app/CcpContext';
import { ClearContactButton } from '../contact/ClearContactButton';
import { IntentError } from '../shared/IntentError';
import { useIntent } from '../shared/useIntent';
import { ChatAttachPicker } from './ChatAttachPicker';
import { ChatComposer } from './ChatComposer';
import { ChatTranscript } from './ChatTranscript';

export function ChatPanel({
  chat,
  attachmentLimits,
}: {
  chat: ChatContact;
  attachmentLimits?: ChatAttachmentLimits | undefined;
}) {
  const { t } = useTranslation();
  const api = useCcp();
  const intent = useIntent();
  const name = chat.peer.displayName || chat.peer.number;
  useEffect(() => {
    if (chat.unread > 0 && chat.state !== 'incoming') void api.chats.read(chat.id);
  }, [api, chat.id, chat.unread, chat.state]);
  return (
    <div className="chat-panel" data-testid="chat-panel" data-state={chat.state}>
      <header className="chat-panel-header">
        <h2 className="chat-peer">
          {chat.state === 'incoming' ? `${t('chat.incomingTitle')}: ` : ''}
          {name}
        </h2>
        {chat.queue ? <p className="chat-queue">{chat.queue}</p> : null}
      </header>
      <ChatTranscript lines={chat.transcript} typing={chat.customerTyping === true} />
      {chat.state === 'incoming' ? (
        <div className="chat-offer-actions">
          <button
            type="button"
            className="button button--accept"
            data-testid="chat-accept"
            onClick={() => void intent.run(() => api.contacts.accept(chat.id))}
          >
            {t('chat.accept')}
          </button>
          <button
            type="button"
            className="button"
            data-testid="chat-reject"
            onClick={() => void intent.run(() => api.contacts.reject(chat.id))}
          >
            {t('chat.reject')}
          </button>
        </div>
      ) : null}
      {chat.state === 'connected' ? (
        <>
          <ChatComposer contactId={chat.id} />
          {attachmentLimits && attachmentLimits.maxBytes > 0 ? (
            <ChatAttachPicker contactId={chat.id} limits={attachmentLimits} />
          ) : null}
          <button
            type="button"
            className="button button--end"
            data-testid="chat-end"
            onClick={() => void intent.run(() => api.contacts.end(chat.id))}
          >
            {t('chat.end')}
          </button>
        </>
      ) : null}
      {chat.state === 'acw' || chat.state === 'missed' ? (
        <ClearContactButton
          contactId={chat.id}
          verb={chat.state === 'missed' ? 'close' : 'clear'}
        />
      ) : null}
      <IntentError failure={intent.failure} context="contact" testId="chat-error" />
    </div>
  );
}

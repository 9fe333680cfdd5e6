/**
 * Where the agent writes (E2): a text area taking the markdown subset, a few emoji, a preview
 * of the line as the customer's side will render it, and Send (Enter; Shift+Enter for a new
 * line). Typing is reported to main, which sends isComposing at a sane rate (ChatTyping);
 * after IDLE_MS without a key the agent counts as stopped.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCcp } from '../app/CcpContext';
import { IntentError } from '../shared/IntentError';
import { useIntent } from '../shared/useIntent';
import { ChatText } from './ChatText';

const IDLE_MS = 5_000;

const EMOJI = [
  { name: 'smile', char: '🙂' },
  { name: 'thumbsUp', char: '👍' },
  { name: 'thanks', char: '🙏' },
  { name: 'wave', char: '👋' },
] as const;

export function ChatComposer({ contactId }: { contactId: string }) {
  const { t } = useTranslation();
  const api = useCcp();
  const send = useIntent();
  const [draft, setDraft] = useState('');
  const [preview, setPreview] = useState(false);
  const idle = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(idle.current), []);

  const typed = (text: string): void => {
    setDraft(text);
    void api.chats.typing(contactId, true);
    clearTimeout(idle.current);
    idle.current = setTimeout(() => void api.chats.typing(contactId, false), IDLE_MS);
  };
  const submit = (): void => {
    const text = draft.trim();
    if (text === '') return;
    clearTimeout(idle.current);
    void send.run(async () => {
      const result = await api.chats.send(contactId, text);
      if (result.ok) {
        setDraft('');
        setPreview(false);
      }
      return result;
    });
  };

  return (
    <form
      className="chat-composer"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      {preview ? (
        <div
          className="chat-preview"
          data-testid="chat-preview"
          aria-label={t('chat.previewLabel')}
          role="region"
        >
          <ChatText text={draft} />
        </div>
      ) : (
        <label className="chat-message-field">
          <span className="sr-only">{t('chat.messageLabel')}</span>
          <textarea
            data-testid="chat-input"
            value={draft}
            rows={3}
            maxLength={4000}
            placeholder={t('chat.formatHint')}
            onChange={(event) => typed(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && !event.shiftKey) {
                event.preventDefault();
                submit();
              }
            }}
          />
        </label>
      )}
      <div className="chat-composer-actions">
        {EMOJI.map((emoji) => (
          <button
            key={emoji.name}
            type="button"
            className="chat-emoji"
            aria-label={t('chat.emojiLabel', { name: t(`chat.emoji.${emoji.name}`) })}
            onClick={() => typed(draft + emoji.char)}
            disabled={preview}
          >
            {emoji.char}
          </button>
        ))}
        <button
          type="button"
          data-testid="chat-preview-toggle"
          aria-pressed={preview}
          onClick={() => setPreview(!preview)}
        >
          {preview ? t('chat.edit') : t('chat.preview')}
        </button>
        <button
          type="submit"
          data-testid="chat-send"
          className="primary"
          disabled={draft.trim() === ''}
        >
          {t('chat.send')}
        </button>
      </div>
      <IntentError failure={send.failure} context="contact" testId="chat-error" />
    </form>
  );
}

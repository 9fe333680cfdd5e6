/**
 * A chat's transcript (E3): every line with who wrote it, bot lines and the lines written
 * before the agent joined marked as such, and the agent's lines with their delivery.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChatLine } from '../../../common/contract';
import { ChatAttachmentView } from './ChatAttachmentView';
import { ChatText } from './ChatText';

export function ChatTranscript({ lines, typing }: { lines: readonly ChatLine[]; typing: boolean }) {
  const { t } = useTranslation();
  const end = useRef<HTMLLIElement>(null);
  const last = lines.at(-1)?.id;
  useEffect(() => {
    end.current?.scrollIntoView?.({ block: 'end' });
  }, [last]);
  return (
    <section className="chat-transcript" aria-label={t('chat.transcriptLabel')}>
      <ol data-testid="chat-transcript">
        {lines.map((line) => (
          <li
            key={line.id}
            className={`chat-line chat-line--${line.role}${line.beforeAccept ? ' chat-line--before' : ''}`}
            data-testid="chat-line"
            data-role={line.role}
            data-before-accept={line.beforeAccept ? 'true' : undefined}
            data-delivery={line.delivery}
          >
            <span className="chat-line-who">
              {t(`chat.role.${line.role}`)}
              {line.beforeAccept ? ` · ${t('chat.beforeAccept')}` : ''}
            </span>
            {line.attachment ? (
              <ChatAttachmentView attachment={line.attachment} />
            ) : (
              <ChatText text={line.text} />
            )}
            {line.delivery ? (
              <span className="chat-line-delivery">{t(`chat.delivery.${line.delivery}`)}</span>
            ) : null}
          </li>
        ))}
        <li ref={end} aria-hidden="true" className="chat-end" />
      </ol>
      {typing ? (
        <p className="chat-typing" data-testid="chat-typing" role="status">
          {t('chat.typing')}
        </p>
      ) : null}
    </section>
  );
}

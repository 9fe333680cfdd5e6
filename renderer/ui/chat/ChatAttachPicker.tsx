/**
 * Attaching a file to a chat (E2): the agent picks a file, it is checked against the profile's
 * size and type limits at once (a clear message when it is over, nothing is sent), and a
 * checked file shows as a preview (the image itself, or its name and size) with Send file and
 * Remove. Main checks the limits again before anything leaves.
 */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkOutgoing, mimeOnly, safeFileName } from '../../../common/chat/attachmentPolicy';
import type { ChatAttachment, ChatAttachmentLimits } from '../../../common/contract';
import { useCcp } from '../app/CcpContext';
import { IntentError } from '../shared/IntentError';
import { useIntent } from '../shared/useIntent';
import { ChatAttachmentView } from './ChatAttachmentView';
import { useFileSize } from './fileSize';

/** The file's bytes as base64 (FileReader's data URL, its prefix dropped). */
function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

export function ChatAttachPicker({
  contactId,
  limits,
}: {
  contactId: string;
  limits: ChatAttachmentLimits;
}) {
  const { t } = useTranslation();
  const api = useCcp();
  const send = useIntent();
  const size = useFileSize();
  const input = useRef<HTMLInputElement>(null);
  const [picked, setPicked] = useState<ChatAttachment | undefined>(undefined);
  const [refusal, setRefusal] = useState<string | undefined>(undefined);

  const choose = async (file: File | undefined): Promise<void> => {
    setPicked(undefined);
    setRefusal(undefined);
    if (!file) return;
    const name = safeFileName(file.name);
    const type = mimeOnly(file.type) || 'application/octet-stream';
    const verdict = checkOutgoing({ size: file.size, type }, limits);
    if (!verdict.ok) {
      setRefusal(
        verdict.reason === 'tooLarge'
          ? t('chat.attachTooLarge', { name, size: size(file.size), limit: size(limits.maxBytes) })
          : verdict.reason === 'empty'
            ? t('chat.attachEmpty', { name })
            : t('chat.attachTypeNotAllowed', { name, type, types: limits.types.join(', ') }),
      );
      return;
    }
    setPicked({ name, type, size: file.size, data: await readBase64(file) });
  };
  const sendFile = (attachment: ChatAttachment): void => {
    void send.run(async () => {
      const result = await api.chats.attach(contactId, attachment);
      if (result.ok) setPicked(undefined);
      return result;
    });
  };

  return (
    <div className="chat-attach">
      <input
        ref={input}
        type="file"
        className="sr-only"
        tabIndex={-1}
        aria-hidden="true"
        data-testid="chat-attach-input"
        accept={limits.types.join(',')}
        onChange={(event) => {
          void choose(event.target.files?.[0]);
          event.target.value = '';
        }}
      />
      <button type="button" data-testid="chat-attach" onClick={() => input.current?.click()}>
        {t('chat.attach')}
      </button>
      {refusal ? (
        <p className="intent-error" role="alert" data-testid="chat-attach-error">
          {refusal}
        </p>
      ) : null}
      {picked ? (
        <div
          className="chat-attachment-preview"
          role="region"
          aria-label={t('chat.attachmentPreview')}
          data-testid="chat-attachment-preview"
        >
          <ChatAttachmentView attachment={picked} />
          <span>
            {picked.name} ({size(picked.size)})
          </span>
          <button
            type="button"
            className="primary"
            data-testid="chat-send-file"
            onClick={() => sendFile(picked)}
          >
            {t('chat.sendFile')}
          </button>
          <button type="button" data-testid="chat-remove-file" onClick={() => setPicked(undefined)}>
            {t('chat.removeFile')}
          </button>
        </div>
      ) : null}
      <IntentError failure={send.failure} context="contact" testId="chat-attach-refused" />
    </div>
  );
}

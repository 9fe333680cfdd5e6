/**
 * A file in the transcript (E2), shown safely: an image only when its declared type is a raster
 * image type and its bytes agree (displayKind), through a data: URL of that checked type, which
 * the CSP allows for img-src and nothing else; any other file is a download link whose data: URL
 * is application/octet-stream, so the page never renders or runs it (HTML, SVG, scripts).
 */
import { useTranslation } from 'react-i18next';
import { displayKind, mimeOnly } from '../../../common/chat/attachmentPolicy';
import type { ChatAttachment } from '../../../common/contract';
import { useFileSize } from './fileSize';

export function ChatAttachmentView({ attachment }: { attachment: ChatAttachment }) {
  const { t } = useTranslation();
  const size = useFileSize();
  if (displayKind(attachment) === 'image') {
    return (
      <img
        className="chat-attachment-image"
        data-testid="chat-attachment-image"
        src={`data:${mimeOnly(attachment.type)};base64,${attachment.data}`}
        alt={t('chat.imageAlt', { name: attachment.name })}
      />
    );
  }
  return (
    <a
      className="chat-attachment-download"
      data-testid="chat-attachment-download"
      href={`data:application/octet-stream;base64,${attachment.data}`}
      download={attachment.name}
    >
      {t('chat.download', { name: attachment.name, size: size(attachment.size) })}
    </a>
  );
}

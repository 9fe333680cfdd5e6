/**
 * A chat file on the wire (docs/chat.md, "Attachments"): one MESSAGE whose body is the file,
 * base64-encoded, with the file's own Content-Type, `Content-Transfer-Encoding: base64` and
 * `Content-Disposition: attachment; filename="..."`.
 *
 * Why base64: a SIP body over WebSocket travels in a text frame, and raw image bytes are not
 * UTF-8 (the browser would drop the connection); base64 is also what MIME does for the same
 * reason (RFC 2045), so a plain client builds it with any MIME tool.
 */
import { ChatAttachment, MAX_ATTACHMENT_BYTES } from '../../../common/contract';
import { mimeOnly, safeFileName } from '../../../common/chat/attachmentPolicy';

export interface FileHeaders {
  contentType: string;
  contentTransferEncoding: string | undefined;
  contentDisposition: string | undefined;
}

/** Whether a MESSAGE carries a file rather than a line of text. */
export function isFileMessage(headers: FileHeaders): boolean {
  return (headers.contentTransferEncoding ?? '').trim().toLowerCase() === 'base64';
}

/**
 * The file a MESSAGE carries, or undefined when it is malformed or too large (answered 415
 * or 413 by the caller). Nothing here decides how it is shown: the UI does (displayKind).
 */
export function fileOf(
  headers: FileHeaders,
  body: string,
): { ok: true; attachment: ChatAttachment } | { ok: false; status: 413 | 415 } {
  const data = body.replace(/\s+/g, '');
  const size = Math.floor((data.length * 3) / 4) - (data.match(/=+$/)?.[0].length ?? 0);
  if (size > MAX_ATTACHMENT_BYTES) return { ok: false, status: 413 };
  const parsed = ChatAttachment.safeParse({
    name: safeFileName(filenameOf(headers.contentDisposition) ?? 'file'),
    type: mimeOnly(headers.contentType) || 'application/octet-stream',
    size,
    data,
  });
  return parsed.success ? { ok: true, attachment: parsed.data } : { ok: false, status: 415 };
}

/** `attachment; filename="a b.png"` or `filename=a.png` -> the name. */
function filenameOf(disposition: string | undefined): string | undefined {
  const match = /filename\s*=\s*(?:"([^"]*)"|([^;\s]+))/i.exec(disposition ?? '');
  return match?.[1] ?? match?.[2];
}

/** The headers that go with a file the agent sends. */
export function fileHeaders(attachment: ChatAttachment): string[] {
  return [
    `Content-Disposition: attachment; filename="${safeFileName(attachment.name)}"`,
    'Content-Transfer-Encoding: base64',
  ];
}

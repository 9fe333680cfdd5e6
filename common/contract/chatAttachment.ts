/**
 * A file in a chat (E2): small, carried whole in one SIP MESSAGE (docs/chat.md, "Attachments").
 * The bytes travel as base64 both on the wire and across IPC: a SIP body over WebSocket is text,
 * and a base64 string is inert until the UI decides how (and whether) to show it.
 */
import { z } from 'zod';

/**
 * The largest file any profile may allow: base64 makes it 4/3 larger, and the whole MESSAGE
 * must fit a SIP proxy's TCP/WebSocket read buffer (64 KiB in Kamailio's usual setup).
 */
export const MAX_ATTACHMENT_BYTES = 45_000;
const MAX_BASE64 = Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4;

/** A MIME type as `type/subtype`, parameters dropped, lower case. */
export const MimeType = z
  .string()
  .max(100)
  .regex(/^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/);

/** A file name safe to show and to put in a quoted header parameter. */
export const AttachmentName = z
  .string()
  .min(1)
  .max(128)
  // No quote, backslash, slash or control character: it goes into a quoted header parameter.
  // eslint-disable-next-line no-control-regex
  .regex(/^[^"\\\r\n/\u0000-\u001f]+$/);

export const ChatAttachment = z.object({
  name: AttachmentName,
  type: MimeType,
  /** Decoded size in bytes. */
  size: z.number().int().nonnegative().max(MAX_ATTACHMENT_BYTES),
  /** The file's bytes, base64 (no line breaks). */
  data: z
    .string()
    .max(MAX_BASE64)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/),
});
export type ChatAttachment = z.infer<typeof ChatAttachment>;

/** What the profile lets the agent send (routing.chatAttachments). */
export const ChatAttachmentLimits = z.object({
  maxBytes: z.number().int().nonnegative().max(MAX_ATTACHMENT_BYTES),
  types: z.array(MimeType).max(50),
});
export type ChatAttachmentLimits = z.infer<typeof ChatAttachmentLimits>;

/** Without a profile setting: common images, PDF and plain text, up to 32 KiB. */
export const DEFAULT_ATTACHMENT_LIMITS: ChatAttachmentLimits = {
  maxBytes: 32_768,
  types: ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf', 'text/plain'],
};

/**
 * The two decisions about a chat file (E2), shared by the UI (to tell the agent before sending)
 * and main (which checks again, renderers being untrusted):
 * - may the agent send it: size and type within the profile's limits;
 * - how may a received one be shown: as an image only when its declared type is a raster image
 *   type AND its bytes start like one; everything else (SVG, HTML, scripts, a "PNG" that is
 *   really HTML) is offered as a download and never rendered.
 */
import type { ChatAttachmentLimits } from '../contract/chatAttachment';

export type OutgoingVerdict =
  { ok: true } | { ok: false; reason: 'tooLarge' | 'typeNotAllowed' | 'empty' };

export function checkOutgoing(
  file: { size: number; type: string },
  limits: ChatAttachmentLimits,
): OutgoingVerdict {
  if (file.size === 0) return { ok: false, reason: 'empty' };
  if (file.size > limits.maxBytes) return { ok: false, reason: 'tooLarge' };
  if (!limits.types.includes(mimeOnly(file.type))) return { ok: false, reason: 'typeNotAllowed' };
  return { ok: true };
}

/** `image/PNG; x=y` -> `image/png`. */
export function mimeOnly(type: string): string {
  return (type.split(';')[0] ?? '').trim().toLowerCase();
}

/**
 * Raster image types a browser decodes without running anything, with their magic numbers.
 * SVG is not among them: it is XML that may carry script and links.
 */
const IMAGE_SIGNATURES: Readonly<Record<string, readonly (readonly number[])[]>> = {
  'image/png': [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  'image/jpeg': [[0xff, 0xd8, 0xff]],
  'image/gif': [
    [0x47, 0x49, 0x46, 0x38, 0x37, 0x61],
    [0x47, 0x49, 0x46, 0x38, 0x39, 0x61],
  ],
  // RIFF....WEBP: bytes 4-7 are the size, checked below.
  'image/webp': [[0x52, 0x49, 0x46, 0x46]],
};

export type DisplayKind = 'image' | 'download';

/** How a received file may be shown: `image` only for a checked raster image. */
export function displayKind(attachment: { type: string; data: string }): DisplayKind {
  const type = mimeOnly(attachment.type);
  const signatures = IMAGE_SIGNATURES[type];
  if (!signatures) return 'download';
  const head = leadingBytes(attachment.data, 12);
  const matches = signatures.some((signature) => signature.every((byte, i) => head[i] === byte));
  if (!matches) return 'download';
  if (type === 'image/webp') {
    const webp = [0x57, 0x45, 0x42, 0x50];
    if (!webp.every((byte, i) => head[8 + i] === byte)) return 'download';
  }
  return 'image';
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * The first `count` bytes of a base64 string. Decoded here rather than with atob/Buffer so the
 * same code runs in main and in the UI (common/ has neither DOM nor Node types).
 */
function leadingBytes(base64: string, count: number): number[] {
  const bytes: number[] = [];
  let bits = 0;
  let value = 0;
  for (const char of base64.slice(0, Math.ceil(count / 3) * 4)) {
    if (char === '=') break;
    const sextet = BASE64.indexOf(char);
    if (sextet < 0) return [];
    value = (value << 6) | sextet;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((value >> bits) & 0xff);
    }
  }
  return bytes.slice(0, count);
}

/** A file name made safe for the header parameter and the screen: odd characters become _. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // Control characters are exactly what must not reach a header or the screen.
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/["\\\r\n\u0000-\u001f]/g, '_').slice(0, 128);
  return cleaned.trim() === '' ? 'file' : cleaned;
}

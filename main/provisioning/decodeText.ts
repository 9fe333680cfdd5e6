/**
 * Bytes of a profile to text. UTF-8 is expected, but Windows tools write other things: Notepad
 * a UTF-8 byte order mark, PowerShell 5's Out-File UTF-16 with one. Those are recognised by
 * their mark; anything else that is not valid UTF-8 is refused rather than misread.
 */
import { SourceError } from './SourceError';

export function decodeText(bytes: Uint8Array): string {
  const [first, second] = bytes;
  const encoding =
    first === 0xff && second === 0xfe
      ? 'utf-16le'
      : first === 0xfe && second === 0xff
        ? 'utf-16be'
        : 'utf-8';
  try {
    // TextDecoder drops the byte order mark itself.
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw new SourceError('notText', `The document is not ${encoding.toUpperCase()} text`);
  }
}

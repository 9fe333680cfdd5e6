/** decodeText: UTF-8, or UTF-16 recognised by its byte order mark; anything else refused. */
import { describe, expect, it } from 'vitest';
import { decodeText } from './decodeText';
import { SourceError } from './SourceError';

const utf16 = (text: string, order: 'le' | 'be') => {
  const bytes = [order === 'le' ? 0xff : 0xfe, order === 'le' ? 0xfe : 0xff];
  for (const char of text) {
    const code = char.charCodeAt(0);
    const pair = [code & 0xff, code >> 8];
    bytes.push(...(order === 'le' ? pair : pair.reverse()));
  }
  return Uint8Array.from(bytes);
};

describe('decodeText', () => {
  it('reads UTF-8, with or without the byte order mark Notepad writes', () => {
    const text = '{"name":"Università"}';
    expect(decodeText(new TextEncoder().encode(text))).toBe(text);
    expect(decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]))).toBe(
      text,
    );
  });

  it('reads UTF-16 little- and big-endian by their byte order marks (PowerShell 5)', () => {
    expect(decodeText(utf16('{"a":1}', 'le'))).toBe('{"a":1}');
    expect(decodeText(utf16('{"a":1}', 'be'))).toBe('{"a":1}');
  });

  it('does not take a text that merely starts with one byte of a mark for UTF-16', () => {
    // 0xff or 0xfe alone is not valid UTF-8 either: refused as UTF-8, never misread as UTF-16.
    for (const bytes of [
      [0xff, 0x7b],
      [0x7b, 0xfe],
      [0xfe, 0x7b],
      [0x7b, 0xff],
    ]) {
      expect(() => decodeText(Uint8Array.from(bytes))).toThrow('The document is not UTF-8 text');
    }
  });

  it('refuses bytes that are not text in the encoding found, naming it', () => {
    const error = (() => {
      try {
        decodeText(Uint8Array.from([0xfe, 0xff, 0xd8, 0x00]));
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(SourceError);
    expect(error).toMatchObject({
      name: 'SourceError',
      kind: 'notText',
      message: 'The document is not UTF-16BE text',
    });
    expect(() => decodeText(Uint8Array.from([0xc3, 0x28]))).toThrow(
      'The document is not UTF-8 text',
    );
  });
});

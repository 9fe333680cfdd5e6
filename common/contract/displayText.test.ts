import { describe, expect, it } from 'vitest';
import { cleanDisplayText, DisplayText } from './displayText';

describe('cleanDisplayText', () => {
  it('removes a right-to-left override that would make a spoofed name read as another', () => {
    expect(cleanDisplayText('Bank \u202Emoc.knab')).toBe('Bank moc.knab');
  });

  it('removes every bidi embedding, override, isolate and mark', () => {
    const bidi = '\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F\u061C';
    expect(cleanDisplayText(`A${bidi}B`)).toBe('AB');
  });

  it('removes C0 and C1 control characters, newlines and tabs included', () => {
    expect(cleanDisplayText('Ali\u0000ce\n\tSmith\u007f\u0085\u009f')).toBe('AliceSmith');
  });

  it('keeps letters of every script, accents and emoji, and trims the ends', () => {
    expect(cleanDisplayText('  Zoë 李小龍 مريم 😀  ')).toBe('Zoë 李小龍 مريم 😀');
  });
});

describe('DisplayText', () => {
  it('cleans while parsing, and refuses text over 256 characters', () => {
    expect(DisplayText.parse('\u202Eevil')).toBe('evil');
    expect(DisplayText.safeParse('x'.repeat(257)).success).toBe(false);
  });
});

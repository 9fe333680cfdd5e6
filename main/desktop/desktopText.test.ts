/** The desktop's own words: complete in the four languages, values put in as plain text. */
import { describe, expect, it } from 'vitest';
import { DESKTOP_LANGUAGES, desktopLanguage, desktopTables, desktopWords } from './desktopText';

describe('desktop text', () => {
  it('every key has words in every language, with the same placeholders as English', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const language of DESKTOP_LANGUAGES) {
      for (const [key, english] of Object.entries(desktopTables.en)) {
        const words = desktopTables[language][key as keyof typeof desktopTables.en];
        expect(words.trim().length, `${language} ${key}`).toBeGreaterThan(0);
        expect(placeholders(words), `${language} ${key}`).toEqual(placeholders(english));
      }
    }
  });

  it('follows the OS locale, English for any other', () => {
    expect(desktopLanguage('it-IT')).toBe('it');
    expect(desktopLanguage('zh-Hans-CN')).toBe('zh-CN');
    expect(desktopLanguage('ja')).toBe('ja');
    expect(desktopLanguage('de-DE')).toBe('en');
  });

  it('a caller name with braces is put in as it is, not read as another placeholder', () => {
    expect(
      desktopWords({ key: 'notify.caller', values: { caller: '{count} {caller}' } }, 'en'),
    ).toBe('From {count} {caller}');
  });
});

/**
 * Every end code main can put on a contact has a plain message in all four languages, read
 * from the contract's enum: a code added there without words fails here, not in front of an
 * agent as a raw key.
 */
import { describe, expect, it } from 'vitest';
import { ContactEndCode } from '../../../common/contract';
import i18n from '../app/i18n';

const LANGUAGES = ['en', 'zh-CN', 'ja', 'it'];
const CODES = ContactEndCode.options;

describe('end code messages', () => {
  it('reads the codes from the contract (the scan itself works)', () => {
    expect(CODES).toEqual(expect.arrayContaining(['mediaFailed', 'busy', 'unreachable']));
  });

  it.each(LANGUAGES)('has a message for every end code in %s', (lng) => {
    const missing = CODES.filter(
      (code) => !i18n.exists(`contact.endCode.${code}`, { lng, fallbackLng: false }),
    );
    expect(missing).toEqual([]);
  });

  it.each(['zh-CN', 'ja', 'it'])('translates every end code and Details in %s', (lng) => {
    const english = i18n.getFixedT('en');
    const translated = i18n.getFixedT(lng);
    const keys = ['contact.endDetails', ...CODES.map((code) => `contact.endCode.${code}`)];
    expect(keys.filter((key) => translated(key) === english(key))).toEqual([]);
  });
});

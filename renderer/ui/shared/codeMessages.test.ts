/**
 * Main sends codes (refusal reasons, notices, end codes) and the UI words each through a table
 * that the type checker holds to every code of the contract. What the type checker cannot see
 * is the catalogues: every key the tables name must hold a message in all four languages.
 */
import { describe, expect, it } from 'vitest';
import { ContactEndCode, NoticeCode, RefusalReason } from '../../../common/contract';
import { NOTICE_MESSAGES } from '../app/noticeMessages';
import i18n, { SUPPORTED_LANGUAGES } from '../app/i18n';
import { END_CODE_MESSAGES } from '../contact/endCodeMessages';
import type { MessageKey } from './messageKey';
import {
  REFUSAL_MESSAGES,
  REFUSAL_MESSAGES_IN_CONTEXT,
  refusalMessageKey,
} from './refusalMessages';

const TABLE_KEYS: MessageKey[] = [
  ...Object.values(REFUSAL_MESSAGES),
  ...Object.values(REFUSAL_MESSAGES_IN_CONTEXT).flatMap((table) => Object.values(table)),
  ...Object.values(NOTICE_MESSAGES),
  ...Object.values(END_CODE_MESSAGES),
];

/** A message in `lng` itself (no fallback to English), and a message rather than a group. */
function hasMessage(lng: string, key: string): boolean {
  return (
    i18n.exists(key, { lng, fallbackLng: false }) &&
    typeof i18n.getFixedT(lng)(key, { returnObjects: true }) === 'string'
  );
}

describe('the code tables', () => {
  it('word every code of the contract', () => {
    expect(Object.keys(REFUSAL_MESSAGES)).toEqual(expect.arrayContaining(RefusalReason.options));
    expect(Object.keys(NOTICE_MESSAGES).sort()).toEqual([...NoticeCode.options].sort());
    expect(Object.keys(END_CODE_MESSAGES).sort()).toEqual([...ContactEndCode.options].sort());
  });

  it.each(SUPPORTED_LANGUAGES)('name only keys that hold a message in %s', (lng) => {
    expect(TABLE_KEYS.filter((key) => !hasMessage(lng, key))).toEqual([]);
  });

  it.each(SUPPORTED_LANGUAGES)('word the in-call, transfer and wrap-up refusals in %s', (lng) => {
    const reasons = [
      'notPermitted',
      'unknownQuickConnect',
      'unknownWrapUpCode',
      'wrapUpRequired',
      'noThirdParty',
      'thirdPartyActive',
      'notConnected',
      'transferPending',
      'dtmf.invalid',
      'detailsNotSaved',
    ];
    const unworded = reasons.filter((reason) => {
      const key = refusalMessageKey('contact', reason);
      return key === 'reasons.unknown' || !hasMessage(lng, key);
    });
    expect(unworded).toEqual([]);
  });

  it.each(['zh-CN', 'ja', 'it'])('translate every end code and Details in %s', (lng) => {
    const english = i18n.getFixedT('en');
    const translated = i18n.getFixedT(lng);
    const keys = ['contact.endDetails', ...Object.values(END_CODE_MESSAGES)];
    expect(keys.filter((key) => translated(key) === english(key))).toEqual([]);
  });
});

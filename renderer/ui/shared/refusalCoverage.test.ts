/**
 * Every refusal reason and notice key main can send has a plain message in all four languages.
 * Read from main's source, so a reason added to the desk without a message fails here, not in
 * front of an agent as "The request was refused (someNewReason)".
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import i18n from '../app/i18n';
import { reasonMessageKeys, type IntentContext } from './reasonMessageKeys';

const MAIN = fileURLToPath(new URL('../../../main/', import.meta.url));

function sources(folder: string): string {
  return readdirSync(`${MAIN}${folder}`)
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
    .map((name) => readFileSync(`${MAIN}${folder}/${name}`, 'utf8'))
    .join('\n');
}

function found(text: string, pattern: RegExp): string[] {
  return [...new Set([...text.matchAll(pattern)].map((match) => match[1]!))].sort();
}

const desk = sources('desk');
const dialing = sources('dialing');
// Reason codes are camelCase words; SIP reason phrases ("Declined") are shown as they are.
const REASON = /(?:refuse\(|reason: )'([a-z][A-Za-z.]*)'/g;
const NOTICE = /(?:notice|setNotice)\(\s*'(?:info|warning|error)',\s*'([A-Za-z]+)'/g;

/** The message i18next would pick, or undefined when only the "refused (x)" fallback is left. */
function message(language: string, context: IntentContext, reason: string): string | undefined {
  const t = i18n.getFixedT(language);
  const key = reasonMessageKeys(context, reason).find(
    (candidate) =>
      candidate !== 'reasons.unknown' &&
      i18n.exists(candidate, { lng: language, fallbackLng: false }) &&
      typeof t(candidate, { returnObjects: true }) === 'string',
  );
  return key ? t(key, { reason }) : undefined;
}

const LANGUAGES = ['en', 'zh-CN', 'ja', 'it'];

describe('refusal reasons from main', () => {
  const deskReasons = found(desk, REASON);
  const dialReasons = found(dialing, REASON);

  it('finds the reasons in main (the scan itself works)', () => {
    expect(deskReasons).toEqual(expect.arrayContaining(['contactNotFound', 'wrapUpRequired']));
    expect(dialReasons).toEqual(expect.arrayContaining(['emergency', 'blocked']));
  });

  it.each(LANGUAGES)('has a message for every desk reason in %s', (language) => {
    const missing = deskReasons.filter(
      (reason) =>
        message(language, 'contact', reason) === undefined &&
        message(language, 'dial', reason) === undefined,
    );
    expect(missing).toEqual([]);
  });

  it.each(LANGUAGES)('reads dialing refusals the same for a transfer target in %s', (language) => {
    for (const reason of dialReasons) {
      expect(message(language, 'transfer', reason)).toBeDefined();
      // Unless the transfer panel words it for itself ("empty": pick or type a target).
      if (!i18n.exists(`reasons.transfer.${reason}`, { lng: language, fallbackLng: false }))
        expect(message(language, 'transfer', reason)).toBe(message(language, 'dial', reason));
    }
  });

  it.each(LANGUAGES)('has the issue 4 reasons and the schema message dtmf.invalid in %s', (lng) => {
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
    expect(reasons.filter((reason) => message(lng, 'contact', reason) === undefined)).toEqual([]);
  });
});

describe('notices from main', () => {
  const keys = found(desk, NOTICE);

  it('finds the notices in main', () => {
    expect(keys).toEqual(expect.arrayContaining(['connectionLost', 'registrationFailed']));
  });

  it.each(LANGUAGES)('has a message for every notice key in %s', (language) => {
    const expected = new Set([
      ...keys,
      'holdFailed',
      'thirdPartyLeft',
      'consultFailed',
      'customerLeft',
      'transferFailed',
      'referRefused',
    ]);
    const missing = [...expected].filter(
      (key) => !i18n.exists(`notice.${key}`, { lng: language, fallbackLng: false }),
    );
    expect(missing).toEqual([]);
  });
});

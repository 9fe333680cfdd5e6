import { describe, expect, it } from 'vitest';
import { DialRefusalReason } from '../../common/contract';
import { DialingRulesConfig, planDial, type DialPlan } from './DialingRules';
import { MAX_DIAL_INPUT_LENGTH } from '../../common/dialing/dialString';

const US: DialingRulesConfig = { defaultCountry: 'US' };
const GB: DialingRulesConfig = { defaultCountry: 'GB' };
const FR: DialingRulesConfig = { defaultCountry: 'FR' };

const pstn = (e164: string, display: string, country?: string): DialPlan =>
  ({ ok: true, kind: 'pstn', e164, display, ...(country ? { country } : {}) }) as DialPlan;

describe('planDial: normalisation to E.164 (acceptance examples)', () => {
  const michigan = pstn('+17347644357', '+1 734 764 4357', 'US');
  const london = pstn('+442071838750', '+44 20 7183 8750', 'GB');

  it.each([
    ['734-764-4357', US, michigan],
    ['(734) 764-4357', US, michigan],
    ['734.764.4357', US, michigan],
    ['1 734 764 4357', US, michigan],
    ['7347644357', US, michigan],
    ['+1 734 764 4357', GB, michigan],
    ['020 7183 8750', GB, london],
    ['+44 20 7183 8750', US, london],
    ['011 44 20 7183 8750', US, london],
    ['00 44 20 7183 8750', GB, london],
  ])('%s (default %o) -> E.164', (input, config, expected) => {
    expect(planDial(input, config)).toEqual(expected);
  });

  it('folds pasted Unicode: full-width and Arabic-Indic digits, no-break spaces, en dashes', () => {
    expect(planDial('７３４－７６４－４３５７', US)).toMatchObject({ e164: '+17347644357' });
    expect(planDial('٧٣٤٧٦٤٤٣٥٧', US)).toMatchObject({ e164: '+17347644357' });
    expect(planDial('734\u00a0764\u20134357', US)).toMatchObject({ e164: '+17347644357' });
  });

  it('ignores surrounding whitespace', () => {
    expect(planDial('  734-764-4357\n', US)).toMatchObject({ e164: '+17347644357' });
  });

  it('resolves the country behind a shared calling code (CA behind +1, GG behind +44)', () => {
    expect(planDial('416 979 2000', US)).toMatchObject({ e164: '+14169792000', country: 'CA' });
    expect(planDial('+44 7911 123456', US)).toMatchObject({ country: 'GG' });
  });

  it('has no country for a non-geographic number', () => {
    expect(planDial('+800 1234 5678', US)).toEqual(pstn('+80012345678', '+800 1234 5678'));
  });

  it('accepts a pasted tel: or callto: link and plans what it points at', () => {
    expect(planDial('tel:+1-734-764-4357', GB)).toEqual(michigan);
    expect(planDial('callto://+442071838750/', US)).toEqual(london);
  });
});

describe('planDial: emergency numbers are refused before anything else', () => {
  it.each([
    ['911', US, '911'],
    ['112', US, '112'],
    ['999', US, '999'],
    ['000', US, '000'],
    ['9 1 1', US, '911'],
    [' 9-1-1 ', US, '911'],
    ['+1 911', US, '911'],
    ['+1911', GB, '911'],
    ['+911', US, '911'],
    ['+44 999', US, '999'],
    ['00 44 999', GB, '999'],
    ['011 44 999', US, '999'],
    ['999', GB, '999'],
    ['112', GB, '112'],
    ['１１２', GB, '112'],
  ])('%s (default %o) is emergency %s', (input, config, number) => {
    expect(planDial(input, config)).toEqual({ ok: false, reason: 'emergency', number });
  });

  it("applies the default country's own list: 15, 17, 18 in France but not in the UK", () => {
    expect(planDial('15', FR)).toEqual({ ok: false, reason: 'emergency', number: '15' });
    expect(planDial('17', FR)).toMatchObject({ reason: 'emergency' });
    expect(planDial('18', FR)).toMatchObject({ reason: 'emergency' });
    expect(planDial('15', GB)).toEqual({ ok: true, kind: 'extension', target: '15' });
  });

  it("applies a country's list when its calling code is typed: +33 17 from the US", () => {
    expect(planDial('+33 17', US)).toEqual({ ok: false, reason: 'emergency', number: '17' });
    expect(planDial('0033 17', FR)).toMatchObject({ reason: 'emergency', number: '17' });
  });

  it("does not apply another +1 country's list to national input (311 is Barbados')", () => {
    expect(planDial('311', US)).toEqual({ ok: true, kind: 'extension', target: '311' });
    expect(planDial('+1 311', US)).toMatchObject({ reason: 'emergency', number: '311' });
  });

  it('refuses the profile list, in short-code and in full-number form', () => {
    const config: DialingRulesConfig = {
      defaultCountry: 'US',
      emergencyNumbers: ['988', '9911', '+1 800 273 8255'],
    };
    expect(planDial('988', config)).toEqual({ ok: false, reason: 'emergency', number: '988' });
    expect(planDial('+1 988', config)).toMatchObject({ reason: 'emergency', number: '988' });
    expect(planDial('9911', config)).toMatchObject({ reason: 'emergency', number: '9911' });
    expect(planDial('1-800-273-8255', config)).toEqual({
      ok: false,
      reason: 'emergency',
      number: '+18002738255',
    });
    expect(planDial('988', US)).toEqual({ ok: true, kind: 'extension', target: '988' });
  });

  it('wins over the blocked list and the allowed countries', () => {
    const config: DialingRulesConfig = {
      defaultCountry: 'US',
      allowedCountries: ['CA'],
      blockedNumbers: ['911', '1001'],
      emergencyNumbers: ['1001'],
    };
    expect(planDial('911', config)).toMatchObject({ reason: 'emergency' });
    expect(planDial('1001', config)).toMatchObject({ reason: 'emergency' });
  });

  it('looks inside SIP URIs: sip:911@pbx is still an emergency call', () => {
    expect(planDial('sip:911@pbx.example.com', US)).toEqual({
      ok: false,
      reason: 'emergency',
      number: '911',
    });
    expect(planDial('+1911@pbx.example.com', US)).toMatchObject({ reason: 'emergency' });
    expect(planDial('tel:112', US)).toMatchObject({ reason: 'emergency' });
  });

  it('does not mistake a full number containing 911 for an emergency call', () => {
    expect(planDial('+1 212 911 0000', US)).toMatchObject({ ok: true, kind: 'pstn' });
  });
});

describe('planDial: SIP addresses and user names', () => {
  it.each([
    ['sip:alice@example.com', 'sip:alice@example.com'],
    ['SIPS:Alice@Example.COM', 'sips:Alice@example.com'],
    ['alice@example.com', 'sip:alice@example.com'],
    ['sip:bob@10.0.0.1:5061;transport=tls', 'sip:bob@10.0.0.1:5061;transport=tls'],
    ['sip:+17347644357@carrier.example;user=phone', 'sip:+17347644357@carrier.example;user=phone'],
    ['sip:5551234@pbx.example.com', 'sip:5551234@pbx.example.com'],
    ['sip:alice%40example.com@pbx', undefined],
  ])('%s -> %s', (input, target) => {
    expect(planDial(input, US)).toEqual(
      target ? { ok: true, kind: 'sip', target } : { ok: false, reason: 'invalid' },
    );
  });

  it('takes a word starting with a letter as a bare user name for the account domain', () => {
    expect(planDial('customer1', US)).toEqual({ ok: true, kind: 'sip', target: 'customer1' });
    expect(planDial('alice.smith', US)).toEqual({ ok: true, kind: 'sip', target: 'alice.smith' });
  });

  it('refuses user names with characters outside the allow-list', () => {
    expect(planDial('alice smith', US)).toEqual({ ok: false, reason: 'invalid' });
    expect(planDial('alice<script>', US)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses a SIP URI without a user or host', () => {
    expect(planDial('sip:alice', US)).toEqual({ ok: false, reason: 'invalid' });
    expect(planDial('sip:@example.com', US)).toEqual({ ok: false, reason: 'invalid' });
    expect(planDial('sip:alice@example.com:70000', US)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('applies blocked and allowed-country rules to a number in the user part', () => {
    const config: DialingRulesConfig = {
      defaultCountry: 'US',
      allowedCountries: ['US'],
      blockedNumbers: ['+1 734 764 4357'],
    };
    expect(planDial('sip:+17347644357@carrier.example', config)).toMatchObject({
      reason: 'blocked',
    });
    expect(planDial('sip:+442071838750@carrier.example', config)).toMatchObject({
      reason: 'countryNotAllowed',
      country: 'GB',
    });
    expect(planDial('sip:+12125550100@carrier.example', config)).toMatchObject({ ok: true });
  });
});

describe('planDial: internal extensions', () => {
  it.each(['10', '311', '1001', '0800', '12345', '123456', '10-01'])(
    '%s is an extension',
    (input) => {
      expect(planDial(input, US)).toEqual({
        ok: true,
        kind: 'extension',
        target: input.replace('-', ''),
      });
    },
  );

  it('needs at least 2 digits and no "+"', () => {
    expect(planDial('7', US)).toEqual({ ok: false, reason: 'invalid' });
    expect(planDial('+1001', US)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('takes 7 digits as a (local, hence invalid) phone number, not an extension', () => {
    expect(planDial('555-1234', US)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses a blocked extension', () => {
    const config: DialingRulesConfig = { defaultCountry: 'US', blockedNumbers: ['1001'] };
    expect(planDial('1001', config)).toEqual({ ok: false, reason: 'blocked', number: '1001' });
    expect(planDial('1002', config)).toMatchObject({ ok: true, kind: 'extension' });
  });
});

describe('planDial: blocked numbers and allowed countries', () => {
  it('blocks a number however it is typed, by its E.164 form', () => {
    const config: DialingRulesConfig = { defaultCountry: 'US', blockedNumbers: ['7347644357'] };
    for (const input of ['734-764-4357', '+1 (734) 764-4357', '1 734 764 4357']) {
      expect(planDial(input, config)).toEqual({
        ok: false,
        reason: 'blocked',
        number: '+17347644357',
      });
    }
    expect(planDial('734-764-4358', config)).toMatchObject({ ok: true });
  });

  it('refuses a country outside the list, naming the country', () => {
    const config: DialingRulesConfig = { defaultCountry: 'US', allowedCountries: ['US', 'CA'] };
    expect(planDial('+44 20 7183 8750', config)).toEqual({
      ok: false,
      reason: 'countryNotAllowed',
      number: '+442071838750',
      country: 'GB',
    });
    expect(planDial('416 979 2000', config)).toMatchObject({ ok: true, country: 'CA' });
    expect(planDial('734-764-4357', config)).toMatchObject({ ok: true, country: 'US' });
  });

  it('refuses the other countries behind +1 when only US is allowed', () => {
    const config: DialingRulesConfig = { defaultCountry: 'US', allowedCountries: ['US'] };
    expect(planDial('+1 876 555 1234', config)).toMatchObject({
      reason: 'countryNotAllowed',
      country: 'JM',
    });
  });

  it('refuses non-geographic numbers when a list is set, without a country', () => {
    const config: DialingRulesConfig = { defaultCountry: 'US', allowedCountries: ['US'] };
    expect(planDial('+800 1234 5678', config)).toEqual({
      ok: false,
      reason: 'countryNotAllowed',
      number: '+80012345678',
    });
  });

  it('takes an empty list as "no PSTN calls", extensions and SIP still allowed', () => {
    const config: DialingRulesConfig = { defaultCountry: 'US', allowedCountries: [] };
    expect(planDial('734-764-4357', config)).toMatchObject({ reason: 'countryNotAllowed' });
    expect(planDial('1001', config)).toMatchObject({ ok: true, kind: 'extension' });
    expect(planDial('customer1', config)).toMatchObject({ ok: true, kind: 'sip' });
  });

  it('checks blocked before the country', () => {
    const config: DialingRulesConfig = {
      defaultCountry: 'US',
      allowedCountries: ['US'],
      blockedNumbers: ['+44 20 7183 8750'],
    };
    expect(planDial('+44 20 7183 8750', config)).toMatchObject({ reason: 'blocked' });
  });
});

describe('planDial: empty and invalid input', () => {
  it.each(['', '   ', '\t\n', '---', '( )'])('%o is empty', (input) => {
    expect(planDial(input, US)).toEqual({ ok: false, reason: 'empty' });
  });

  it.each([
    'abc!!',
    '++1',
    '+',
    '1+1',
    '1234567890123456789012345678901234567890',
    '1-800-FLOWERS',
    '*72',
    '#31#',
    '734-764-4357 x12',
    '+999 123 456 789',
    '12345678',
    'tel:',
    'callto:',
    'sip:',
    'tel:%zz',
    '1'.repeat(300),
  ])('%s is invalid', (input) => {
    expect(planDial(input, US)).toEqual({ ok: false, reason: 'invalid' });
  });
});

describe('planDial: input bound', () => {
  it('refuses anything longer than MAX_DIAL_INPUT_LENGTH before looking at it', () => {
    const padded = (dashes: number) => `734${'-'.repeat(dashes)}7644357`;
    expect(padded(200).length).toBeLessThanOrEqual(MAX_DIAL_INPUT_LENGTH);
    expect(planDial(padded(200), US)).toMatchObject({ ok: true, e164: '+17347644357' });
    expect(padded(300).length).toBeGreaterThan(MAX_DIAL_INPUT_LENGTH);
    expect(planDial(padded(300), US)).toEqual({ ok: false, reason: 'invalid' });
  });
});

describe('DialingRulesConfig', () => {
  it('accepts the full shape and upper-cases country codes', () => {
    const config = DialingRulesConfig.parse({
      defaultCountry: 'gb',
      allowedCountries: ['GB', 'ie'],
      blockedNumbers: ['+44 20 7183 8750', '1001'],
      emergencyNumbers: ['101'],
    });
    expect(config).toEqual({
      defaultCountry: 'GB',
      allowedCountries: ['GB', 'IE'],
      blockedNumbers: ['+44 20 7183 8750', '1001'],
      emergencyNumbers: ['101'],
    });
  });

  it('refuses an unknown country', () => {
    expect(DialingRulesConfig.safeParse({ defaultCountry: 'XX' }).success).toBe(false);
    expect(DialingRulesConfig.safeParse({ defaultCountry: 'USA' }).success).toBe(false);
    expect(
      DialingRulesConfig.safeParse({ defaultCountry: 'US', allowedCountries: ['ZZ'] }).success,
    ).toBe(false);
  });

  it('points at a list entry that is neither a short code nor a valid number', () => {
    const result = DialingRulesConfig.safeParse({
      defaultCountry: 'US',
      blockedNumbers: ['1001', '555-1234'],
      emergencyNumbers: ['abc'],
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([
      ['blockedNumbers', 1],
      ['emergencyNumbers', 0],
    ]);
  });

  it('makes planDial throw on a config that bypassed the schema', () => {
    const bad = { defaultCountry: 'US', blockedNumbers: ['nope'] } as DialingRulesConfig;
    expect(() => planDial('1001', bad)).toThrow();
  });

  it('every refusal reason the UI words is one the dialing rules can give', () => {
    const rules = DialingRulesConfig.parse({
      defaultCountry: 'US',
      allowedCountries: ['US'],
      blockedNumbers: ['+19005550100'],
    });
    const anyCountry = DialingRulesConfig.parse({ defaultCountry: 'US' });
    // offDomainLink is the link policy's (dialLinkPolicy.test.ts): typed addresses never get it.
    const reasonFor: Record<Exclude<DialRefusalReason, 'offDomainLink'>, [string, typeof rules]> = {
      empty: [' - ', rules],
      invalid: ['abc!!', rules],
      emergency: ['911', rules],
      blocked: ['+1 900 555 0100', rules],
      countryNotAllowed: ['+44 20 7183 8750', rules],
      premiumRate: ['+1 900 555 0123', rules],
      sharedCost: ['+34 901 123 456', anyCountry],
    };
    for (const reason of DialRefusalReason.options) {
      if (reason === 'offDomainLink') continue;
      const [input, config] = reasonFor[reason];
      expect(planDial(input, config)).toMatchObject({ ok: false, reason });
    }
  });
});

describe('planDial: edge cases that must refuse, never throw', () => {
  it.each(['alice@', '@example.com', 'sip:alice@', 'sips:@example.com', 'callto:%zz', 'sip:%zz'])(
    '%s is invalid',
    (input) => {
      expect(planDial(input, US)).toEqual({ ok: false, reason: 'invalid' });
    },
  );

  it('takes input of exactly MAX_DIAL_INPUT_LENGTH characters and refuses one more', () => {
    const padded = (length: number) => `734${'-'.repeat(length - 10)}7644357`;
    expect(padded(MAX_DIAL_INPUT_LENGTH)).toHaveLength(MAX_DIAL_INPUT_LENGTH);
    expect(planDial(padded(MAX_DIAL_INPUT_LENGTH), US)).toMatchObject({
      ok: true,
      e164: '+17347644357',
    });
    expect(planDial(padded(MAX_DIAL_INPUT_LENGTH + 1), US)).toEqual({
      ok: false,
      reason: 'invalid',
    });
  });

  it('counts the length before trimming: surrounding spaces cannot smuggle in a longer input', () => {
    const spaced = ` +17347644357${' '.repeat(MAX_DIAL_INPUT_LENGTH)}`;
    expect(planDial(spaced, US)).toEqual({ ok: false, reason: 'invalid' });
    expect(planDial(` +17347644357 `, US)).toMatchObject({ ok: true, e164: '+17347644357' });
  });
});

describe('DialingRulesConfig: the message of a bad list entry', () => {
  it('is the dialing.badNumber key the profile problem is worded from', () => {
    const result = DialingRulesConfig.safeParse({ defaultCountry: 'US', blockedNumbers: ['x'] });
    expect(result.error?.issues).toMatchObject([
      { code: 'custom', path: ['blockedNumbers', 0], message: 'dialing.badNumber' },
    ]);
  });
});

describe('planDial: numbers that cost the caller extra (Reliability item 7)', () => {
  it('refuses a US premium-rate number (+1 900) even with allowedCountries US', () => {
    expect(planDial('+1 900 555 0123', { defaultCountry: 'US', allowedCountries: ['US'] })).toEqual(
      { ok: false, reason: 'premiumRate', number: '+19005550123', country: 'US' },
    );
  });

  it('refuses a premium-rate number typed nationally (09... in GB, 089... in FR)', () => {
    expect(planDial('0871 234 5678', GB)).toMatchObject({ ok: false, reason: 'premiumRate' });
    expect(planDial('08 91 23 45 67', FR)).toMatchObject({ ok: false, reason: 'premiumRate' });
  });

  it('refuses a shared-cost number (+34 901 in Spain)', () => {
    expect(planDial('+34 901 123 456', US)).toEqual({
      ok: false,
      reason: 'sharedCost',
      number: '+34901123456',
      country: 'ES',
    });
  });

  it('refuses a premium-rate number inside a SIP URI or a pasted callto: link', () => {
    expect(planDial('sip:+19005550123@carrier.example', US)).toMatchObject({
      reason: 'premiumRate',
    });
    expect(planDial('callto:+19005550123', US)).toMatchObject({ reason: 'premiumRate' });
  });

  it('dials a premium-rate number when the profile sets allowPremiumRate, but still no shared-cost one', () => {
    const rules = { defaultCountry: 'US', allowPremiumRate: true } as const;
    expect(planDial('+1 900 555 0123', rules)).toMatchObject({ ok: true, e164: '+19005550123' });
    expect(planDial('+34 901 123 456', rules)).toMatchObject({ reason: 'sharedCost' });
  });

  it('dials a shared-cost number when the profile sets allowSharedCost, but still no premium-rate one', () => {
    const rules = { defaultCountry: 'US', allowSharedCost: true } as const;
    expect(planDial('+34 901 123 456', rules)).toMatchObject({ ok: true, e164: '+34901123456' });
    expect(planDial('+1 900 555 0123', rules)).toMatchObject({ reason: 'premiumRate' });
  });

  it('leaves ordinary fixed-line, mobile and toll-free numbers alone', () => {
    expect(planDial('734-764-4357', US)).toMatchObject({ ok: true });
    expect(planDial('+44 7911 123456', US)).toMatchObject({ ok: true });
    expect(planDial('+1 800 555 0199', US)).toMatchObject({ ok: true });
  });
});

/**
 * Site short numbers from the profile (issue 14, finding 5): on the university's campus
 * "4-4357" is 734-764-4357, which the guide tells agents to dial in full. With the profile's
 * rule the app does that itself; without it, nothing changes.
 */
import { describe, expect, it } from 'vitest';
import { DialingRulesConfig, planDial, ShortNumberRule } from './DialingRules';

const CAMPUS: DialingRulesConfig = {
  defaultCountry: 'US',
  shortNumbers: [
    { prefix: '4', digits: 4, expandTo: '+1734764' },
    { prefix: '3', digits: 4, expandTo: '+1734763' },
  ],
};

const HELP_DESK = {
  ok: true,
  kind: 'pstn',
  e164: '+17347644357',
  display: '+1 734 764 4357',
  country: 'US',
};

describe('planDial: site short numbers', () => {
  it.each(['4-4357', '44357', '4 4357'])('dials %s as +1 734 764 4357', (typed) => {
    expect(planDial(typed, CAMPUS)).toEqual(HELP_DESK);
  });

  it('picks the rule whose prefix was typed (3-xxxx is the 763 exchange)', () => {
    expect(planDial('3-1234', CAMPUS)).toMatchObject({ ok: true, e164: '+17347631234' });
  });

  it('leaves other lengths and prefixes as extensions', () => {
    expect(planDial('4357', CAMPUS)).toEqual({ ok: true, kind: 'extension', target: '4357' });
    expect(planDial('443570', CAMPUS)).toEqual({ ok: true, kind: 'extension', target: '443570' });
    expect(planDial('5-4357', CAMPUS)).toEqual({ ok: true, kind: 'extension', target: '54357' });
  });

  it('dials 4-4357 as extension 44357 without the rule, as before', () => {
    expect(planDial('4-4357', { defaultCountry: 'US' })).toEqual({
      ok: true,
      kind: 'extension',
      target: '44357',
    });
  });

  it('leaves numbers typed with "+" alone', () => {
    expect(planDial('+44357', CAMPUS)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('puts the full number through the blocked list and the allowed countries', () => {
    expect(planDial('4-4357', { ...CAMPUS, blockedNumbers: ['+17347644357'] })).toEqual({
      ok: false,
      reason: 'blocked',
      number: '+17347644357',
    });
    expect(planDial('4-4357', { ...CAMPUS, allowedCountries: ['GB'] })).toEqual({
      ok: false,
      reason: 'countryNotAllowed',
      number: '+17347644357',
      country: 'US',
    });
  });

  it('still refuses an emergency number first, whatever the rules say', () => {
    const nines: DialingRulesConfig = {
      defaultCountry: 'US',
      shortNumbers: [{ prefix: '9', digits: 2, expandTo: '+1734764' }],
    };
    expect(planDial('911', nines)).toMatchObject({ ok: false, reason: 'emergency' });
  });

  it('refuses an expansion that is not a valid number', () => {
    const broken: DialingRulesConfig = {
      defaultCountry: 'US',
      shortNumbers: [{ prefix: '4', digits: 4, expandTo: '+1' }],
    };
    expect(planDial('4-4357', broken)).toEqual({ ok: false, reason: 'invalid' });
  });
});

describe('ShortNumberRule', () => {
  it('accepts the campus rule', () => {
    expect(
      ShortNumberRule.safeParse({ prefix: '4', digits: 4, expandTo: '+1734764' }).success,
    ).toBe(true);
  });

  it.each([
    [{ prefix: '', digits: 4, expandTo: '+1734764' }, 'dialing.badShortPrefix'],
    [{ prefix: '4a', digits: 4, expandTo: '+1734764' }, 'dialing.badShortPrefix'],
    [{ prefix: '12345', digits: 4, expandTo: '+1734764' }, 'dialing.badShortPrefix'],
    [{ prefix: '4', digits: 4, expandTo: '1734764' }, 'dialing.badExpansion'],
    [{ prefix: '4', digits: 4, expandTo: '+0734764' }, 'dialing.badExpansion'],
    [{ prefix: '4', digits: 4, expandTo: '+1734764x' }, 'dialing.badExpansion'],
    [{ prefix: '4', digits: 5, expandTo: '+1234567890123' }, 'dialing.expansionTooLong'],
  ])('refuses %o with %s', (rule, message) => {
    const result = ShortNumberRule.safeParse(rule);
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([message]);
  });

  it('accepts an expansion exactly 15 digits long', () => {
    expect(
      ShortNumberRule.safeParse({ prefix: '4', digits: 4, expandTo: '+12345678901' }).success,
    ).toBe(true);
  });

  it('bounds the digits after the prefix to 1..8', () => {
    expect(ShortNumberRule.safeParse({ prefix: '4', digits: 0, expandTo: '+1' }).success).toBe(
      false,
    );
    expect(ShortNumberRule.safeParse({ prefix: '4', digits: 9, expandTo: '+1' }).success).toBe(
      false,
    );
  });
});

describe('DialingRulesConfig.shortNumbers', () => {
  it('points at the bad rule in a profile', () => {
    const result = DialingRulesConfig.safeParse({
      defaultCountry: 'US',
      shortNumbers: [
        { prefix: '4', digits: 4, expandTo: '+1734764' },
        { prefix: '3', digits: 4, expandTo: '734763' },
      ],
    });
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([
      ['shortNumbers', 1, 'expandTo'],
    ]);
  });
});

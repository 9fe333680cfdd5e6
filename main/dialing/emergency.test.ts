import { getCountries } from 'libphonenumber-js';
import { describe, expect, it } from 'vitest';
import { toDialString } from '../../common/dialing/dialString';
import { findEmergencyNumber } from './emergency';
import { NATIONAL_EMERGENCY_NUMBERS, UNIVERSAL_EMERGENCY_NUMBERS } from './emergencyNumbers';

const none = new Set<string>();
const find = (input: string, country: 'US' | 'GB' | 'DE' | 'JP' | 'ZA', extra = none) => {
  const dial = toDialString(input);
  if (!dial) throw new Error(`not a dial string: ${input}`);
  return findEmergencyNumber(dial, country, extra);
};

describe('findEmergencyNumber', () => {
  it('finds the universal numbers whatever the country', () => {
    for (const number of ['112', '911', '999', '000']) {
      expect(find(number, 'JP')).toBe(number);
    }
  });

  it("finds the default country's national numbers", () => {
    expect(find('110', 'DE')).toBe('110');
    expect(find('119', 'JP')).toBe('119');
    expect(find('110', 'US')).toBeUndefined();
  });

  it('finds the digits after an international prefix and calling code', () => {
    expect(find('+49 110', 'US')).toBe('110');
    expect(find('011 49 110', 'US')).toBe('110');
    expect(find('00 81 119', 'GB')).toBe('119');
    expect(find('+81 119', 'DE')).toBe('119');
  });

  it('does not strip a trunk prefix: 1000 and 1112 are common US extensions', () => {
    expect(find('1000', 'US')).toBeUndefined();
    expect(find('1112', 'US')).toBeUndefined();
    expect(find('1911', 'US')).toBeUndefined();
  });

  it('does not read a national trunk prefix as a calling code: 0 10111 in South Africa is left to the PBX', () => {
    // libphonenumber-js strips ZA's trunk prefix "0" from 010111; that prefix is no calling code.
    expect(find('10111', 'ZA')).toBe('10111');
    expect(find('010111', 'ZA')).toBeUndefined();
    expect(find('+27 10111', 'ZA')).toBe('10111');
  });

  it('finds the extra short codes, also after a calling code', () => {
    const extra = new Set(['988']);
    expect(find('988', 'US', extra)).toBe('988');
    expect(find('+1 988', 'US', extra)).toBe('988');
    expect(find('989', 'US', extra)).toBeUndefined();
  });

  it('ignores full numbers', () => {
    expect(find('+49 30 1100000', 'US')).toBeUndefined();
    expect(find('020 7183 8750', 'GB')).toBeUndefined();
  });
});

describe('emergency number tables', () => {
  it('holds the numbers the brief names as universal', () => {
    expect([...UNIVERSAL_EMERGENCY_NUMBERS].sort()).toEqual(['000', '112', '911', '999']);
  });

  it('has entries only for countries libphonenumber-js knows, each a 2-6 digit code', () => {
    const known = new Set<string>(getCountries());
    for (const [country, numbers] of Object.entries(NATIONAL_EMERGENCY_NUMBERS)) {
      expect(known.has(country), country).toBe(true);
      for (const number of numbers ?? []) expect(number, country).toMatch(/^\d{2,6}$/);
    }
  });

  it('matches what Google libphonenumber lists for a few well-known countries', () => {
    expect(NATIONAL_EMERGENCY_NUMBERS.US).toEqual(['112', '911']);
    expect(NATIONAL_EMERGENCY_NUMBERS.GB).toEqual(['112', '999']);
    expect(NATIONAL_EMERGENCY_NUMBERS.FR).toEqual(['15', '17', '18', '112']);
    expect(NATIONAL_EMERGENCY_NUMBERS.AU).toEqual(['000', '106', '112']);
    expect(NATIONAL_EMERGENCY_NUMBERS.ZA).toEqual(['112', '10111', '10177']);
  });
});

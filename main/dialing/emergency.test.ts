import { getCountries, type CountryCode } from 'libphonenumber-js';
import { describe, expect, it } from 'vitest';
import { toDialString } from '../../common/dialing/dialString';
import { findEmergencyNumber } from './emergency';
import { NATIONAL_EMERGENCY_NUMBERS, UNIVERSAL_EMERGENCY_NUMBERS } from './emergencyNumbers';

const none = new Set<string>();
const find = (input: string, country: CountryCode, extra = none) => {
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

  it("keeps South Africa's 010 111 ... numbers dialable: they are Johannesburg numbers, not 10111", () => {
    // 010 is Johannesburg's area code; Google's short-number data matches 10111 only as dialled.
    expect(find('010 111 2345', 'ZA')).toBeUndefined();
    expect(find('00 27 10111', 'ZA')).toBe('10111');
  });

  it.each([
    ['ZA', '0'],
    ['GB', '0'],
    ['DE', '0'],
    ['FR', '0'],
    ['JP', '0'],
    ['AU', '0'],
    ['US', '1'],
    ['RU', '8'],
    ['HU', '06'],
  ] as const)(
    'leaves the trunk-prefix form of every %s emergency number (%s first) to the PBX',
    (country, trunkPrefix) => {
      const numbers = NATIONAL_EMERGENCY_NUMBERS[country] ?? [];
      expect(numbers.length).toBeGreaterThan(0);
      const refused = numbers.filter((number) => find(`${trunkPrefix}${number}`, country));
      expect(refused).toEqual([]);
    },
  );

  it('finds the extra short codes, also after a calling code', () => {
    const extra = new Set(['988']);
    expect(find('988', 'US', extra)).toBe('988');
    expect(find('+1 988', 'US', extra)).toBe('988');
    expect(find('989', 'US', extra)).toBeUndefined();
  });

  it("applies a national list to numbers typed nationally only in that list's country", () => {
    expect(find('311', 'BB')).toBe('311');
    expect(find('311', 'US')).toBeUndefined();
  });

  it('still finds the universal numbers for a default country with no national list', () => {
    expect(NATIONAL_EMERGENCY_NUMBERS.GN).toBeUndefined();
    expect(find('112', 'GN')).toBe('112');
    expect(find('911', 'GN')).toBe('911');
    expect(find('110', 'GN')).toBeUndefined();
  });

  it("reads only the default country's international prefix as one: 00 from the UK, 011 from the US", () => {
    expect(find('00 49 110', 'GB')).toBe('110');
    expect(find('011 49 110', 'US')).toBe('110');
    expect(find('00 49 110', 'US')).toBeUndefined();
    expect(find('011 49 110', 'GB')).toBeUndefined();
    expect(find('8 10 7 01', 'RU')).toBe('01');
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

describe('findEmergencyNumber: calling codes several countries share', () => {
  it.each([
    ['+1 311', 'US', '311', 'Barbados (+1, like the US)'],
    ['011 1 311', 'US', '311', 'Barbados, through the US international prefix'],
    ['+1 110', 'GB', '110', 'Jamaica (+1)'],
    ['+1 919', 'DE', '919', 'the Bahamas and Sint Maarten (+1)'],
    ['+590 17', 'US', '17', 'Guadeloupe and Saint Martin (+590; Saint Barthelemy has only 18)'],
    ['+590 18', 'US', '18', 'Saint Barthelemy, Guadeloupe and Saint Martin (+590)'],
    ['+7 01', 'DE', '01', 'Russia (+7, shared with Kazakhstan)'],
    ['+7 101', 'DE', '101', 'Kazakhstan and Russia (+7)'],
    ['+262 17', 'US', '17', 'Réunion (+262, shared with Mayotte)'],
    ['+61 106', 'US', '106', 'Australia (+61, shared with Christmas and Cocos Islands)'],
  ] as const)(
    'finds %s dialled from %s: %s, an emergency number of %s',
    (input, country, number, _where) => {
      expect(find(input, country)).toBe(number);
    },
  );

  it('does not apply the lists of another calling code', () => {
    expect(find('+44 311', 'US')).toBeUndefined();
    expect(find('+49 311', 'US')).toBeUndefined();
    expect(find('+7 17', 'US')).toBeUndefined();
  });
});

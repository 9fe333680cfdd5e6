/**
 * The profile's dialing section as an IT admin meets it: which problem is reported first, and
 * the plain-language reason given for each kind of entry the dialer cannot use (SPEC D4).
 */
import { describe, expect, it } from 'vitest';
import type { ProfileInput } from './ProfileSchema';
import { validateProfile } from './validateProfile';

const minimal = (): ProfileInput => ({ schemaVersion: 1, servers: ['wss://sip.example.com'] });

/** The refusal of a profile with this dialing section, failing the test if it was accepted. */
function dialingRefusal(dialing: Record<string, unknown>) {
  const result = validateProfile({ ...minimal(), dialing });
  if (result.ok) throw new Error('expected the profile to be refused');
  return { path: result.path, reason: result.reason };
}

const UNKNOWN_COUNTRY = 'Not a country code the dialer knows';
const CANNOT_MATCH =
  'Not a number the dialer can match: use E.164 (+ and country code) or a 2 to 6 digit short code';
const DIGITS_ONLY =
  'Write the number as digits only, optionally starting with + (e.g. +441632960000 or 112)';
const campus = { prefix: '4', digits: 4, expandTo: '+1734764' };

describe('profile dialing: country codes', () => {
  // The section's own check runs with the fields; the dialer's runs only once they all pass,
  // so an unknown country must be caught by the section, where it comes first in the file.
  it('reports an unknown default country first, even when a blocked number is malformed too', () => {
    expect(dialingRefusal({ defaultCountry: 'XX', blockedNumbers: ['900-555'] })).toEqual({
      path: 'dialing.defaultCountry',
      reason: UNKNOWN_COUNTRY,
    });
  });

  it('reports an unknown allowed country first, even when an emergency number is malformed too', () => {
    expect(
      dialingRefusal({
        defaultCountry: 'US',
        allowedCountries: ['QQ'],
        emergencyNumbers: ['1 1 2'],
      }),
    ).toEqual({ path: 'dialing.allowedCountries[0]', reason: UNKNOWN_COUNTRY });
  });

  it('says how to write a country code in lower case, not that the country is unknown', () => {
    expect(dialingRefusal({ defaultCountry: 'it' })).toEqual({
      path: 'dialing.defaultCountry',
      reason: 'Use a two-letter ISO 3166 country code in capitals, such as US or IT',
    });
  });
});

describe('profile dialing: number lists', () => {
  it('says to write a blocked number as digits when it has separators', () => {
    expect(dialingRefusal({ defaultCountry: 'US', blockedNumbers: ['900-555'] })).toEqual({
      path: 'dialing.blockedNumbers[0]',
      reason: DIGITS_ONLY,
    });
  });

  it('says a blocked number the dialer cannot match must be E.164 or a short code', () => {
    expect(dialingRefusal({ defaultCountry: 'US', blockedNumbers: ['911', '1'] })).toEqual({
      path: 'dialing.blockedNumbers[1]',
      reason: CANNOT_MATCH,
    });
  });

  it('says an emergency number the dialer cannot match must be E.164 or a short code', () => {
    expect(dialingRefusal({ defaultCountry: 'GB', emergencyNumbers: ['+1'] })).toEqual({
      path: 'dialing.emergencyNumbers[0]',
      reason: CANNOT_MATCH,
    });
  });

  it('accepts blocked and emergency numbers the dialer can match', () => {
    const dialing = {
      defaultCountry: 'US',
      blockedNumbers: ['+19005550100', '411'],
      emergencyNumbers: ['988'],
    };
    expect(validateProfile({ ...minimal(), dialing }).ok).toBe(true);
  });
});

describe('profile dialing: site short numbers', () => {
  it('says a short-number prefix is 1 to 4 digits', () => {
    expect(
      dialingRefusal({ defaultCountry: 'US', shortNumbers: [{ ...campus, prefix: '12345' }] }),
    ).toEqual({
      path: 'dialing.shortNumbers[0].prefix',
      reason: 'A short-number prefix is 1 to 4 digits',
    });
  });

  // The dialer takes 1 to 8 digits after a prefix; the admin is told so in plain words (and the
  // published JSON Schema says so too), not with the dialer's own developer message.
  it('says a short number has at most 8 digits after its prefix', () => {
    expect(
      dialingRefusal({
        defaultCountry: 'US',
        shortNumbers: [{ ...campus, digits: 9, expandTo: '+1' }],
      }),
    ).toEqual({ path: 'dialing.shortNumbers[0].digits', reason: 'Must be at most 8' });
  });

  it('says a short number has at least 1 digit after its prefix', () => {
    expect(
      dialingRefusal({ defaultCountry: 'US', shortNumbers: [{ ...campus, digits: 0 }] }),
    ).toEqual({ path: 'dialing.shortNumbers[0].digits', reason: 'Must be at least 1' });
  });

  it('says an expansion beyond E.164 would be too long, on the digit count', () => {
    const tooLong = { ...campus, digits: 8, expandTo: '+12345678901' };
    expect(dialingRefusal({ defaultCountry: 'US', shortNumbers: [tooLong] })).toEqual({
      path: 'dialing.shortNumbers[0].digits',
      reason: 'The expanded number would be longer than the 15 digits E.164 allows',
    });
  });
});

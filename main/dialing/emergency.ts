/**
 * Recognises an emergency number however it was typed, so it can be refused before anything
 * else is decided about it.
 *
 * An agent's softphone cannot give a dispatcher the caller's location, and the PBX behind it
 * may still route 911 or 112 to a real emergency service, so these calls must never start
 * from OpenCCP, not even disguised as "+1 911" or "00 44 999".
 */
import {
  getCountries,
  getCountryCallingCode,
  parsePhoneNumberFromString,
  type CountryCode,
} from 'libphonenumber-js';
import type { DialString } from '../../common/dialing/dialString';
import { NATIONAL_EMERGENCY_NUMBERS, UNIVERSAL_EMERGENCY_NUMBERS } from './emergencyNumbers';

/**
 * The emergency number `dial` amounts to, or undefined.
 *
 * The digits as typed ("911", "9 1 1") are checked against the universal list, the default
 * country's list and `extraShortCodes`. When it was typed with a country calling code
 * ("+1 911", "00 44 999" from the UK, "011 33 17" from the US), the digits after that code are
 * also checked against the lists of every country sharing the code. National lists of other
 * countries are not applied to numbers typed nationally: in the US, 311 is a city help line
 * and a plausible extension, even though it is an emergency number in Barbados (also +1).
 *
 * Trunk-prefix and outside-line forms ("1 911", "9 911") are not guessed: stripping a leading
 * 1 would also refuse extensions 1000 and 1112, the most common extension range there is.
 * Whether the PBX routes such forms to an emergency service is its dial plan's business, so a
 * profile whose PBX does lists them in `emergencyNumbers`, which lands in `extraShortCodes`.
 */
export function findEmergencyNumber(
  dial: DialString,
  defaultCountry: CountryCode,
  extraShortCodes: ReadonlySet<string>,
): string | undefined {
  const candidates = [dial.digits];
  const lists: (readonly string[])[] = [
    UNIVERSAL_EMERGENCY_NUMBERS,
    NATIONAL_EMERGENCY_NUMBERS[defaultCountry] ?? [],
  ];
  const afterCallingCode = nationalPartOfInternational(dial, defaultCountry);
  if (afterCallingCode) {
    candidates.push(afterCallingCode.nationalNumber);
    for (const country of countriesWithCallingCode(afterCallingCode.callingCode)) {
      lists.push(NATIONAL_EMERGENCY_NUMBERS[country] ?? []);
    }
  }
  return candidates.find(
    (candidate) => extraShortCodes.has(candidate) || lists.some((list) => list.includes(candidate)),
  );
}

/**
 * When `dial` starts with a country calling code ("+" or the default country's international
 * prefix, e.g. 00 or 011), the calling code and the digits after it. libphonenumber-js does the
 * prefix handling; it leaves numbers this short otherwise untouched.
 */
function nationalPartOfInternational(
  dial: DialString,
  defaultCountry: CountryCode,
): { callingCode: string; nationalNumber: string } | undefined {
  const parsed = parsePhoneNumberFromString(dial.text, { defaultCountry, extract: false });
  if (!parsed) return undefined;
  const { countryCallingCode: callingCode, nationalNumber } = parsed;
  const prefix = dial.digits.endsWith(nationalNumber)
    ? dial.digits.slice(0, dial.digits.length - nationalNumber.length)
    : '';
  const international = dial.international || (prefix !== '' && prefix.endsWith(callingCode));
  return international ? { callingCode, nationalNumber } : undefined;
}

let byCallingCode: Map<string, CountryCode[]> | undefined;

function countriesWithCallingCode(callingCode: string): readonly CountryCode[] {
  if (!byCallingCode) {
    byCallingCode = new Map();
    for (const country of getCountries()) {
      const code = getCountryCallingCode(country);
      byCallingCode.set(code, [...(byCallingCode.get(code) ?? []), country]);
    }
  }
  return byCallingCode.get(callingCode) ?? [];
}

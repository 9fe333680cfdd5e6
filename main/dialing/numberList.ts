/**
 * A provisioned list of numbers (blocked or extra emergency numbers), compiled once into the
 * two forms a dialled number is compared in.
 *
 * An entry is either a short code (2-6 digits without "+": an extension, a service or
 * emergency code, matched digit for digit) or a full phone number ("+44 20 7183 8750", or
 * national digits read with the default country like everything the agent types), matched by
 * its E.164 form. Comparing full numbers by E.164 and not by digits is what makes a blocked
 * "+1 734 764 4357" also catch "(734) 764-4357" and "1 734 764 4357", and never catch
 * "734 764 4357" typed by an agent whose default country is not +1.
 */
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { isShortCode, toDialString } from '../../common/dialing/dialString';

export type NumberListEntry =
  { kind: 'shortCode'; digits: string } | { kind: 'e164'; e164: string };

export interface NumberList {
  shortCodes: ReadonlySet<string>;
  e164: ReadonlySet<string>;
}

/** What `entry` means, or undefined when it is neither a short code nor a valid number. */
export function classifyEntry(
  entry: string,
  defaultCountry: CountryCode,
): NumberListEntry | undefined {
  const dial = toDialString(entry);
  if (!dial) return undefined;
  if (!dial.international && isShortCode(dial.digits)) {
    return { kind: 'shortCode', digits: dial.digits };
  }
  const parsed = parsePhoneNumberFromString(dial.text, { defaultCountry, extract: false });
  return parsed?.isValid() ? { kind: 'e164', e164: parsed.number } : undefined;
}

/** Entries that do not classify are skipped; the config schema has refused them already. */
export function compileNumberList(
  entries: readonly string[] | undefined,
  defaultCountry: CountryCode,
): NumberList {
  const shortCodes = new Set<string>();
  const e164 = new Set<string>();
  for (const entry of entries ?? []) {
    const classified = classifyEntry(entry, defaultCountry);
    if (classified?.kind === 'shortCode') shortCodes.add(classified.digits);
    if (classified?.kind === 'e164') e164.add(classified.e164);
  }
  return { shortCodes, e164 };
}

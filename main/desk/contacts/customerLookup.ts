/**
 * Customer-profile lookup (D8): the profile's URL template filled with the contact's number,
 * for the agent's CRM. `{e164}` is the number in E.164 (read with the dialing rules' default
 * country), `{number}` the number or SIP user as the call had it; both URL-encoded, so a
 * caller id can never add a query parameter or a path. The filled URL must still be http or
 * https and still point at the template's own origin: the number only fills in a search.
 */
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

/** How the lookup opens: in the agent's browser, or in the app's own lookup window. */
export type CustomerLookupOpen = 'browser' | 'panel';

export interface CustomerLookupSettings {
  /** e.g. https://crm.example/search?phone={e164} */
  urlTemplate: string;
  open: CustomerLookupOpen;
}

export type LookupUrl =
  | { ok: true; url: string }
  /** `lookupNoNumber`: the template asks for {e164} and the caller id is not a phone number. */
  | { ok: false; reason: 'lookupNoNumber' | 'linkNotAllowed' };

const PLACEHOLDER = /\{(e164|number)\}/g;

/** The template with the number filled in, or why it cannot be opened. */
export function customerLookupUrl(
  template: string,
  number: string,
  defaultCountry: string,
): LookupUrl {
  const e164 = e164Of(number, defaultCountry);
  if (/\{e164\}/.test(template) && e164 === undefined)
    return { ok: false, reason: 'lookupNoNumber' };
  const filled = fill(template, { e164: e164 ?? '', number: number.trim() });
  const origin = templateOrigin(template);
  if (origin === undefined || httpOrigin(filled) !== origin) {
    return { ok: false, reason: 'linkNotAllowed' };
  }
  return { ok: true, url: new URL(filled).href };
}

/** Whether a profile's template can ever give a URL to open (checked when it is loaded). */
export function isLookupTemplate(template: string): boolean {
  return templateOrigin(template) !== undefined;
}

/**
 * The origin every URL from the template has, whatever number fills it in: none when it is not
 * http(s), or when a placeholder sits in the host or the port, so that the number would choose
 * where the lookup goes (filled with two different numbers, such a template has two origins).
 */
function templateOrigin(template: string): string | undefined {
  const origin = httpOrigin(fill(template, { e164: '+15550100', number: '5550100' }));
  const other = httpOrigin(fill(template, { e164: '+15550199', number: '5550199' }));
  return origin === other ? origin : undefined;
}

/**
 * A caller id as E.164: read with the default country ("020 7183 8750" in GB), or, for the
 * digits a gateway sends without their "+" ("442071838750"), as an international number.
 * A SIP user name ("customer1") or an extension ("1002") has none.
 */
export function e164Of(number: string, defaultCountry: string): string | undefined {
  const trimmed = number.trim();
  if (!/\d/.test(trimmed) || /[a-z]/i.test(trimmed.replace(/^tel:/i, ''))) return undefined;
  const country = defaultCountry.toUpperCase() as CountryCode;
  const national = parsePhoneNumberFromString(trimmed, country);
  if (national?.isValid()) return national.number;
  const digits = trimmed.replace(/\D/g, '');
  if (digits.length < 8 || trimmed.startsWith('+')) return undefined;
  const international = parsePhoneNumberFromString(`+${digits}`);
  return international?.isValid() ? international.number : undefined;
}

function fill(template: string, values: { e164: string; number: string }): string {
  return template.replace(PLACEHOLDER, (_match, name: 'e164' | 'number') =>
    encodeURIComponent(values[name]),
  );
}

function httpOrigin(url: string): string | undefined {
  if (!URL.canParse(url)) return undefined;
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
  if (parsed.username !== '' || parsed.password !== '') return undefined;
  return parsed.origin;
}

/**
 * The number pad's live formatting: "7347644357" shows as "(734) 764-4357" while it is typed,
 * so the agent can check the number at a glance before dialling it.
 */
import { AsYouType, type CountryCode } from 'libphonenumber-js';
import { toDialString } from './dialString';

/** Past this the text is not a number being typed; formatting it would only cost time. */
const MAX_FORMAT_LENGTH = 64;

/**
 * `input` formatted as a phone number of `defaultCountry` (or of the country its "+" code
 * names), as far as it has been typed. Anything that is not a dial string (a SIP user name or
 * address, "*" or "#", a second "+") comes back unchanged: AsYouType would silently drop those
 * characters, and the agent must see exactly what will be judged.
 */
export function formatAsTyped(input: string, defaultCountry: CountryCode): string {
  if (input.length > MAX_FORMAT_LENGTH) return input;
  const dial = toDialString(input);
  if (!dial || dial.digits === '') return input;
  return new AsYouType(defaultCountry).input(dial.text);
}

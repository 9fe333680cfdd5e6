/**
 * A dial string: what is left of a typed or pasted phone number once the punctuation people
 * use to make it readable is gone, reduced to an optional leading "+" and ASCII digits.
 *
 * Every other module compares numbers in this form, so "(734) 764-4357", "734.764.4357" and
 * a number pasted from a web page with no-break spaces or full-width digits all look the same.
 */
import { parseDigits } from 'libphonenumber-js';

/** Longest text the dialing rules look at; anything longer is not something an agent typed. */
export const MAX_DIAL_INPUT_LENGTH = 256;

/**
 * Short codes (internal extensions, emergency and service numbers) have 2 to 6 digits. No
 * country's emergency number is longer, and full national numbers have 7 digits or more
 * everywhere except a handful of small territories (Niue, the Falklands, Saint Helena...),
 * whose numbers an agent then dials in "+" form.
 */
export const SHORT_CODE_MIN_DIGITS = 2;
export const SHORT_CODE_MAX_DIGITS = 6;

/**
 * RFC 3966 visual separators ("-", ".", "(", ")") plus what people paste in practice: any
 * whitespace (no-break and ideographic spaces included), "/", "[", "]", Unicode dashes, soft
 * hyphens and zero-width spaces. Full-width forms are folded to these by NFKC first.
 */
const VISUAL_SEPARATORS = /[\s\-\u2010-\u2015\u2212\u30fc./()[\]\u00ad\u200b\u2060]/gu;

export function stripVisualSeparators(text: string): string {
  return text.normalize('NFKC').replace(VISUAL_SEPARATORS, '');
}

export interface DialString {
  /** "+" followed by digits, or digits alone. */
  text: string;
  /** The digits without the "+". */
  digits: string;
  /** Typed with a leading "+", i.e. starting with a country calling code. */
  international: boolean;
}

/**
 * The dial string of `input`, or undefined when it holds anything but digits, visual
 * separators and one leading "+". Letters, "*", "#" and a second "+" make it not a phone
 * number at all, so callers refuse it rather than guess what was meant.
 */
export function toDialString(input: string): DialString | undefined {
  const compact = stripVisualSeparators(input);
  const international = compact.startsWith('+');
  let digits = '';
  for (const character of international ? compact.slice(1) : compact) {
    // parseDigits maps the Arabic-Indic and Persian digits used in phone numbers to ASCII
    // (NFKC has already folded full-width ones); any other script's digits are refused.
    const digit = parseDigits(character);
    if (digit.length !== 1) return undefined;
    digits += digit;
  }
  return { text: international ? `+${digits}` : digits, digits, international };
}

/** True for a digit string an internal extension or a short code can have. */
export function isShortCode(digits: string): boolean {
  return (
    /^\d+$/.test(digits) &&
    digits.length >= SHORT_CODE_MIN_DIGITS &&
    digits.length <= SHORT_CODE_MAX_DIGITS
  );
}

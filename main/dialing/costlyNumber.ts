/**
 * Numbers that cost the caller extra: premium-rate (a caller's money goes to whoever runs the
 * number, the classic toll-fraud target) and shared-cost ones. The dialing rules refuse them
 * unless the profile allows them, so neither a pasted number nor a link from a web page can
 * run up a bill.
 *
 * The number's type needs libphonenumber-js's "max" metadata (the default "min" metadata has
 * no per-type patterns). It is loaded here only, for this one question, in main: validation
 * stays on "min" (see DialingRules), so a newly allocated ordinary range is never refused.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

export type CostlyNumberType = 'premiumRate' | 'sharedCost';

/** The extra-cost type of an E.164 number, or undefined for any other (or unknown) type. */
export function costlyNumberType(e164: string): CostlyNumberType | undefined {
  const type = parsePhoneNumberFromString(e164)?.getType();
  if (type === 'PREMIUM_RATE') return 'premiumRate';
  if (type === 'SHARED_COST') return 'sharedCost';
  return undefined;
}

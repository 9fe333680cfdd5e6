/**
 * Dialing rules: turns what the agent typed, pasted or clicked into exactly one thing to dial,
 * or into the reason it must not be dialled.
 *
 * The order of the checks is the policy:
 *   1. nothing to dial                         -> refused, 'empty'
 *   2. an emergency number, in any disguise    -> refused, 'emergency' (before anything else)
 *   3. a SIP address or SIP user name          -> kind 'sip' (a number inside it is checked too)
 *   3b. a short number the profile expands     -> planned as its full number, by rules 5-6
 *       ("4-4357" is 734-764-4357 on a campus)
 *   4. 2-6 digits without "+"                  -> kind 'extension' (unless blocked)
 *   5. a valid number for the default country  -> kind 'pstn' in E.164, unless blocked,
 *                                                 outside the allowed countries, or a
 *                                                 premium-rate or shared-cost number the
 *                                                 profile does not allow
 *   6. anything else                           -> refused, 'invalid'
 *
 * Validation uses libphonenumber-js's default ("min") metadata: `isValid()` then checks the
 * number's length and the country's general number pattern, and the country a number belongs
 * to (US or CA behind +1, GB or GG behind +44) comes out the same as with "/max". "/max" would
 * add about 65 kB to refuse numbers in ranges not allocated when the app was built; those go
 * stale as numbering plans grow, and refusing a customer's real new number is worse than
 * letting the carrier reject a wrong one with a clear call failure. Only the question "does this
 * number cost the caller extra?" needs the per-type patterns of "/max" (costlyNumber.ts).
 */
import {
  isSupportedCountry,
  parsePhoneNumberFromString,
  type CountryCode,
} from 'libphonenumber-js';
import { z } from 'zod';
import type { DialRefusalReason } from '../../common/contract';
import { parseDialLink } from './dialLink';
import { MAX_DIAL_INPUT_LENGTH, isShortCode, toDialString } from '../../common/dialing/dialString';
import { costlyNumberType } from './costlyNumber';
import { findEmergencyNumber } from './emergency';
import { classifyEntry, compileNumberList, type NumberList } from './numberList';
import { isNumericUser, isSipUserName, parseSipAddress } from '../../common/dialing/sipAddress';

// ---------------------------------------------------------------------------------------------
// Configuration (from the provisioning profile: a trust boundary)
// ---------------------------------------------------------------------------------------------

/** ISO 3166 alpha-2 code that libphonenumber-js has metadata for; "us" is accepted as "US". */
export const CountryCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .pipe(
    z.custom<CountryCode>(
      (value) => typeof value === 'string' && isSupportedCountry(value),
      'dialing.unknownCountry',
    ),
  );

/** A blocked or emergency number as written in a profile; what it means is checked below. */
const NumberEntry = z.string().max(64);

/** E.164 allows 15 digits after the "+". */
const E164_MAX_DIGITS = 15;

/**
 * A site's short numbers: what the agent types after `prefix`, `digits` long, is dialled as
 * `expandTo` followed by those digits. On a campus where "4-4357" means 734-764-4357:
 * `{ prefix: '4', digits: 4, expandTo: '+1734764' }`. The full number then passes every rule
 * a typed full number passes (blocked, allowed countries, premium rate).
 */
export const ShortNumberRule = z
  .object({
    prefix: z.string().regex(/^\d{1,4}$/, 'dialing.badShortPrefix'),
    digits: z.number().int().min(1).max(8),
    expandTo: z.string().regex(/^\+[1-9]\d{0,13}$/, 'dialing.badExpansion'),
  })
  .refine((rule) => rule.expandTo.length - 1 + rule.digits <= E164_MAX_DIGITS, {
    message: 'dialing.expansionTooLong',
    path: ['digits'],
  });
export type ShortNumberRule = z.output<typeof ShortNumberRule>;

export const DialingRulesConfig = z
  .object({
    /** Country whose national numbers the agent types without "+". */
    defaultCountry: CountryCodeSchema,
    /** PSTN calls only to these countries; absent means all, empty means none. */
    allowedCountries: z.array(CountryCodeSchema).max(300).readonly().optional(),
    /** Short codes (2-6 digits, matched as typed) or full numbers (matched by E.164). */
    blockedNumbers: z.array(NumberEntry).max(10_000).readonly().optional(),
    /** Emergency numbers beyond the built-in lists, same two forms: "988", "9911", "+1...". */
    emergencyNumbers: z.array(NumberEntry).max(1_000).readonly().optional(),
    /** Premium-rate numbers (+1 900..., 09... in GB) are refused unless this is true. */
    allowPremiumRate: z.boolean().optional(),
    /** Shared-cost numbers (+34 901..., 0810 in FR) are refused unless this is true. */
    allowSharedCost: z.boolean().optional(),
    /** The site's short numbers, expanded to full numbers before anything else is decided. */
    shortNumbers: z.array(ShortNumberRule).max(50).readonly().optional(),
  })
  .superRefine((config, context) => {
    // A typo in a blocked number must not silently leave the number dialable.
    for (const field of ['blockedNumbers', 'emergencyNumbers'] as const) {
      config[field]?.forEach((entry, index) => {
        if (!classifyEntry(entry, config.defaultCountry)) {
          context.addIssue({ code: 'custom', path: [field, index], message: 'dialing.badNumber' });
        }
      });
    }
  });
export type DialingRulesConfig = z.output<typeof DialingRulesConfig>;

// ---------------------------------------------------------------------------------------------
// Result
// ---------------------------------------------------------------------------------------------

export interface PstnDialPlan {
  ok: true;
  kind: 'pstn';
  /** What the engine dials: "+17347644357". */
  e164: string;
  /** For the agent: libphonenumber-js international format, "+1 734 764 4357". */
  display: string;
  /** Absent for non-geographic numbers (+800, +882...). */
  country?: CountryCode;
}

export interface SipDialPlan {
  ok: true;
  kind: 'sip';
  /**
   * A full URI ("sip:alice@example.com"), or a bare user name ("customer1") that the engine
   * completes with the account's own domain, as JsSIP does for a target without "@".
   */
  target: string;
}

export interface ExtensionDialPlan {
  ok: true;
  kind: 'extension';
  /** The digits, dialled at the account's own domain: "1001". */
  target: string;
}

export interface DialRefusal {
  ok: false;
  reason: DialRefusalReason;
  /** The number the refusal is about: the emergency code, the blocked entry or the E.164 number. */
  number?: string;
  country?: CountryCode;
}

export type DialPlan = PstnDialPlan | SipDialPlan | ExtensionDialPlan | DialRefusal;

// ---------------------------------------------------------------------------------------------
// Planning
// ---------------------------------------------------------------------------------------------

/** Reasons that hold for a number whichever route it takes, so they apply inside SIP URIs too. */
const POLICY_REASONS: ReadonlySet<DialRefusalReason> = new Set([
  'emergency',
  'blocked',
  'countryNotAllowed',
  'premiumRate',
  'sharedCost',
]);

interface CompiledRules {
  defaultCountry: CountryCode;
  allowedCountries: ReadonlySet<CountryCode> | undefined;
  blocked: NumberList;
  emergency: NumberList;
  allowPremiumRate: boolean;
  allowSharedCost: boolean;
  shortNumbers: readonly ShortNumberRule[];
}

/**
 * Plans the dial of `input` (typed, pasted, or a tel:/callto:/sip: link) under `config`.
 *
 * `config` is validated (it throws on one that does not satisfy `DialingRulesConfig`, a
 * programming error since profiles are parsed where they are loaded) and compiled once per
 * object: treat it as immutable.
 */
export function planDial(input: string, config: DialingRulesConfig): DialPlan {
  const rules = compile(config);
  if (input.length > MAX_DIAL_INPUT_LENGTH) return refuse('invalid');
  const text = input.trim();
  if (text === '') return refuse('empty');

  // A pasted link dials what it points at, under the same rules.
  let target = text;
  if (/^(tel|callto|sips?):/i.test(text)) {
    const link = parseDialLink(text);
    if (!link) return refuse('invalid');
    target = link.target;
  }

  if (/^sips?:/i.test(target) || target.includes('@')) return planSipAddress(target, rules);
  if (/^\p{L}/u.test(target)) {
    return isSipUserName(target) ? { ok: true, kind: 'sip', target } : refuse('invalid');
  }
  return planNumber(target, rules);
}

function planNumber(text: string, rules: CompiledRules): DialPlan {
  const dial = toDialString(text);
  if (!dial) return refuse('invalid');
  if (dial.digits === '') return refuse(dial.international ? 'invalid' : 'empty');

  const emergency = findEmergencyNumber(dial, rules.defaultCountry, rules.emergency.shortCodes);
  if (emergency !== undefined) return refuse('emergency', { number: emergency });

  const expanded = dial.international ? undefined : expandShortNumber(dial.digits, rules);
  if (expanded !== undefined) return planNumber(expanded, rules);

  if (!dial.international && isShortCode(dial.digits)) {
    if (rules.blocked.shortCodes.has(dial.digits))
      return refuse('blocked', { number: dial.digits });
    return { ok: true, kind: 'extension', target: dial.digits };
  }

  const parsed = parsePhoneNumberFromString(dial.text, {
    defaultCountry: rules.defaultCountry,
    extract: false,
  });
  if (!parsed?.isValid()) return refuse('invalid');
  const e164 = parsed.number;
  const country = parsed.country;
  if (rules.emergency.e164.has(e164)) return refuse('emergency', { number: e164 });
  if (rules.blocked.e164.has(e164)) return refuse('blocked', { number: e164 });
  if (rules.allowedCountries && !(country && rules.allowedCountries.has(country))) {
    return refuse('countryNotAllowed', { number: e164, ...(country ? { country } : {}) });
  }
  const costly = costlyNumberType(e164);
  if (
    (costly === 'premiumRate' && !rules.allowPremiumRate) ||
    (costly === 'sharedCost' && !rules.allowSharedCost)
  ) {
    return refuse(costly, { number: e164, ...(country ? { country } : {}) });
  }
  return {
    ok: true,
    kind: 'pstn',
    e164,
    display: parsed.formatInternational(),
    ...(country ? { country } : {}),
  };
}

/** The full number a site short number stands for, or undefined when no rule matches. */
function expandShortNumber(digits: string, rules: CompiledRules): string | undefined {
  for (const rule of rules.shortNumbers) {
    if (digits.length === rule.prefix.length + rule.digits && digits.startsWith(rule.prefix))
      return rule.expandTo + digits.slice(rule.prefix.length);
  }
  return undefined;
}

/**
 * A SIP address is dialled as given, but a phone number in its user part must pass the same
 * policy checks as the number typed alone: "sip:911@pbx" is still an emergency call. A user
 * part that is not a valid number ("sip:5551234@pbx") is a SIP account like any other.
 */
function planSipAddress(text: string, rules: CompiledRules): DialPlan {
  const address = parseSipAddress(text, { requireScheme: false });
  if (!address) return refuse('invalid');
  if (isNumericUser(address.user)) {
    const inner = planNumber(address.user, rules);
    if (!inner.ok && POLICY_REASONS.has(inner.reason)) return inner;
  }
  return { ok: true, kind: 'sip', target: address.uri };
}

function refuse(
  reason: DialRefusalReason,
  details: { number?: string; country?: CountryCode } = {},
): DialRefusal {
  return { ok: false, reason, ...details };
}

const compiled = new WeakMap<DialingRulesConfig, CompiledRules>();

function compile(config: DialingRulesConfig): CompiledRules {
  const cached = compiled.get(config);
  if (cached) return cached;
  const valid = DialingRulesConfig.parse(config);
  const rules: CompiledRules = {
    defaultCountry: valid.defaultCountry,
    allowedCountries: valid.allowedCountries && new Set(valid.allowedCountries),
    blocked: compileNumberList(valid.blockedNumbers, valid.defaultCountry),
    emergency: compileNumberList(valid.emergencyNumbers, valid.defaultCountry),
    allowPremiumRate: valid.allowPremiumRate ?? false,
    allowSharedCost: valid.allowSharedCost ?? false,
    shortNumbers: valid.shortNumbers ?? [],
  };
  compiled.set(config, rules);
  return rules;
}

/**
 * The profile's dialing section (SPEC D4): the country numbers are read in, the countries and
 * numbers the agent may not reach, and the site's short numbers. Checked here with the dialer's
 * own rules (DialingRulesConfig), so a profile accepted here is one the dialer can apply. Kept
 * apart from ProfileSchema.ts, which assembles the sections, so each file stays one concept.
 */
import { isSupportedCountry } from 'libphonenumber-js';
import { z } from 'zod';
import { DialingRulesConfig } from '../dialing/DialingRules';

const CountryCode = z
  .string()
  .regex(/^[A-Z]{2}$/, 'Use a two-letter ISO 3166 country code in capitals, such as US or IT')
  .refine((code) => !/^[A-Z]{2}$/.test(code) || isSupportedCountry(code), {
    message: 'Not a country code the dialer knows',
  });

/** Numbers IT lists (blocked, emergency): canonical digits so the dialer can compare them. */
const PlainNumber = z
  .string()
  .regex(
    /^\+?[0-9]{1,20}$/,
    'Write the number as digits only, optionally starting with + (e.g. +441632960000 or 112)',
  );

export const Dialing = z
  .strictObject({
    defaultCountry: CountryCode.describe('Country used to read national numbers (020 ... in GB).'),
    allowedCountries: z.array(CountryCode).max(250).optional().describe('Left out: all countries.'),
    blockedNumbers: z
      .array(PlainNumber)
      .max(10_000)
      .optional()
      .describe('Numbers the agent may not dial, E.164 (+...) or as dialled.'),
    emergencyNumbers: z
      .array(PlainNumber)
      .max(100)
      .optional()
      .describe('Numbers refused with a message to use a real phone (112, 911, ...).'),
    allowPremiumRate: z
      .boolean()
      .optional()
      .describe(
        'Allow premium-rate numbers (+1 900..., 09... in GB): refused by default, a toll-fraud target.',
      ),
    allowSharedCost: z
      .boolean()
      .optional()
      .describe('Allow shared-cost numbers (+34 901..., 0810... in FR): refused by default.'),
    shortNumbers: z
      .array(
        z.strictObject({
          prefix: z.string().describe('What the agent types first: "4" in "4-4357".'),
          // The dialer's bounds (ShortNumberRule), here so the admin reads "Must be at most 8"
          // and the JSON Schema an editor checks with refuses what the app refuses.
          digits: z
            .number()
            .int()
            .min(1)
            .max(8)
            .describe('How many digits follow the prefix: 4 in "4-4357".'),
          expandTo: z
            .string()
            .describe(
              'What the prefix stands for, in E.164: "+1734764" makes 4-4357 +17347644357.',
            ),
        }),
      )
      .max(50)
      .optional()
      .describe(
        'Site short numbers ("4-4357" for 734-764-4357 on a campus), dialled as full numbers under the same rules.',
      ),
  })
  // The dialer's own check, so a profile accepted here is one the dialer can use: a blocked
  // number it cannot match must refuse the profile, not break the app when it is applied.
  .superRefine((dialing, context) => {
    const usable = DialingRulesConfig.safeParse(dialing);
    if (usable.success) return;
    for (const issue of usable.error.issues) {
      context.addIssue({ code: 'custom', path: issue.path, message: dialerMessage(issue.message) });
    }
  })
  .describe('Dialing rules for outbound numbers.');

function dialerMessage(key: string): string {
  if (key === 'dialing.badNumber') {
    return 'Not a number the dialer can match: use E.164 (+ and country code) or a 2 to 6 digit short code';
  }
  if (key === 'dialing.unknownCountry') return 'Not a country code the dialer knows';
  if (key === 'dialing.badShortPrefix') return 'A short-number prefix is 1 to 4 digits';
  if (key === 'dialing.badExpansion') return 'Use E.164: "+" then the country code and digits';
  if (key === 'dialing.expansionTooLong')
    return 'The expanded number would be longer than the 15 digits E.164 allows';
  return key;
}

/**
 * Desk phone mode's entry in the settings file and in the machine policy (B3). The number is
 * checked again by DeskPhoneSetting whenever it is used: the file is a trust boundary, and the
 * dialing rules (emergency numbers, allowed countries) may have changed since it was saved.
 */
import { z } from 'zod';
import { PhoneMode } from '../../common/contract/deskPhone';

const DeskNumber = z
  .string()
  .trim()
  .regex(/^\+[1-9][0-9]{6,14}$/, 'E.164: + and 7 to 15 digits')
  .describe('The desk phone in E.164, e.g. +442071838750.');

export const DeskPhoneSettings = z.object({
  mode: PhoneMode.default('softphone'),
  number: DeskNumber.optional(),
});
export type DeskPhoneSettings = z.infer<typeof DeskPhoneSettings>;

export const DeskPhonePolicy = z
  .strictObject({
    mode: PhoneMode.optional().describe('Softphone or desk phone (needs permissions.deskPhone).'),
    number: DeskNumber.optional(),
  })
  .describe('Desk phone mode (B3): the mode and the desk phone number, locked for the agent.');

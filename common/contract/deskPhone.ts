/**
 * Desk phone mode (B3, docs/deskPhone.md): the agent talks on a desk phone while the app keeps
 * the contact. The settings screen shows this state and sends DeskPhoneRequest; main checks the
 * profile's permission, the machine policy and the number (main/deskPhone/DeskPhoneSetting.ts).
 */
import { z } from 'zod';

export const PhoneMode = z.enum(['softphone', 'deskPhone']);
export type PhoneMode = z.infer<typeof PhoneMode>;

export const DeskPhoneState = z.object({
  /** The profile lets the agent use a desk phone; otherwise the switch is not shown. */
  allowed: z.boolean(),
  /** The mode in force (always softphone while not allowed). */
  mode: PhoneMode,
  /** The desk phone's number as saved, in E.164 (+4930...). */
  number: z.string().max(32).optional(),
  /** The machine policy sets the mode or the number: the agent cannot change them. */
  locked: z.boolean(),
});
export type DeskPhoneState = z.infer<typeof DeskPhoneState>;

/** The agent's choice on the settings screen. */
export const DeskPhoneRequest = z.object({
  mode: PhoneMode,
  number: z.string().trim().max(32),
});
export type DeskPhoneRequest = z.infer<typeof DeskPhoneRequest>;

/** The SIP line's registration and the agent's sign-in phase, as DeskState shows them. */
import { z } from 'zod';

export const RegistrationState = z.enum([
  'unregistered',
  'registering',
  'registered',
  'unregistering',
  'failed',
]);
export type RegistrationState = z.infer<typeof RegistrationState>;

export const SessionPhase = z.enum(['signedOut', 'signingIn', 'signedIn']);
export type SessionPhase = z.infer<typeof SessionPhase>;

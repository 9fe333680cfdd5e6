/** Sign-in: the form the agent submits and why a sign-in can fail. */
import { z } from 'zod';
import { RemoteText, ServerUrl, SipUri } from './primitives';

export const SignInRequest = z.object({
  serverUrl: ServerUrl,
  sipUri: SipUri,
  authUser: z.string().trim().max(128).default(''),
  /** Empty means "use the password saved for this account" (the desk refuses if there is none). */
  password: z.string().max(256),
  displayName: z.string().trim().max(128).default(''),
});
export type SignInRequest = z.input<typeof SignInRequest>;
export type ValidSignInRequest = z.output<typeof SignInRequest>;

/** Why a sign-in failed; each maps to its own message in the UI. */
export const SignInErrorCode = z.enum([
  'badCredentials',
  'serverUnreachable',
  'badUrl',
  'timeout',
  'rejected',
  'engineUnavailable',
  /** The form differs from what the machine policy locks (server, identity). */
  'lockedByPolicy',
]);
export type SignInErrorCode = z.infer<typeof SignInErrorCode>;

export const SignInError = z.object({
  code: SignInErrorCode,
  /** Which form field the error belongs to, so the UI can focus it. */
  field: z.enum(['serverUrl', 'sipUri', 'authUser', 'password', 'displayName']).optional(),
  /** SIP status or transport detail, shown small under the message for IT. */
  detail: RemoteText.optional(),
});
export type SignInError = z.infer<typeof SignInError>;

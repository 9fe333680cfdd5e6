/** What the desk remembers between runs about how the agent signs in. */
import type { ValidSignInRequest } from '../../../common/contract';

export type SignInForm = Omit<ValidSignInRequest, 'password'>;

export interface SignInMemory {
  load(): { form: SignInForm; password: string | undefined } | undefined;
  /**
   * Keeps the form, and the password where the OS can protect it. Returns whether the
   * password itself was saved (false: no protected storage on this computer).
   */
  save(form: SignInForm, password: string): boolean;
  /** Forgets the saved password and keeps the rest of the form (A2). */
  forgetPassword(): void;
}

/** The same account: a saved password is offered only for the server and user it was typed for. */
export function sameAccount(a: SignInForm, b: SignInForm): boolean {
  return a.serverUrl === b.serverUrl && a.sipUri === b.sipUri && a.authUser === b.authUser;
}

import { SignInRequest, type DeskState, type ValidSignInRequest } from '../../../common/contract';

export const SIGN_IN_FIELDS = [
  'serverUrl',
  'sipUri',
  'authUser',
  'password',
  'displayName',
] as const;
export type SignInField = (typeof SIGN_IN_FIELDS)[number];
export type SignInValues = Record<SignInField, string>;
/** Field -> i18n key under `errors.` (the contract's issue messages are such keys). */
export type FieldErrors = Partial<Record<SignInField, string>>;

type SavedForm = NonNullable<DeskState['session']['form']>;

export function emptySignInValues(saved: SavedForm | undefined): SignInValues {
  return {
    serverUrl: saved?.serverUrl ?? '',
    sipUri: saved?.sipUri ?? '',
    authUser: saved?.authUser ?? '',
    password: '',
    displayName: saved?.displayName ?? '',
  };
}

/** The desk uses the saved password only for the very account it was saved with. */
export function canUseSavedPassword(values: SignInValues, saved: SavedForm | undefined): boolean {
  return (
    saved !== undefined &&
    saved.hasSavedPassword &&
    values.serverUrl.trim() === saved.serverUrl &&
    values.sipUri.trim() === saved.sipUri &&
    values.authUser.trim() === saved.authUser
  );
}

export type SignInValidation =
  | { ok: true; request: ValidSignInRequest }
  | { ok: false; errors: FieldErrors; firstInvalid: SignInField };

function isField(value: unknown): value is SignInField {
  return typeof value === 'string' && (SIGN_IN_FIELDS as readonly string[]).includes(value);
}

/** The contract's own schema, plus the one rule it cannot know: a password is needed. */
export function validateSignIn(
  values: SignInValues,
  saved: SavedForm | undefined,
): SignInValidation {
  const errors: FieldErrors = {};
  const parsed = SignInRequest.safeParse(values);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if (isField(field) && errors[field] === undefined) errors[field] = issue.message;
    }
  }
  if (values.password === '' && !canUseSavedPassword(values, saved)) {
    errors.password ??= 'password.required';
  }
  const firstInvalid = SIGN_IN_FIELDS.find((field) => errors[field] !== undefined);
  if (firstInvalid) return { ok: false, errors, firstInvalid };
  if (!parsed.success)
    return { ok: false, errors: { serverUrl: 'invalid' }, firstInvalid: 'serverUrl' };
  return { ok: true, request: parsed.data };
}

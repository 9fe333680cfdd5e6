import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskState, SignInError } from '../../../common/contract';
import { useCcp } from '../app/CcpContext';
import { errorMessage } from '../shared/errorMessage';
import { FormField } from '../shared/FormField';
import { IntentError } from '../shared/IntentError';
import { useIntent } from '../shared/useIntent';
import { lockedValue, profileValue } from './profileLocks';
import { ProfileLoader } from './ProfileLoader';
import {
  canUseSavedPassword,
  emptySignInValues,
  validateSignIn,
  type FieldErrors,
  type SignInField,
  type SignInValues,
} from './validateSignIn';

interface Props {
  state: DeskState;
}

/** What went wrong with the last attempt: main's answer, or the invoke itself failing. */
type Failure = { kind: 'desk'; error: SignInError } | { kind: 'exception'; message: string };

const ERROR_KEY = /^[A-Za-z]+(\.[A-Za-z]+)?$/;
const FORM_ERROR_ID = 'signin-error';

export function SignInScreen({ state }: Props) {
  const { t } = useTranslation();
  const api = useCcp();
  const forget = useIntent();
  const saved = state.session.form;
  // Prefilled once; after that the form only ever holds what the agent typed.
  const [values, setValues] = useState<SignInValues>(() => {
    const initial = emptySignInValues(saved);
    // A profile's servers and identity prefill what the agent has not typed before.
    for (const field of ['serverUrl', 'sipUri', 'authUser', 'displayName'] as const) {
      initial[field] ||= profileValue(state.profile, field) ?? '';
    }
    return initial;
  });
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  // A failure main remembers (e.g. the window reloaded after a failed attempt) shows at first.
  const [failure, setFailure] = useState<Failure | undefined>(() =>
    state.session.error ? { kind: 'desk', error: state.session.error } : undefined,
  );
  const [submitting, setSubmitting] = useState(false);
  const serverRef = useRef<HTMLInputElement>(null);
  const uriRef = useRef<HTMLInputElement>(null);
  const authUserRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const displayNameRef = useRef<HTMLInputElement>(null);

  // Policy-locked fields always carry the policy's value, whatever the form state holds.
  const withLockedValues = (current: SignInValues): SignInValues => {
    const next = { ...current };
    for (const field of ['serverUrl', 'sipUri', 'authUser', 'displayName'] as const) {
      const locked = lockedValue(state.profile, field);
      if (locked !== undefined) next[field] = locked;
    }
    return next;
  };

  const pending = submitting || state.session.phase === 'signingIn';
  const savedPasswordUsable = canUseSavedPassword(values, saved);

  const focusField = (field: SignInField): void => {
    const refs = {
      serverUrl: serverRef,
      sipUri: uriRef,
      authUser: authUserRef,
      password: passwordRef,
      displayName: displayNameRef,
    };
    const input = refs[field].current;
    input?.focus();
    input?.select();
  };

  const update = (field: SignInField) => (event: { target: { value: string } }) => {
    const value = event.target.value;
    setValues((current) => ({ ...current, [field]: value }));
    if (fieldErrors[field]) setFieldErrors((current) => ({ ...current, [field]: undefined }));
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (pending) return;
    const validation = validateSignIn(withLockedValues(values), saved);
    if (!validation.ok) {
      setFieldErrors(validation.errors);
      setFailure(undefined);
      focusField(validation.firstInvalid);
      return;
    }
    setFieldErrors({});
    setFailure(undefined);
    setSubmitting(true);
    try {
      const result = await api.session.signIn(validation.request);
      if (!result.ok) {
        setFailure({ kind: 'desk', error: result.error });
        if (result.error.field) focusField(result.error.field);
      }
    } catch (error) {
      setFailure({ kind: 'exception', message: errorMessage(error) });
    } finally {
      setSubmitting(false);
    }
  };

  const fieldError = (field: SignInField): string | undefined => {
    const key = fieldErrors[field];
    if (key === undefined) return undefined;
    return ERROR_KEY.test(key) ? t([`errors.${key}`, 'errors.invalid']) : t('errors.invalid');
  };
  const failedField = failure?.kind === 'desk' ? failure.error.field : undefined;
  const describedBy = (field: SignInField): string | undefined =>
    failedField === field ? FORM_ERROR_ID : undefined;
  const bind = (field: SignInField) => {
    const locked = lockedValue(state.profile, field);
    return {
      value: locked ?? values[field],
      onChange: update(field),
      error: fieldError(field),
      describedBy: describedBy(field),
      readOnly: pending || locked !== undefined,
      ...(locked !== undefined ? { labelNote: t('profile.locked'), 'data-locked': 'true' } : {}),
    };
  };

  return (
    <main className="signin">
      <header className="signin__brand">
        <div className="brand-mark" aria-hidden="true">
          ☎
        </div>
        <div>
          <h1 className="signin__title">{t('app.name')}</h1>
          <p className="signin__subtitle">{t('signIn.subtitle')}</p>
        </div>
      </header>

      <form
        className="signin__form"
        data-testid="signin-form"
        noValidate
        aria-busy={pending}
        aria-label={t('signIn.title')}
        onSubmit={(event) => void onSubmit(event)}
      >
        {failure ? (
          <div className="alert alert--error" role="alert">
            <p className="alert__message" id={FORM_ERROR_ID} data-testid="signin-error">
              {failure.kind === 'desk'
                ? t(`signInError.${failure.error.code}`)
                : t('signInError.exception', { message: failure.message })}
            </p>
            {failure.kind === 'desk' && failure.error.detail ? (
              <p className="alert__detail" data-testid="signin-error-detail">
                {t('signIn.detail', { detail: failure.error.detail })}
              </p>
            ) : null}
          </div>
        ) : null}

        <FormField
          id="signin-server"
          label={t('signIn.serverUrl')}
          testId="signin-server"
          errorTestId="field-error-serverUrl"
          type="url"
          inputMode="url"
          placeholder="wss://sip.example.com:7443"
          autoComplete="url"
          autoCapitalize="off"
          spellCheck={false}
          required
          inputRef={serverRef}
          {...bind('serverUrl')}
        />
        <FormField
          id="signin-uri"
          label={t('signIn.sipUri')}
          testId="signin-uri"
          errorTestId="field-error-sipUri"
          type="text"
          placeholder="sip:agent@example.com"
          autoComplete="username"
          autoCapitalize="off"
          spellCheck={false}
          required
          inputRef={uriRef}
          {...bind('sipUri')}
        />
        <FormField
          id="signin-authuser"
          label={t('signIn.authUser')}
          labelNote={t('signIn.optional')}
          testId="signin-authuser"
          errorTestId="field-error-authUser"
          type="text"
          placeholder={t('signIn.authUserPlaceholder')}
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          inputRef={authUserRef}
          {...bind('authUser')}
        />
        <FormField
          id="signin-password"
          label={t('signIn.password')}
          testId="signin-password"
          errorTestId="field-error-password"
          type="password"
          placeholder={savedPasswordUsable ? t('signIn.savedPasswordPlaceholder') : ''}
          autoComplete="current-password"
          required={!savedPasswordUsable}
          inputRef={passwordRef}
          {...bind('password')}
        />
        {savedPasswordUsable ? (
          // A2: on a shared workstation the agent leaves no password behind.
          <button
            type="button"
            className="button button--quiet button--small signin__forget"
            data-testid="signin-forget-password"
            disabled={forget.pending}
            onClick={() => void forget.run(() => api.session.forgetPassword())}
          >
            {t('signIn.forgetPassword')}
          </button>
        ) : null}
        <IntentError failure={forget.failure} context="settings" />
        <FormField
          id="signin-displayname"
          label={t('signIn.displayName')}
          labelNote={t('signIn.optional')}
          testId="signin-displayname"
          errorTestId="field-error-displayName"
          type="text"
          placeholder={t('signIn.displayNamePlaceholder')}
          autoComplete="name"
          inputRef={displayNameRef}
          {...bind('displayName')}
        />

        <button
          type="submit"
          className="button button--primary button--block"
          data-testid="signin-submit"
          disabled={pending}
          aria-disabled={pending}
        >
          {pending ? (
            <>
              <span className="spinner" aria-hidden="true" />
              {t('signIn.pending')}
            </>
          ) : (
            t('signIn.submit')
          )}
        </button>
        <p className="sr-only" role="status" aria-live="polite">
          {pending ? t('signIn.pending') : ''}
        </p>
      </form>
      <ProfileLoader profile={state.profile} />
    </main>
  );
}

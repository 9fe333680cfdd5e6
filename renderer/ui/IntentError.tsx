import { useTranslation } from 'react-i18next';
import type { IntentFailure } from './useIntent';

/** Where the refusal happened: a reason can read differently per context (contactActive). */
export type IntentContext = 'dial' | 'signOut' | 'status' | 'contact';

interface Props {
  failure: IntentFailure | undefined;
  context: IntentContext;
  testId?: string;
}

const SAFE_KEY = /^[A-Za-z][A-Za-z0-9_]*$/;

/** A refused or failed intent, in plain language, announced as an alert. */
export function IntentError({ failure, context, testId }: Props) {
  const { t } = useTranslation();
  if (!failure) return null;
  let text: string;
  if (failure.kind === 'exception') {
    text = t('reasons.exception', { message: failure.message });
  } else if (SAFE_KEY.test(failure.reason)) {
    text = t(
      [`reasons.${context}.${failure.reason}`, `reasons.${failure.reason}`, 'reasons.unknown'],
      {
        reason: failure.reason,
      },
    );
  } else {
    text = t('reasons.unknown', { reason: failure.reason });
  }
  return (
    <p className="intent-error" role="alert" data-testid={testId}>
      {text}
    </p>
  );
}

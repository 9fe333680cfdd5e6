import { useTranslation } from 'react-i18next';
import { refusalMessageKey, type IntentContext } from './refusalMessages';
import type { IntentFailure } from './useIntent';

export type { IntentContext } from './refusalMessages';

interface Props {
  failure: IntentFailure | undefined;
  context: IntentContext;
  testId?: string;
}

/** A refused or failed intent, in plain language, announced as an alert. */
export function IntentError({ failure, context, testId }: Props) {
  const { t } = useTranslation();
  if (!failure) return null;
  const text =
    failure.kind === 'exception'
      ? t('reasons.exception', { message: failure.message })
      : t(refusalMessageKey(context, failure.reason), { reason: failure.reason });
  return (
    <p className="intent-error" role="alert" data-testid={testId}>
      {text}
    </p>
  );
}

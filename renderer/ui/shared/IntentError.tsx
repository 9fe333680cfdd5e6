import { useTranslation } from 'react-i18next';
import { reasonMessageKeys, type IntentContext } from './reasonMessageKeys';
import type { IntentFailure } from './useIntent';

export type { IntentContext } from './reasonMessageKeys';

interface Props {
  failure: IntentFailure | undefined;
  context: IntentContext;
  testId?: string;
}

/** A refused or failed intent, in plain language, announced as an alert. */
export function IntentError({ failure, context, testId }: Props) {
  const { t, i18n } = useTranslation();
  if (!failure) return null;
  let text: string;
  if (failure.kind === 'exception') {
    text = t('reasons.exception', { message: failure.message });
  } else {
    // A reason spelled like a group of messages (`dial`) must not print the group: only a key
    // holding a message counts.
    const key =
      reasonMessageKeys(context, failure.reason).find(
        (candidate) =>
          i18n.exists(candidate) &&
          typeof t(candidate, { returnObjects: true, reason: '' }) === 'string',
      ) ?? 'reasons.unknown';
    text = t(key, { reason: failure.reason });
  }
  return (
    <p className="intent-error" role="alert" data-testid={testId}>
      {text}
    </p>
  );
}

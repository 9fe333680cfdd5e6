import { useTranslation } from 'react-i18next';

/** "Microphone muted", in a live region, as long as the agent's microphone is off. */
export function MutedStatus({ muted }: { muted: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="call-status call-status--muted" role="status">
      {muted ? (
        <span className="badge badge--muted" data-testid="muted-indicator">
          {t('call.mutedIndicator')}
        </span>
      ) : null}
    </div>
  );
}

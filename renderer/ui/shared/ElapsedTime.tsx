import { formatDuration } from './formatDuration';
import { useNow } from './useNow';

interface Props {
  /** Epoch ms the period started. */
  since: number;
  /** Accessible description, e.g. "Time in status". */
  label: string;
  testId: string;
  className?: string;
  /** Inside a live region: opt out, so the ticking is not read out every second. */
  notLive?: boolean;
}

/** A ticking mm:ss (h:mm:ss) timer. Not a live region: it would be read out every second. */
export function ElapsedTime({ since, label, testId, className, notLive = false }: Props) {
  const now = useNow();
  const text = formatDuration(now - since);
  return (
    <time
      className={className ? `timer ${className}` : 'timer'}
      data-testid={testId}
      dateTime={`PT${Math.max(0, Math.floor((now - since) / 1000))}S`}
      title={label}
      aria-label={`${label}: ${text}`}
      aria-live={notLive ? 'off' : undefined}
    >
      {text}
    </time>
  );
}

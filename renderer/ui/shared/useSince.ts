import { useState } from 'react';
import { useNow } from './useNow';

/**
 * When `active` last became true (epoch ms, to the timer's second), undefined while false.
 * For states main reports without a start time, such as how long the customer has been held.
 */
export function useSince(active: boolean): number | undefined {
  const now = useNow();
  const [since, setSince] = useState<number | undefined>(active ? now : undefined);
  // Adjusting state during render (React's pattern for values derived from prop changes).
  if (active && since === undefined) setSince(now);
  if (!active && since !== undefined) setSince(undefined);
  return active ? (since ?? now) : undefined;
}

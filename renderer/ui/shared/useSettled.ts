import { createContext, useContext, useEffect, useState } from 'react';
import { SETTLE_MS } from './focusPolicy';

/**
 * How long a new view's controls wait before they act. The app uses `SETTLE_MS`; component
 * tests that check what a settled view offers render with 0.
 */
export const SettleDelay = createContext(SETTLE_MS);

/**
 * False for the first moments after the calling view mounts, then true (focus policy, rule 4):
 * a view's controls pass `unavailable={!settled}`, so a double click or a repeated key meant
 * for the button that was there before does nothing.
 */
export function useSettled(): boolean {
  const delay = useContext(SettleDelay);
  const [settled, setSettled] = useState(delay <= 0);
  useEffect(() => {
    if (delay <= 0) return;
    const timer = setTimeout(() => setSettled(true), delay);
    return () => clearTimeout(timer);
  }, [delay]);
  return settled;
}

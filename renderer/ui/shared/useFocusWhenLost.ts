import { useEffect, type RefObject } from 'react';
import { focusIsLost } from './focusPolicy';

/**
 * Focuses `target` when the view mounts, but only if focus was lost (focus policy, rules 2
 * and 3): a control the agent is using keeps its focus.
 */
export function useFocusWhenLost(target: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    if (focusIsLost(document)) target.current?.focus();
  }, [target]);
}

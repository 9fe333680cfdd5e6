import { useCallback, useRef, useState } from 'react';
import type { IntentResult } from '../../../common/contract';
import { errorMessage } from './errorMessage';

/** Why an intent did not happen: main refused it, or the call itself failed (IPC rejected). */
export type IntentFailure =
  { kind: 'refused'; reason: string } | { kind: 'exception'; message: string };

export interface Intent {
  pending: boolean;
  failure: IntentFailure | undefined;
  /** Runs the intent unless one is already pending; resolves true when main accepted it. */
  run(action: () => Promise<IntentResult>): Promise<boolean>;
  reset(): void;
}

/** Tracks one kind of intent (dial, sign out, accept...): pending flag and last refusal. */
export function useIntent(): Intent {
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<IntentFailure | undefined>(undefined);
  const inFlight = useRef(false);

  const run = useCallback(async (action: () => Promise<IntentResult>): Promise<boolean> => {
    if (inFlight.current) return false;
    inFlight.current = true;
    setPending(true);
    setFailure(undefined);
    try {
      const result = await action();
      if (!result.ok) setFailure({ kind: 'refused', reason: result.reason });
      return result.ok;
    } catch (error) {
      setFailure({ kind: 'exception', message: errorMessage(error) });
      return false;
    } finally {
      inFlight.current = false;
      setPending(false);
    }
  }, []);

  const reset = useCallback(() => setFailure(undefined), []);

  return { pending, failure, run, reset };
}

import { useCallback, useRef, useState } from 'react';
import type { IntentResult } from '../../../common/contract';
import { errorMessage } from './errorMessage';
import type { ShownRefusal, UiRefusal } from './refusalMessages';

/** What an intent comes to: main's result, or a refusal the UI gave itself first. */
export type IntentOutcome = IntentResult | { ok: false; reason: UiRefusal };

/** Why an intent did not happen: it was refused, or the call itself failed (IPC rejected). */
export type IntentFailure =
  { kind: 'refused'; reason: ShownRefusal } | { kind: 'exception'; message: string };

export interface Intent {
  pending: boolean;
  failure: IntentFailure | undefined;
  /** Runs the intent unless one is already pending; resolves true when main accepted it. */
  run(action: () => Promise<IntentOutcome>): Promise<boolean>;
  reset(): void;
}

/** Tracks one kind of intent (dial, sign out, accept...): pending flag and last refusal. */
export function useIntent(): Intent {
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<IntentFailure | undefined>(undefined);
  const inFlight = useRef(false);

  const run = useCallback(async (action: () => Promise<IntentOutcome>): Promise<boolean> => {
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

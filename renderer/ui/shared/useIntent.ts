import { useCallback, useEffect, useRef, useState } from 'react';
import type { IntentResult } from '../../../common/contract';
import { REFUSAL_VISIBLE_MS } from '../app/deskMoment';
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

interface ShownFailure {
  failure: IntentFailure;
  /** The desk moment the intent was refused in. */
  moment: string | undefined;
}

/**
 * Tracks one kind of intent (dial, sign out, accept...): pending flag and last refusal. A
 * refusal belongs to its moment: it is no longer shown once `moment` (deskMoment) changes, and
 * goes by itself after REFUSAL_VISIBLE_MS.
 */
export function useIntent(moment?: string): Intent {
  const [pending, setPending] = useState(false);
  const [shown, setShown] = useState<ShownFailure | undefined>(undefined);
  const inFlight = useRef(false);
  const currentMoment = useRef(moment);
  useEffect(() => {
    currentMoment.current = moment;
  }, [moment]);

  useEffect(() => {
    if (!shown) return;
    const timer = setTimeout(() => setShown(undefined), REFUSAL_VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [shown]);

  const run = useCallback(async (action: () => Promise<IntentOutcome>): Promise<boolean> => {
    if (inFlight.current) return false;
    inFlight.current = true;
    setPending(true);
    setShown(undefined);
    const fail = (failure: IntentFailure) => setShown({ failure, moment: currentMoment.current });
    try {
      const result = await action();
      if (!result.ok) fail({ kind: 'refused', reason: result.reason });
      return result.ok;
    } catch (error) {
      fail({ kind: 'exception', message: errorMessage(error) });
      return false;
    } finally {
      inFlight.current = false;
      setPending(false);
    }
  }, []);

  const reset = useCallback(() => setShown(undefined), []);
  const failure = shown && shown.moment === moment ? shown.failure : undefined;

  return { pending, failure, run, reset };
}

/**
 * Turns what JsSIP reports about a REFER we sent into one transfer outcome: accepted when the
 * far end's NOTIFY carries a 2xx sipfrag (the transfer target answered), failed when the
 * REFER is refused or a NOTIFY carries a final failure. Only the first outcome counts.
 */
import { bounded } from './describeFailure';

export type TransferOutcome =
  | { readonly outcome: 'accepted' }
  | { readonly outcome: 'failed'; readonly cause: string; readonly statusCode?: number };

interface StatusLine {
  readonly status_code?: unknown;
  readonly reason_phrase?: unknown;
}

/** The `eventHandlers` for session.refer(). */
export function referEventHandlers(report: (outcome: TransferOutcome) => void) {
  let settled = false;
  const settle = (outcome: TransferOutcome) => {
    if (settled) return;
    settled = true;
    report(outcome);
  };
  const failure = (line: StatusLine | null | undefined, fallback: string): TransferOutcome => {
    const statusCode = Number(line?.status_code);
    return {
      outcome: 'failed',
      cause: bounded(
        typeof line?.reason_phrase === 'string' && line.reason_phrase
          ? line.reason_phrase
          : fallback,
      ),
      ...(Number.isInteger(statusCode) ? { statusCode } : {}),
    };
  };
  return {
    requestFailed: (event: { response?: StatusLine | null; cause?: string }) =>
      settle(failure(event.response, event.cause ?? 'Rejected')),
    accepted: () => settle({ outcome: 'accepted' }),
    failed: (event: { status_line?: StatusLine }) => settle(failure(event.status_line, 'Failed')),
  };
}

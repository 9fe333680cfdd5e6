/**
 * How long the desk waits before connecting again after the SIP server's connection dropped.
 *
 * Doubling from a quarter second to a cap of 2.5 s: an agent is back within 3 s of the server
 * returning (the target), while a thousand agents of a restarted server do not all
 * knock at once. The jitter is "equal jitter" (half fixed, half random), so the spread is wide
 * enough to break a thundering herd yet no attempt comes sooner than half its step.
 */
export const RECONNECT_FIRST_STEP_MS = 500;
export const RECONNECT_CAP_MS = 2_500;

/** `attempt`: 0 for the first try after the drop. `random`: uniform in [0, 1). */
export function reconnectDelayMs(attempt: number, random: number): number {
  const step = Math.min(RECONNECT_CAP_MS, RECONNECT_FIRST_STEP_MS * 2 ** Math.max(0, attempt));
  return Math.round(step / 2 + (step / 2) * random);
}

/**
 * An INVITE's Expires header (RFC 3261 13.3.1) as JsSIP arms it: `setTimeout(…, seconds *
 * 1000)`. A timer longer than 2^31-1 ms overflows and fires at once, so an offer with
 * `Expires: 2147484` or more was answered 487 before the agent ever saw it. Such a wait is
 * weeks long, effectively none: the desk's ring timeout ends the offer long before.
 */

/** The longest delay setTimeout keeps (about 24.8 days). */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** Whether an Expires header value (seconds) would overflow the timer JsSIP sets for it. */
export function expiresOverflowsTimer(header: string | undefined): boolean {
  if (header === undefined) return false;
  const seconds = Number(header.trim());
  return Number.isFinite(seconds) && seconds * 1000 > MAX_TIMER_MS;
}

/**
 * RFC 3261 14.1: after a 491 Request Pending the UAC retries after a random wait, in units of
 * 10 ms: 2.1 to 4.0 s when it owns the Call-ID (it sent the initial INVITE), 0 to 2.0 s
 * otherwise. The two ends therefore stop colliding: the non-owner always goes first.
 */
const OWNER_MIN_MS = 2100;
const OWNER_MAX_MS = 4000;
const OTHER_MAX_MS = 2000;
const UNIT_MS = 10;

/** `random` returns a number in [0, 1), like Math.random. */
export function glareRetryDelayMs(ownsCallId: boolean, random: () => number): number {
  const [min, max] = ownsCallId ? [OWNER_MIN_MS, OWNER_MAX_MS] : [0, OTHER_MAX_MS];
  const steps = (max - min) / UNIT_MS + 1;
  const step = Math.min(steps - 1, Math.floor(random() * steps));
  return min + step * UNIT_MS;
}

/** A DTMF digit as the contract spells it (RFC 4733 events 0-9 * # A-D), or undefined. */
const TONE = /^[0-9*#A-D]$/;

export function dtmfTone(raw: unknown): string | undefined {
  const tone = String(raw).toUpperCase();
  return TONE.test(tone) ? tone : undefined;
}

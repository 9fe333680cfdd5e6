/**
 * What an offer's SIP headers say about the contact (D1, D7): the queue it came from (the
 * "whisper") and whether it is a queued callback. The header names come from the profile, and
 * the values from the network: both are untrusted and bounded here.
 */
import type { VoiceContact } from '../../../common/contract';

/** The profile's names for the two headers (`sipHeaders`). */
export interface OfferHeaderNames {
  queueName: string;
  callback: string;
}

export const DEFAULT_OFFER_HEADER_NAMES: OfferHeaderNames = {
  queueName: 'X-Queue-Name',
  callback: 'X-Callback',
};

/** A queue name longer than this is cut: the banner has one line for it. */
export const MAX_QUEUE_NAME_LENGTH = 64;

/** Values that mean "not a callback" although the header is there: PBXs send flags differently. */
const FALSE_FLAGS: ReadonlySet<string> = new Set(['', '0', 'false', 'no']);

export function offerDetails(
  headers: Readonly<Record<string, string>>,
  names: OfferHeaderNames,
): Pick<VoiceContact, 'queue' | 'callback'> {
  const queue = headerValue(headers, names.queueName)?.trim().slice(0, MAX_QUEUE_NAME_LENGTH);
  const callback = headerValue(headers, names.callback);
  return {
    ...(queue ? { queue } : {}),
    ...(callback !== undefined && !FALSE_FLAGS.has(callback.trim().toLowerCase())
      ? { callback: true }
      : {}),
  };
}

/** SIP header names are case-insensitive (RFC 3261 7.3.1); the engine sends them lower-case. */
export function headerValue(
  headers: Readonly<Record<string, string>>,
  name: string,
): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === wanted) return value;
  }
  return undefined;
}

/**
 * The header names the engine must forward with an offer besides X- headers: the profile's,
 * lower-case as the engine reports them.
 */
export function forwardedHeaderNames(names: OfferHeaderNames): string[] {
  return [...new Set([names.queueName, names.callback].map((name) => name.toLowerCase()))];
}

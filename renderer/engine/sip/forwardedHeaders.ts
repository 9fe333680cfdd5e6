/**
 * Which headers of an incoming INVITE main gets: every X- header plus the names the account
 * lists (the profile's queue and callback headers may be named anything). Keys lower-case,
 * values bounded: they come from the network.
 */
import { bounded } from './describeFailure';

export const MAX_FORWARDED_HEADERS = 16;

/** Parsed headers as JsSIP keeps them on a request: name -> values with their raw text. */
export type RawHeaders = Readonly<Record<string, ReadonlyArray<{ readonly raw: string }>>>;

export function forwardedHeaders(
  headers: RawHeaders,
  extraNames: readonly string[],
): Record<string, string> {
  const wanted = new Set(extraNames.map((name) => name.trim().toLowerCase()));
  const forwarded: Record<string, string> = {};
  let count = 0;
  for (const [name, values] of Object.entries(headers)) {
    const key = name.toLowerCase();
    if (!key.startsWith('x-') && !wanted.has(key)) continue;
    if (count >= MAX_FORWARDED_HEADERS) break;
    const value = values[0]?.raw;
    if (value === undefined) continue;
    forwarded[key.slice(0, 64)] = bounded(value);
    count += 1;
  }
  return forwarded;
}

/** JsSIP keeps parsed headers on the request without declaring them in its types. */
export function rawHeadersOf(request: object): RawHeaders {
  const headers = (request as { headers?: unknown }).headers;
  return typeof headers === 'object' && headers !== null ? (headers as RawHeaders) : {};
}

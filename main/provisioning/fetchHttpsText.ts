/**
 * Downloads a profile over https, bounded in time and size. Only https: the profile names the
 * SIP servers and the numbers agents may dial, so anyone able to alter it in transit could
 * redirect every call. Redirects are followed here, hop by hop, and every hop must be https:
 * letting fetch follow them and checking only the final address would accept a chain through
 * http:// (https -> http -> https), whose middle hop anyone on the network can rewrite.
 *
 * `fetchImpl` defaults to Node's fetch. The app passes its shell's fetch, Electron's `net.fetch`,
 * which uses the OS certificate store and proxy settings that corporate networks depend on.
 */
import { decodeText } from './decodeText';
import { SourceError } from './SourceError';

/** The part of fetch used here; Node's fetch and Electron's net.fetch both fit. */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface FetchTextOptions {
  timeoutMs: number;
  maxBytes: number;
  fetchImpl?: FetchLike;
}

/** Redirects followed at most; a provisioning server needs one or two. */
export const MAX_REDIRECTS = 5;

const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);

/** Node's TLS failures, by the code undici puts on the error's cause. */
const TLS_REASONS: Readonly<Record<string, string>> = {
  CERT_HAS_EXPIRED: 'its certificate has expired',
  CERT_NOT_YET_VALID: 'its certificate is not valid yet',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'its certificate is self-signed',
  SELF_SIGNED_CERT_IN_CHAIN: 'its certificate chain ends in an untrusted self-signed certificate',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'its certificate is not signed by a trusted authority',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'its certificate is not signed by a trusted authority',
  ERR_TLS_CERT_ALTNAME_INVALID: 'its certificate is for a different host name',
};

const NETWORK_REASONS: Readonly<Record<string, string>> = {
  ENOTFOUND: 'the server name could not be found (DNS)',
  EAI_AGAIN: 'the server name could not be looked up (DNS)',
  ECONNREFUSED: 'the server refused the connection',
  ECONNRESET: 'the connection was reset',
  EHOSTUNREACH: 'the server cannot be reached',
  ENETUNREACH: 'the network is unreachable',
};

export async function fetchHttpsText(url: URL, options: FetchTextOptions): Promise<string> {
  const { timeoutMs, maxBytes, fetchImpl = fetch } = options;
  const host = url.host;
  if (url.protocol !== 'https:') {
    throw new SourceError('network', `Only https:// addresses are accepted, not ${url.protocol}//`);
  }
  const tooLarge = () =>
    new SourceError(
      'tooLarge',
      `The profile at ${host} is larger than the limit of ${maxBytes} bytes`,
    );
  try {
    const response = await fetchFollowingHttpsRedirects(url, fetchImpl, timeoutMs);
    if (!response.ok) {
      await response.body?.cancel();
      const status = `${response.status} ${response.statusText}`.trim();
      throw new SourceError('network', `${host} answered ${status}`);
    }
    if (Number(response.headers.get('content-length') ?? 0) > maxBytes) {
      await response.body?.cancel();
      throw tooLarge();
    }
    return decodeText(await readBounded(response, maxBytes, tooLarge));
  } catch (error) {
    throw error instanceof SourceError ? error : networkError(host, timeoutMs, error);
  }
}

/**
 * Fetches `url`, following each redirect itself (redirect: 'manual') after checking that the
 * next address is https; at most MAX_REDIRECTS, all within the one deadline.
 */
async function fetchFollowingHttpsRedirects(
  url: URL,
  fetchImpl: FetchLike,
  timeoutMs: number,
): Promise<Response> {
  const signal = AbortSignal.timeout(timeoutMs);
  let current = url;
  for (let hop = 0; ; hop += 1) {
    const response = await fetchImpl(current.href, {
      signal,
      redirect: 'manual',
      headers: { accept: 'application/json' },
    });
    if (!REDIRECT_STATUSES.has(response.status)) return response;
    await response.body?.cancel();
    const location = response.headers.get('location');
    const next =
      location !== null && URL.canParse(location, current.href)
        ? new URL(location, current.href)
        : undefined;
    if (!next) {
      throw new SourceError('network', `${current.host} answered a redirect without an address`);
    }
    if (next.protocol !== 'https:') {
      throw new SourceError(
        'network',
        `${current.host} redirected to ${next.protocol}//${next.host}, which is not https://; every step of a redirect must be https://`,
      );
    }
    if (hop + 1 > MAX_REDIRECTS) {
      throw new SourceError(
        'network',
        `${url.host} redirected more than ${MAX_REDIRECTS} times; the profile was not downloaded`,
      );
    }
    current = next;
  }
}

/** The body, refused as soon as it passes maxBytes: a missing or lying content-length is common. */
async function readBounded(
  response: Response,
  maxBytes: number,
  tooLarge: () => SourceError,
): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.byteLength;
    if (length > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

function networkError(host: string, timeoutMs: number, error: unknown): SourceError {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return new SourceError('network', `No answer from ${host} within ${timeoutMs / 1000} s`);
  }
  const cause = error instanceof Error ? error.cause : undefined;
  const code = (cause as { code?: unknown } | undefined)?.code;
  if (typeof code === 'string') {
    const tls = TLS_REASONS[code];
    if (tls) return new SourceError('network', `${host} cannot be trusted: ${tls} (${code})`);
    const network = NETWORK_REASONS[code];
    if (network) return new SourceError('network', `Cannot reach ${host}: ${network}`);
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new SourceError('network', `Cannot download the profile from ${host}: ${detail}`);
}

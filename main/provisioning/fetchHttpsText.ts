/**
 * Downloads a profile over https, bounded in time and size. Only https: the profile names the
 * SIP servers and the numbers agents may dial, so anyone able to alter it in transit could
 * redirect every call. A redirect to a non-https address is refused the same way.
 *
 * `fetchImpl` defaults to Node's fetch. The Electron shell may pass `net.fetch` instead, which
 * uses the OS certificate store and proxy settings that corporate networks often depend on.
 */
import { decodeText } from './decodeText';
import { SourceError } from './SourceError';

export interface FetchTextOptions {
  timeoutMs: number;
  maxBytes: number;
  fetchImpl?: typeof fetch;
}

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
    const response = await fetchImpl(url, {
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'follow',
      headers: { accept: 'application/json' },
    });
    if (response.url !== '' && new URL(response.url).protocol !== 'https:') {
      await response.body?.cancel();
      throw new SourceError('network', `${host} redirected to an address that is not https://`);
    }
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

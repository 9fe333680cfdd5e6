/**
 * fetchHttpsText at its edges: which statuses are redirects, how many hops are allowed, what
 * each network and TLS failure says, and the bodies that are not streams.
 */
import { describe, expect, it } from 'vitest';
import { fetchHttpsText, MAX_REDIRECTS } from './fetchHttpsText';
import { SourceError } from './SourceError';

const URL_OK = new URL('https://prov.example.com/p.json');
const LIMITS = { timeoutMs: 1000, maxBytes: 64 };

/** A fetch answering the nth request with answers[n] (the last one repeated), recorded. */
function scripted(...answers: Array<() => Response>) {
  const urls: string[] = [];
  const inits: RequestInit[] = [];
  const fetchImpl = (url: string, init: RequestInit): Promise<Response> => {
    urls.push(url);
    inits.push(init);
    const answer = answers[Math.min(urls.length - 1, answers.length - 1)]!;
    return Promise.resolve(answer());
  };
  return { fetchImpl, urls, inits };
}

function throwing(error: unknown) {
  return (): Promise<Response> => Promise.reject(error);
}

async function failure(promise: Promise<unknown>): Promise<SourceError> {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof SourceError))
    throw new Error(`expected a SourceError, got ${String(error)}`);
  return error;
}

const redirect = (status: number, location: string) => () =>
  new Response(null, { status, headers: { location } });

describe('fetchHttpsText, redirects', () => {
  it.each([301, 302, 303, 307, 308])('follows a %i to the next https address', async (status) => {
    const web = scripted(
      redirect(status, 'https://cdn.example.com/p.json'),
      () => new Response('{}'),
    );
    expect(await fetchHttpsText(URL_OK, { ...LIMITS, fetchImpl: web.fetchImpl })).toBe('{}');
    expect(web.urls).toEqual([URL_OK.href, 'https://cdn.example.com/p.json']);
  });

  it.each([300, 304])('does not follow a %i: it is a failed answer', async (status) => {
    const web = scripted(redirect(status, 'https://cdn.example.com/p.json'));
    const error = await failure(fetchHttpsText(URL_OK, { ...LIMITS, fetchImpl: web.fetchImpl }));
    expect(error.message).toBe(`prov.example.com answered ${status}`);
    expect(web.urls).toHaveLength(1);
  });

  it('asks every hop with redirect: manual and the same deadline signal', async () => {
    const web = scripted(redirect(302, '/b'), () => new Response('{}'));
    await fetchHttpsText(URL_OK, { ...LIMITS, fetchImpl: web.fetchImpl });
    expect(web.inits.map((init) => init.redirect)).toEqual(['manual', 'manual']);
    expect(web.inits[1]?.signal).toBe(web.inits[0]?.signal);
    expect(web.inits[1]?.headers).toEqual({ accept: 'application/json' });
  });

  it(`downloads after exactly ${MAX_REDIRECTS} redirects`, async () => {
    const hops = Array.from({ length: MAX_REDIRECTS }, (_, n) =>
      redirect(302, `https://prov.example.com/hop${n + 1}`),
    );
    const web = scripted(...hops, () => new Response('{"ok":1}'));
    expect(await fetchHttpsText(URL_OK, { ...LIMITS, fetchImpl: web.fetchImpl })).toBe('{"ok":1}');
    expect(web.urls).toHaveLength(MAX_REDIRECTS + 1);
  });

  it('names the hop that left https and what it pointed to', async () => {
    const web = scripted(
      redirect(302, 'https://b.example.com/x'),
      redirect(301, 'http://c.example.com/y'),
    );
    const error = await failure(fetchHttpsText(URL_OK, { ...LIMITS, fetchImpl: web.fetchImpl }));
    expect(error.message).toBe(
      'b.example.com redirected to http://c.example.com, which is not https://; every step of a redirect must be https://',
    );
  });

  it('refuses a Location that is not an address', async () => {
    const web = scripted(redirect(302, 'https://[bad'));
    const error = await failure(fetchHttpsText(URL_OK, { ...LIMITS, fetchImpl: web.fetchImpl }));
    expect(error.message).toBe('prov.example.com answered a redirect without an address');
  });
});

describe('fetchHttpsText, answers', () => {
  it('reports a failed status without a status text as the number alone', async () => {
    const web = scripted(() => new Response('', { status: 503 }));
    const error = await failure(fetchHttpsText(URL_OK, { ...LIMITS, fetchImpl: web.fetchImpl }));
    expect(error).toMatchObject({ kind: 'network', message: 'prov.example.com answered 503' });
  });

  it('accepts a content-length of exactly the limit', async () => {
    const body = 'x'.repeat(LIMITS.maxBytes);
    const web = scripted(
      () => new Response(body, { headers: { 'content-length': String(LIMITS.maxBytes) } }),
    );
    expect(await fetchHttpsText(URL_OK, { ...LIMITS, fetchImpl: web.fetchImpl })).toBe(body);
  });

  it('names the limit and the host when the body is too large', async () => {
    const web = scripted(() => new Response('x'.repeat(LIMITS.maxBytes + 1)));
    const error = await failure(fetchHttpsText(URL_OK, { ...LIMITS, fetchImpl: web.fetchImpl }));
    expect(error).toMatchObject({
      kind: 'tooLarge',
      message: 'The profile at prov.example.com is larger than the limit of 64 bytes',
    });
  });

  it('reads an answer without a body as empty text', async () => {
    const web = scripted(() => new Response(null, { status: 200 }));
    expect(await fetchHttpsText(URL_OK, { ...LIMITS, fetchImpl: web.fetchImpl })).toBe('');
  });

  it('joins a body delivered in several chunks in order', async () => {
    const chunks = ['{"a":', '"b', 'c"}'];
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
        controller.close();
      },
    });
    const web = scripted(() => new Response(body));
    expect(await fetchHttpsText(URL_OK, { ...LIMITS, fetchImpl: web.fetchImpl })).toBe(
      '{"a":"bc"}',
    );
  });
});

describe('fetchHttpsText, failures in plain language', () => {
  const withCode = (code: string) =>
    new TypeError('fetch failed', { cause: Object.assign(new Error(code), { code }) });

  it.each([
    ['CERT_HAS_EXPIRED', 'its certificate has expired'],
    ['CERT_NOT_YET_VALID', 'its certificate is not valid yet'],
    [
      'SELF_SIGNED_CERT_IN_CHAIN',
      'its certificate chain ends in an untrusted self-signed certificate',
    ],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'its certificate is not signed by a trusted authority'],
    ['UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'its certificate is not signed by a trusted authority'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'its certificate is for a different host name'],
  ])('says why %s cannot be trusted', async (code, reason) => {
    const error = await failure(
      fetchHttpsText(URL_OK, { ...LIMITS, fetchImpl: throwing(withCode(code)) }),
    );
    expect(error.message).toBe(`prov.example.com cannot be trusted: ${reason} (${code})`);
  });

  it.each([
    ['ENOTFOUND', 'the server name could not be found (DNS)'],
    ['EAI_AGAIN', 'the server name could not be looked up (DNS)'],
    ['ECONNRESET', 'the connection was reset'],
    ['EHOSTUNREACH', 'the server cannot be reached'],
    ['ENETUNREACH', 'the network is unreachable'],
  ])('says what %s means', async (code, reason) => {
    const error = await failure(
      fetchHttpsText(URL_OK, { ...LIMITS, fetchImpl: throwing(withCode(code)) }),
    );
    expect(error.message).toBe(`Cannot reach prov.example.com: ${reason}`);
  });

  it('gives the error text for an unknown code, a cause without a code, or no cause', async () => {
    for (const thrown of [
      withCode('EWHATEVER'),
      new TypeError('fetch failed', { cause: new Error('inner') }),
      new Error('socket hang up'),
    ]) {
      const error = await failure(
        fetchHttpsText(URL_OK, { ...LIMITS, fetchImpl: throwing(thrown) }),
      );
      expect(error.message).toBe(
        `Cannot download the profile from prov.example.com: ${thrown.message}`,
      );
    }
  });

  it('gives the thrown value itself when it is not an Error', async () => {
    const error = await failure(fetchHttpsText(URL_OK, { ...LIMITS, fetchImpl: throwing('boom') }));
    expect(error.message).toBe('Cannot download the profile from prov.example.com: boom');
  });

  it.each(['TimeoutError', 'AbortError'])(
    'reports a %s as no answer within the deadline',
    async (name) => {
      const aborted = Object.assign(new Error('aborted'), { name });
      const error = await failure(
        fetchHttpsText(URL_OK, { timeoutMs: 2500, maxBytes: 64, fetchImpl: throwing(aborted) }),
      );
      expect(error.message).toBe('No answer from prov.example.com within 2.5 s');
    },
  );

  it('keeps the port in the host it names', async () => {
    const error = await failure(
      fetchHttpsText(new URL('https://prov.example.com:8443/p.json'), {
        ...LIMITS,
        fetchImpl: throwing(withCode('ECONNRESET')),
      }),
    );
    expect(error.message).toBe('Cannot reach prov.example.com:8443: the connection was reset');
  });
});

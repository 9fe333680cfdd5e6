import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { fetchHttpsText, MAX_REDIRECTS } from './fetchHttpsText';
import { SourceError } from './SourceError';

const URL_OK = new URL('https://prov.example.com/p.json');
const LIMITS = { timeoutMs: 1000, maxBytes: 64 };

/** A fetch that answers every request with `make()`, recording the requests. */
function fakeFetch(make: (signal: AbortSignal) => Response | Promise<Response>) {
  const calls: Array<{ url: string; init: RequestInit | undefined }> = [];
  const fetchImpl: typeof fetch = async (input, init) => {
    calls.push({ url: String(input), init });
    return make(init?.signal ?? new AbortController().signal);
  };
  return { fetchImpl, calls };
}

/** A body delivered in chunks, with no content-length: the server does not say how big it is. */
function streamed(...chunks: string[]): Response {
  const encoder = new TextEncoder();
  return new Response(
    new ReadableStream<Uint8Array>({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
        controller.close();
      },
    }),
  );
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

describe('fetchHttpsText', () => {
  it('returns the body of a 200 answer, asking for JSON with a deadline', async () => {
    const web = fakeFetch(() => streamed('{"schema', 'Version": 1}'));
    expect(await fetchHttpsText(URL_OK, { ...LIMITS, fetchImpl: web.fetchImpl })).toBe(
      '{"schemaVersion": 1}',
    );
    expect(web.calls).toHaveLength(1);
    expect(web.calls[0]?.init?.signal).toBeInstanceOf(AbortSignal);
    expect(web.calls[0]?.init?.headers).toEqual({ accept: 'application/json' });
  });

  it('never sends a request to an http:// address', async () => {
    const web = fakeFetch(() => new Response('{}'));
    const error = await failure(
      fetchHttpsText(new URL('http://prov.example.com/p.json'), {
        ...LIMITS,
        fetchImpl: web.fetchImpl,
      }),
    );
    expect(error.message).toBe('Only https:// addresses are accepted, not http://');
    expect(web.calls).toEqual([]);
  });

  it('follows redirects itself (redirect: manual), each hop https, relative ones resolved', async () => {
    const web = fakeFetch(() => new Response('{}'));
    const hops = ['https://b.example.com/p.json', '/final.json'];
    const chain: typeof web.fetchImpl = async (input, init) => {
      await web.fetchImpl(input, init);
      const location = hops.shift();
      return location === undefined
        ? new Response('{"ok": 1}')
        : new Response(null, { status: 302, headers: { location } });
    };
    expect(await fetchHttpsText(URL_OK, { ...LIMITS, fetchImpl: chain })).toBe('{"ok": 1}');
    expect(web.calls.map((call) => call.url)).toEqual([
      'https://prov.example.com/p.json',
      'https://b.example.com/p.json',
      'https://b.example.com/final.json',
    ]);
    expect(web.calls.every((call) => call.init?.redirect === 'manual')).toBe(true);
  });

  it('refuses a redirect to http:// without requesting it', async () => {
    const web = fakeFetch(
      () =>
        new Response(null, {
          status: 301,
          headers: { location: 'http://evil.example.com/p.json' },
        }),
    );
    const error = await failure(fetchHttpsText(URL_OK, { ...LIMITS, fetchImpl: web.fetchImpl }));
    expect(error.message).toBe(
      'prov.example.com redirected to http://evil.example.com, which is not https://; every step of a redirect must be https://',
    );
    expect(web.calls).toHaveLength(1);
  });

  it('refuses a chain that leaves https and comes back after more than MAX_REDIRECTS hops', async () => {
    const web = fakeFetch(
      () => new Response(null, { status: 307, headers: { location: '/again' } }),
    );
    const error = await failure(fetchHttpsText(URL_OK, { ...LIMITS, fetchImpl: web.fetchImpl }));
    expect(error.message).toBe(
      `prov.example.com redirected more than ${MAX_REDIRECTS} times; the profile was not downloaded`,
    );
    expect(web.calls).toHaveLength(MAX_REDIRECTS + 1);
  });

  it('refuses a redirect without a Location', async () => {
    const web = fakeFetch(() => new Response(null, { status: 302 }));
    const error = await failure(fetchHttpsText(URL_OK, { ...LIMITS, fetchImpl: web.fetchImpl }));
    expect(error.message).toBe('prov.example.com answered a redirect without an address');
  });

  it('reports the HTTP status of a failed answer', async () => {
    const web = fakeFetch(() => new Response('gone', { status: 404, statusText: 'Not Found' }));
    const error = await failure(fetchHttpsText(URL_OK, { ...LIMITS, fetchImpl: web.fetchImpl }));
    expect(error.message).toBe('prov.example.com answered 404 Not Found');
  });

  it('refuses a body announced as too large', async () => {
    const web = fakeFetch(
      () => new Response('{}', { headers: { 'content-length': String(LIMITS.maxBytes + 1) } }),
    );
    const error = await failure(fetchHttpsText(URL_OK, { ...LIMITS, fetchImpl: web.fetchImpl }));
    expect(error.kind).toBe('tooLarge');
  });

  it('stops reading a body that grows past the limit', async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(16).fill(0x20));
      },
    });
    const web = fakeFetch(() => new Response(endless));
    const error = await failure(fetchHttpsText(URL_OK, { ...LIMITS, fetchImpl: web.fetchImpl }));
    expect(error.kind).toBe('tooLarge');
    expect(pulled).toBeLessThan(10);
  });

  it('accepts a body of exactly the limit', async () => {
    const body = ' '.repeat(LIMITS.maxBytes);
    const web = fakeFetch(() => streamed(body));
    expect(await fetchHttpsText(URL_OK, { ...LIMITS, fetchImpl: web.fetchImpl })).toBe(body);
  });

  it('explains an untrusted certificate', async () => {
    const web = fakeFetch(() => {
      throw new TypeError('fetch failed', {
        cause: Object.assign(new Error('self-signed certificate'), {
          code: 'DEPTH_ZERO_SELF_SIGNED_CERT',
        }),
      });
    });
    const error = await failure(fetchHttpsText(URL_OK, { ...LIMITS, fetchImpl: web.fetchImpl }));
    expect(error.message).toBe(
      'prov.example.com cannot be trusted: its certificate is self-signed (DEPTH_ZERO_SELF_SIGNED_CERT)',
    );
  });

  it('explains a refused connection (real fetch, closed port)', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const error = await failure(
      fetchHttpsText(new URL(`https://127.0.0.1:${port}/p.json`), LIMITS),
    );
    expect(error.message).toBe(`Cannot reach 127.0.0.1:${port}: the server refused the connection`);
  });

  describe('with a server that never answers (real fetch)', () => {
    let server: Server | undefined;
    const sockets = new Set<Socket>();
    afterEach(async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    });

    it('gives up at the deadline', async () => {
      server = createServer((socket) => sockets.add(socket));
      await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
      const { port } = server.address() as { port: number };
      const started = Date.now();
      const error = await failure(
        fetchHttpsText(new URL(`https://127.0.0.1:${port}/p.json`), { ...LIMITS, timeoutMs: 200 }),
      );
      expect(error.message).toBe(`No answer from 127.0.0.1:${port} within 0.2 s`);
      expect(Date.now() - started).toBeLessThan(5000);
    });
  });
});

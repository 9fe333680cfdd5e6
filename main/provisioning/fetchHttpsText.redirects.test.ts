/**
 * Redirects against real local servers (issue Reliability item 11b): an https server with a
 * self-signed certificate made for this test by the openssl CLI, and a plain http one, so the
 * chain https -> http -> https really crosses an http hop on the wire.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer as createHttpsServer, request, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchHttpsText, type FetchLike } from './fetchHttpsText';
import { SourceError } from './SourceError';

let dir: string;
let ca: Buffer;
let https: Server;
let http: HttpServer;
let httpsBase: string;
let httpBase: string;
/** Paths each server was asked for, in order. */
const httpsHits: string[] = [];
const httpHits: string[] = [];

/**
 * The test's fetch: a real TLS request over node:https that trusts the test certificate (Node's
 * global fetch has no per-call CA option), never following redirects itself, as `redirect:
 * 'manual'` asks.
 */
const trustingFetch: FetchLike = (url, init) =>
  new Promise((resolve, reject) => {
    expect(init.redirect).toBe('manual');
    const req = request(url, { ca, ...(init.signal ? { signal: init.signal } : {}) }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const headers = new Headers();
        for (const [name, value] of Object.entries(res.headers)) {
          if (typeof value === 'string') headers.set(name, value);
        }
        const status = res.statusCode ?? 500;
        const body = [204, 301, 302, 303, 307, 308].includes(status) ? null : Buffer.concat(chunks);
        resolve(new Response(body, { status, headers }));
      });
    });
    req.on('error', reject);
    req.end();
  });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'openccp-tls-'));
  execFileSync('openssl', [
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-days',
    '1',
    '-subj',
    '/CN=127.0.0.1',
    '-addext',
    'subjectAltName=IP:127.0.0.1',
    '-keyout',
    join(dir, 'key.pem'),
    '-out',
    join(dir, 'cert.pem'),
  ]);
  ca = readFileSync(join(dir, 'cert.pem'));
  https = createHttpsServer({ key: readFileSync(join(dir, 'key.pem')), cert: ca }, (req, res) => {
    httpsHits.push(req.url ?? '');
    if (req.url === '/start-via-http') {
      res.writeHead(302, { location: `${httpBase}/back-to-https` }).end();
    } else if (req.url === '/start-via-https') {
      res.writeHead(301, { location: '/profile.json' }).end();
    } else if (req.url === '/profile.json') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"schemaVersion": 1}');
    } else {
      res.writeHead(404).end();
    }
  });
  http = createHttpServer((req, res) => {
    httpHits.push(req.url ?? '');
    res.writeHead(302, { location: `${httpsBase}/profile.json` }).end();
  });
  await new Promise<void>((resolve) => https.listen(0, '127.0.0.1', resolve));
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  httpsBase = `https://127.0.0.1:${(https.address() as AddressInfo).port}`;
  httpBase = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => https.close(resolve));
  await new Promise((resolve) => http.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

const LIMITS = { timeoutMs: 5_000, maxBytes: 4096, fetchImpl: trustingFetch };

describe('fetchHttpsText against real servers', () => {
  it('follows an https -> https redirect to the profile', async () => {
    httpsHits.length = 0;
    expect(await fetchHttpsText(new URL(`${httpsBase}/start-via-https`), LIMITS)).toBe(
      '{"schemaVersion": 1}',
    );
    expect(httpsHits).toEqual(['/start-via-https', '/profile.json']);
  });

  it('refuses https -> http -> https at the http hop, which is never requested', async () => {
    httpsHits.length = 0;
    httpHits.length = 0;
    const error: unknown = await fetchHttpsText(
      new URL(`${httpsBase}/start-via-http`),
      LIMITS,
    ).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(SourceError);
    expect((error as SourceError).message).toBe(
      `${new URL(httpsBase).host} redirected to ${httpBase}, which is not https://; every step of a redirect must be https://`,
    );
    expect(httpHits).toEqual([]);
    expect(httpsHits).toEqual(['/start-via-http']);
  });
});

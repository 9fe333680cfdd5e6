import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  defaultSourcePorts,
  loadMachinePolicy,
  loadProfile,
  loadProfileFromFile,
  loadProfileFromUrl,
  type ProfileSourcePorts,
} from './ProfileLoader';
import { SourceError } from './SourceError';
import { MAX_PROFILE_BYTES } from './validateProfile';

const EXAMPLE_URL = new URL('./fixtures/example-profile.json', import.meta.url);
const MINIMAL = JSON.stringify({ schemaVersion: 1, servers: ['wss://sip.example.com'] });

/** Real file reading; downloads answered from a table, recording what was asked. */
function fakeWeb(pages: Record<string, string | SourceError>) {
  const requested: string[] = [];
  const ports: ProfileSourcePorts = {
    readText: defaultSourcePorts.readText,
    fetchText: async (url, maxBytes) => {
      requested.push(url.href);
      expect(maxBytes).toBe(MAX_PROFILE_BYTES);
      const page = pages[url.href];
      if (page === undefined)
        throw new SourceError('network', `${url.host} answered 404 Not Found`);
      if (page instanceof SourceError) throw page;
      return page;
    },
  };
  return { ports, requested };
}

describe('profile sources', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'openccp-profile-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('loads the example profile from a file', async () => {
    const path = fileURLToPath(EXAMPLE_URL);
    const result = await loadProfileFromFile(path);
    expect(result).toMatchObject({ ok: true, source: { kind: 'file', path } });
    expect(result.ok && result.profile.identity?.sipUri).toBe('sip:alice@example.com');
  });

  it('says when the file is missing', async () => {
    const path = join(dir, 'nope.json');
    expect(await loadProfileFromFile(path)).toEqual({
      ok: false,
      source: { kind: 'file', path },
      path: '(document)',
      reason: `File not found: ${path}`,
    });
  });

  it('says when the path is a folder', async () => {
    expect(await loadProfileFromFile(dir)).toMatchObject({
      ok: false,
      reason: `${dir} is a folder, not a file`,
    });
  });

  it('refuses a file over the size limit without reading it all', async () => {
    const path = join(dir, 'huge.json');
    writeFileSync(path, Buffer.alloc(MAX_PROFILE_BYTES + 10, 0x20));
    expect(await loadProfileFromFile(path)).toMatchObject({
      ok: false,
      path: '(document)',
      reason: expect.stringContaining('larger than the limit of 1048576 bytes'),
    });
  });

  it('reads a UTF-16 file with a byte order mark, as PowerShell 5 writes it', async () => {
    const path = join(dir, 'utf16.json');
    writeFileSync(
      path,
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(MINIMAL, 'utf16le')]),
    );
    expect(await loadProfileFromFile(path)).toMatchObject({ ok: true });
  });

  it('refuses a file that is not text', async () => {
    const path = join(dir, 'binary.json');
    writeFileSync(path, Buffer.from([0x7b, 0xc3, 0x28, 0x7d]));
    expect(await loadProfileFromFile(path)).toMatchObject({
      ok: false,
      reason: 'The document is not UTF-8 text',
    });
  });

  it('reports the first error of an invalid file with its path', async () => {
    const path = join(dir, 'bad.json');
    writeFileSync(path, JSON.stringify({ schemaVersion: 1, servers: ['ws://sip.example.com'] }));
    expect(await loadProfileFromFile(path)).toMatchObject({
      ok: false,
      path: 'servers[0]',
      reason: expect.stringContaining('use wss://'),
    });
  });

  it('downloads a profile over https', async () => {
    const web = fakeWeb({ 'https://prov.example.com/agents/alice.json': MINIMAL });
    const result = await loadProfileFromUrl(
      'https://prov.example.com/agents/alice.json',
      web.ports,
    );
    expect(result).toMatchObject({
      ok: true,
      source: { kind: 'url', url: 'https://prov.example.com/agents/alice.json' },
    });
    expect(web.requested).toEqual(['https://prov.example.com/agents/alice.json']);
  });

  it('refuses http:// without sending anything', async () => {
    const web = fakeWeb({ 'http://prov.example.com/p.json': MINIMAL });
    const result = await loadProfileFromUrl('http://prov.example.com/p.json', web.ports);
    expect(result).toMatchObject({
      ok: false,
      path: '(document)',
      reason: expect.stringMatching(/^Refusing http:\/\/: the profile must come over https:\/\//),
    });
    expect(web.requested).toEqual([]);
  });

  it('refuses other schemes and malformed URLs', async () => {
    const web = fakeWeb({});
    expect(await loadProfileFromUrl('ftp://prov.example.com/p.json', web.ports)).toMatchObject({
      ok: false,
      reason: 'Only https:// addresses are accepted',
    });
    expect(await loadProfileFromUrl('https://', web.ports)).toMatchObject({
      ok: false,
      reason: 'Not a valid URL: https://',
    });
    expect(web.requested).toEqual([]);
  });

  it('passes a download failure on as the reason', async () => {
    const web = fakeWeb({
      'https://prov.example.com/p.json': new SourceError(
        'network',
        'prov.example.com cannot be trusted: its certificate has expired (CERT_HAS_EXPIRED)',
      ),
    });
    expect(await loadProfileFromUrl('https://prov.example.com/p.json', web.ports)).toMatchObject({
      ok: false,
      path: '(document)',
      reason: expect.stringContaining('certificate has expired'),
    });
  });

  it('reports a syntax error in a downloaded profile', async () => {
    const web = fakeWeb({ 'https://prov.example.com/p.json': '{"schemaVersion": 1,,}' });
    expect(await loadProfileFromUrl('https://prov.example.com/p.json', web.ports)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^JSON syntax error at line 1, column 21: /),
    });
  });

  it('tells URLs from file paths', async () => {
    const path = join(dir, 'p.json');
    writeFileSync(path, MINIMAL);
    const web = fakeWeb({ 'https://prov.example.com/p.json': MINIMAL });
    expect((await loadProfile('https://prov.example.com/p.json', web.ports)).source).toEqual({
      kind: 'url',
      url: 'https://prov.example.com/p.json',
    });
    expect((await loadProfile(` ${path} `, web.ports)).source).toEqual({ kind: 'file', path });
    expect(await loadProfile(pathToFileURL(path).href, web.ports)).toMatchObject({
      ok: true,
      source: { kind: 'file', path },
    });
    expect(await loadProfile('http://prov.example.com/p.json', web.ports)).toMatchObject({
      ok: false,
      source: { kind: 'url' },
    });
  });
});

describe('machine policy', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'openccp-policy-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is no policy when the file does not exist', async () => {
    const file = join(dir, 'policy.json');
    expect(await loadMachinePolicy(file)).toEqual({ ok: true, policy: undefined, file });
  });

  it('reads a partial profile', async () => {
    const file = join(dir, 'policy.json');
    writeFileSync(file, JSON.stringify({ permissions: { outbound: false } }));
    expect(await loadMachinePolicy(file)).toEqual({
      ok: true,
      policy: { permissions: { outbound: false } },
      file,
    });
  });

  it('reports an invalid policy with the path of its first error', async () => {
    const file = join(dir, 'policy.json');
    writeFileSync(file, JSON.stringify({ ringTimeoutSec: 500 }));
    expect(await loadMachinePolicy(file)).toEqual({
      ok: false,
      file,
      path: 'ringTimeoutSec',
      reason: 'Must be at most 120',
    });
  });

  it('reports a policy it cannot read', async () => {
    const file = join(dir, 'policy.json');
    mkdirSync(file);
    expect(await loadMachinePolicy(file)).toEqual({
      ok: false,
      file,
      path: '(document)',
      reason: `${file} is a folder, not a file`,
    });
  });
});

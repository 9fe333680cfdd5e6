/** loadProfile tells a URL from a file path by how the location starts, not by what it contains. */
import { describe, expect, it } from 'vitest';
import { defaultSourcePorts, loadProfile, type ProfileSourcePorts } from './ProfileLoader';

const MINIMAL = JSON.stringify({ schemaVersion: 1, servers: ['wss://sip.example.com'] });

/** Answers every read and download with a minimal profile, noting which was asked for. */
function recordingPorts() {
  const asked: string[] = [];
  const ports: ProfileSourcePorts = {
    readText: async (path) => {
      asked.push(`file ${path}`);
      return MINIMAL;
    },
    fetchText: async (url) => {
      asked.push(`url ${url.href}`);
      return MINIMAL;
    },
  };
  return { ports, asked };
}

describe('loadProfile locations', () => {
  it('downloads an https URL that merely mentions file:// further on', async () => {
    const { ports, asked } = recordingPorts();
    const location = 'https://cfg.example.com/profile.json?from=file://share';
    const result = await loadProfile(location, ports);
    expect(asked).toEqual([`url ${location}`]);
    expect(result).toMatchObject({ ok: true, source: { kind: 'url', url: location } });
  });

  it('reads a file path that merely contains a scheme-like "x://" further on', async () => {
    const { ports, asked } = recordingPorts();
    const location = '/srv/mirror/https://cfg.example.com/profile.json';
    const result = await loadProfile(location, ports);
    expect(asked).toEqual([`file ${location}`]);
    expect(result).toMatchObject({ ok: true, source: { kind: 'file', path: location } });
  });

  it('downloads with the real https client by default, which refuses plain http', async () => {
    await expect(
      defaultSourcePorts.fetchText(new URL('http://cfg.example.com/profile.json'), 100),
    ).rejects.toMatchObject({
      kind: 'network',
      message: 'Only https:// addresses are accepted, not http://',
    });
  });
});

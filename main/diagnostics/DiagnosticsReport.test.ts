import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diagnosticsFiles, type DiagnosticsInput } from './DiagnosticsReport';

const SEEDED = readFileSync(new URL('./fixtures/seeded-secrets.log', import.meta.url), 'utf8')
  .trim()
  .split('\n');

const input: DiagnosticsInput = {
  about: {
    app: '0.1.0',
    electron: '45.4.1',
    chromium: '142.0',
    node: '22.0.0',
    os: 'Linux 6.1',
    arch: 'x64',
  },
  logLines: SEEDED,
  devices: { roles: { microphone: { deviceId: 'mic-headset' } } },
  registration: { phase: 'registered', server: 'wss://pbx.example.com/ws' },
  profile: { servers: ['wss://pbx.example.com/ws'], lockedKeys: [], token: 'SEED-PROFILE-TOKEN' },
};

describe('diagnosticsFiles', () => {
  it('writes every section the issue lists, and no contact history unless asked', () => {
    expect(Object.keys(diagnosticsFiles(input)).sort()).toEqual([
      'about.json',
      'connection.json',
      'devices.json',
      'log.txt',
      'profile.json',
      'sip-errors.json',
    ]);
  });

  it('adds the contact history only when the agent ticks it', () => {
    const files = diagnosticsFiles({ ...input, history: ['{"contactId":"c1"}'] });
    expect(files['history.jsonl']).toBe('{"contactId":"c1"}');
  });

  it('leaves no seeded secret in any file', () => {
    for (const [name, text] of Object.entries(diagnosticsFiles(input))) {
      expect(text, name).not.toMatch(/SEED-/);
    }
  });

  it('keeps only the last N log lines', () => {
    const files = diagnosticsFiles({ ...input, logLineCount: 2 });
    expect(files['log.txt']?.trim().split('\n')).toHaveLength(2);
  });

  it('lists the failures carrying a SIP status or sign-in error code', () => {
    const errors = JSON.parse(diagnosticsFiles(input)['sip-errors.json'] ?? '[]') as {
      message: string;
    }[];
    expect(errors.map((entry) => entry.message)).toEqual([
      'sign-in failed',
      'sign-in failed',
      'engine refused a command',
    ]);
  });

  it('puts the registration now and the connection lines of the log in the connection history', () => {
    const connection = JSON.parse(diagnosticsFiles(input)['connection.json'] ?? '{}') as {
      now: unknown;
      history: { message: string }[];
    };
    expect(connection.now).toEqual(input.registration);
    expect(connection.history.map((entry) => entry.message)).toEqual([
      'signed in',
      'sign-in failed',
      'connection lost',
      'connection: trying now',
      'sign-in failed',
    ]);
  });
});

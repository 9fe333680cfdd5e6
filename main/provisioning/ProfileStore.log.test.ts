/**
 * What ProfileStore writes to the log: every refusal and every failure of its persistence is
 * a line a support engineer can act on (what was refused, where, why), and a first start
 * with nothing saved writes nothing.
 */
import { describe, expect, it } from 'vitest';
import type { Logger } from '../log/Logger';
import type { PolicyLoadResult, ProfileLoadResult } from './ProfileLoader';
import { ProfileStore } from './ProfileStore';
import { validateProfile } from './validateProfile';

interface Line {
  readonly level: 'info' | 'warn' | 'error';
  readonly message: string;
  readonly data?: Record<string, unknown>;
}

function recordingLogger(): { logger: Logger; lines: Line[] } {
  const lines: Line[] = [];
  const at =
    (level: Line['level']) =>
    (message: string, data?: Record<string, unknown>): void =>
      void lines.push(data ? { level, message, data } : { level, message });
  return { logger: { info: at('info'), warn: at('warn'), error: at('error') }, lines };
}

const GOOD = { schemaVersion: 1, servers: ['wss://a.example.com'] };

describe('ProfileStore, its log lines', () => {
  it('logs a refused profile with its source kind, the failing path and the reason', () => {
    const { logger, lines } = recordingLogger();
    const refused: ProfileLoadResult = {
      ok: false,
      source: { kind: 'url', url: 'https://prov.example.com/p.json' },
      path: 'servers.0',
      reason: 'not a wss:// URL',
    };
    expect(new ProfileStore(undefined, logger).apply(refused)).toEqual({
      ok: false,
      path: 'servers.0',
      reason: 'not a wss:// URL',
    });
    expect(lines).toEqual([
      {
        level: 'warn',
        message: 'profile: refused',
        data: { source: 'url', path: 'servers.0', reason: 'not a wss:// URL' },
      },
    ]);
  });

  it('logs a save failure with the error message, or the thrown value when not an Error', () => {
    for (const [thrown, expected] of [
      [new Error('disk full'), 'disk full'],
      ['quota exceeded', 'quota exceeded'],
    ] as const) {
      const { logger, lines } = recordingLogger();
      const store = new ProfileStore(
        {
          load: () => undefined,
          save: () => {
            throw thrown;
          },
        },
        logger,
      );
      const valid = validateProfile(GOOD);
      if (!valid.ok) throw new Error('the test profile must be valid');
      store.apply({ ok: true, profile: valid.profile, source: { kind: 'file', path: '/p.json' } });
      expect(lines).toEqual([
        {
          level: 'warn',
          message: 'profile: could not save the last good profile',
          data: { error: expected },
        },
      ]);
    }
  });

  it('starts with no profile and logs why when the saved one cannot be read', () => {
    for (const [thrown, expected] of [
      [new Error('EACCES'), 'EACCES'],
      [42, '42'],
    ] as const) {
      const { logger, lines } = recordingLogger();
      const store = new ProfileStore(
        {
          load: () => {
            throw thrown;
          },
          save: () => undefined,
        },
        logger,
      );
      expect(store.current().profile).toBeUndefined();
      expect(lines).toEqual([
        {
          level: 'warn',
          message: 'profile: could not read the saved profile',
          data: { error: expected },
        },
      ]);
    }
  });

  it('starts with no profile and no log line when nothing was saved (undefined or null)', () => {
    for (const saved of [undefined, null]) {
      const { logger, lines } = recordingLogger();
      const store = new ProfileStore({ load: () => saved, save: () => undefined }, logger);
      expect(store.current()).toMatchObject({ profile: undefined, source: undefined });
      expect(lines).toEqual([]);
    }
  });

  it('restores a valid saved profile as coming from "saved", without a log line', () => {
    const { logger, lines } = recordingLogger();
    const store = new ProfileStore({ load: () => GOOD, save: () => undefined }, logger);
    expect(store.current().source).toEqual({ kind: 'saved' });
    expect(store.current().profile?.servers).toEqual(['wss://a.example.com']);
    expect(lines).toEqual([]);
  });

  it('logs an invalid saved profile with the failing path and reason', () => {
    const { logger, lines } = recordingLogger();
    new ProfileStore(
      { load: () => ({ schemaVersion: 1, servers: 7 }), save: () => undefined },
      logger,
    );
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 'warn',
      message: 'profile: saved profile is invalid, ignored',
      data: { path: 'servers' },
    });
    expect(lines[0]?.data?.['reason']).toEqual(expect.any(String));
  });

  it('logs a refused policy with its file, path and reason, and keeps it as the problem', () => {
    const { logger, lines } = recordingLogger();
    const store = new ProfileStore(undefined, logger);
    const refused: PolicyLoadResult = {
      ok: false,
      file: '/etc/openccp/policy.json',
      path: 'locks',
      reason: 'unknown key',
    };
    expect(store.applyPolicy(refused)).toEqual({ ok: false, path: 'locks', reason: 'unknown key' });
    const problem = { file: '/etc/openccp/policy.json', path: 'locks', reason: 'unknown key' };
    expect(store.current().policyProblem).toEqual(problem);
    expect(lines).toEqual([
      { level: 'warn', message: 'profile: machine policy refused', data: problem },
    ]);
  });
});

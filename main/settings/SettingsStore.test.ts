import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../log/Logger';
import type { SecretCipher } from './SecretCipher';
import { SettingsStore } from './SettingsStore';
import { SignInMemoryStore } from './SignInMemoryStore';

const FORM = {
  serverUrl: 'wss://sip.example.com',
  sipUri: 'sip:a@example.com',
  authUser: 'a',
  displayName: 'A',
};

/** Reversible but visibly not the plain text, like safeStorage's output. */
const rot13: SecretCipher = {
  isAvailable: () => true,
  encrypt: (plain) =>
    Buffer.from(
      plain.replace(/[a-z]/g, (c) => String.fromCharCode(((c.charCodeAt(0) - 84) % 26) + 97)),
    ).toString('base64'),
  decrypt: (encoded) =>
    Buffer.from(encoded, 'base64')
      .toString()
      .replace(/[a-z]/g, (c) => String.fromCharCode(((c.charCodeAt(0) - 84) % 26) + 97)),
};

describe('settings', () => {
  let dir: string;
  const warnings: string[] = [];
  const logger = createLogger((line) => warnings.push(line));
  const open = () =>
    new SettingsStore(
      new Conf<Record<string, unknown>>({
        cwd: dir,
        configName: 'settings',
        projectName: 'openccp',
      }),
      logger,
    );

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'openccp-settings-'));
    warnings.length = 0;
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('starts from defaults', () => {
    expect(open().get()).toEqual({ schemaVersion: 1, ringTimeoutSec: 20, language: 'system' });
  });

  it('keeps the chosen audio devices and the language across a restart (A4)', () => {
    const microphone = {
      kind: 'audioinput' as const,
      label: 'Jabra Evolve2 65',
      groupId: 'g1',
      deviceId: 'd1',
    };
    open().update({
      audio: { microphone, ringtone: 'soft', ringVolume: 0.5 },
      language: 'ja',
    });
    expect(open().get()).toMatchObject({
      audio: { microphone, ringtone: 'soft', ringVolume: 0.5 },
      language: 'ja',
    });
  });

  it('drops a damaged audio entry and keeps the language', () => {
    open().update({ language: 'it' });
    new Conf<Record<string, unknown>>({
      cwd: dir,
      configName: 'settings',
      projectName: 'openccp',
    }).set('audio', { ringVolume: 7, microphone: { kind: 'webcam' } });
    const reopened = open().get();
    expect(reopened.audio).toBeUndefined();
    expect(reopened.language).toBe('it');
  });

  it('keeps what was saved across a restart', () => {
    open().update({ ringTimeoutSec: 30, signIn: FORM });
    expect(open().get()).toMatchObject({ ringTimeoutSec: 30, signIn: FORM });
  });

  it('refuses to save an invalid value', () => {
    expect(() => open().update({ ringTimeoutSec: 1 })).toThrow();
    expect(open().get().ringTimeoutSec).toBe(20);
  });

  it('drops only the broken keys of a hand-edited file and says so', () => {
    writeFileSync(
      join(dir, 'settings.json'),
      JSON.stringify({ ringTimeoutSec: 'soon', signIn: FORM }),
    );
    const store = open();
    expect(store.get()).toMatchObject({ ringTimeoutSec: 20, signIn: FORM });
    expect(warnings.join('\n')).toContain('ringTimeoutSec');
  });

  it('stores the password only encrypted, and reads it back', () => {
    const memory = new SignInMemoryStore(open(), rot13, logger);
    expect(memory.save(FORM, 'hunter-two')).toBe(true);
    expect(readFileSync(join(dir, 'settings.json'), 'utf8')).not.toContain('hunter-two');
    expect(new SignInMemoryStore(open(), rot13, logger).load()).toEqual({
      form: FORM,
      password: 'hunter-two',
    });
  });

  it('forgets the saved password and keeps the rest of the sign-in form', () => {
    new SignInMemoryStore(open(), rot13, logger).save(FORM, 'hunter-two');
    new SignInMemoryStore(open(), rot13, logger).forgetPassword();
    expect(readFileSync(join(dir, 'settings.json'), 'utf8')).not.toContain('encryptedPassword');
    expect(new SignInMemoryStore(open(), rot13, logger).load()).toEqual({
      form: FORM,
      password: undefined,
    });
  });

  it('does not save the password where there is no secure storage', () => {
    const none: SecretCipher = { ...rot13, isAvailable: () => false };
    expect(new SignInMemoryStore(open(), none, logger).save(FORM, 'hunter-two')).toBe(false);
    expect(readFileSync(join(dir, 'settings.json'), 'utf8')).not.toContain('encryptedPassword');
    expect(new SignInMemoryStore(open(), none, logger).load()).toEqual({
      form: FORM,
      password: undefined,
    });
  });

  it('asks again for a password it cannot decrypt', () => {
    open().update({ signIn: FORM, encryptedPassword: 'garbage' });
    const broken: SecretCipher = {
      ...rot13,
      decrypt: () => {
        throw new Error('bad key');
      },
    };
    expect(new SignInMemoryStore(open(), broken, logger).load()?.password).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { SettingsPolicy } from '../provisioning/SettingsPolicy';
import { mayRestartNow, nextPhase, UpdateGate, type UpdatePhase } from './UpdateGate';
import { updateSettings } from './updateSettings';

const ready: UpdatePhase = { kind: 'ready', version: '1.2.0', consented: false };

function gate() {
  const restarts: number[] = [];
  const updates = new UpdateGate(() => restarts.push(1));
  return { updates, restarts };
}

describe('UpdateGate', () => {
  it('does not restart during a contact, even with the agent consent, and restarts when it ends', () => {
    const { updates, restarts } = gate();
    updates.deskChanged({ signedIn: true, contactActive: true });
    updates.handle({ type: 'available', version: '1.2.0' });
    updates.handle({ type: 'downloaded', version: '1.2.0' });
    updates.handle({ type: 'consent' });
    expect(restarts).toEqual([]);
    updates.deskChanged({ signedIn: true, contactActive: false });
    expect(restarts).toEqual([1]);
  });

  it('does not restart a signed-in agent (Available or not) without consent', () => {
    const { updates, restarts } = gate();
    updates.deskChanged({ signedIn: true, contactActive: false });
    updates.handle({ type: 'downloaded', version: '1.2.0' });
    expect(restarts).toEqual([]);
    expect(updates.current()).toEqual(ready);
  });

  it('restarts at once when the agent is signed out and nothing is going on', () => {
    const { updates, restarts } = gate();
    updates.handle({ type: 'downloaded', version: '1.2.0' });
    expect(restarts).toEqual([1]);
  });

  it('restarts once only, however many changes follow', () => {
    const { updates, restarts } = gate();
    updates.handle({ type: 'downloaded', version: '1.2.0' });
    updates.deskChanged({ signedIn: false, contactActive: false });
    updates.handle({ type: 'consent' });
    expect(restarts).toEqual([1]);
  });

  it('ignores consent before an update is downloaded', () => {
    expect(nextPhase({ kind: 'downloading', version: '1.2.0' }, { type: 'consent' })).toEqual({
      kind: 'downloading',
      version: '1.2.0',
    });
  });

  it('asks again for a newer version downloaded after consent to an older one', () => {
    const consented: UpdatePhase = { ...ready, consented: true };
    expect(nextPhase(consented, { type: 'downloaded', version: '1.3.0' })).toEqual({
      kind: 'ready',
      version: '1.3.0',
      consented: false,
    });
  });

  it('keeps a downloaded update ready through later checks and errors', () => {
    for (const event of [
      { type: 'checking' },
      { type: 'notAvailable' },
      { type: 'error', reason: 'offline' },
    ] as const) {
      expect(nextPhase(ready, event)).toBe(ready);
    }
  });

  it('never allows a restart before an update is ready', () => {
    expect(mayRestartNow({ kind: 'idle' }, { signedIn: false, contactActive: false })).toBe(false);
  });
});

describe('updateSettings', () => {
  const policy = (json: unknown) => SettingsPolicy.parse(json);

  it('leaves an MSI install to IT and says so', () => {
    expect(updateSettings(policy({}), 'msi')).toEqual({ enabled: false, why: 'itManaged' });
  });

  it('leaves deb and rpm installs to the package manager', () => {
    expect(updateSettings(policy({}), 'deb')).toEqual({ enabled: false, why: 'packageManager' });
    expect(updateSettings(policy({}), 'rpm')).toEqual({ enabled: false, why: 'packageManager' });
  });

  it('switches updates off when the policy disables them', () => {
    expect(updateSettings(policy({ updates: { disabled: true } }), 'nsis')).toEqual({
      enabled: false,
      why: 'policy',
    });
  });

  it('takes the server, channel and interval from the policy', () => {
    const settings = updateSettings(
      policy({
        updates: {
          url: 'https://updates.example.com/openccp/',
          channel: 'beta',
          checkIntervalHours: 24,
        },
      }),
      'dmg',
    );
    expect(settings).toEqual({
      enabled: true,
      feedUrl: 'https://updates.example.com/openccp/',
      channel: 'beta',
      checkIntervalMs: 86_400_000,
    });
  });

  it('checks every 4 hours on the latest channel by default', () => {
    expect(
      updateSettings(policy({ updates: { url: 'https://updates.example.com/' } }), 'appImage'),
    ).toEqual({
      enabled: true,
      feedUrl: 'https://updates.example.com/',
      channel: 'latest',
      checkIntervalMs: 14_400_000,
    });
  });

  it('does not look for updates without a server from the policy', () => {
    expect(updateSettings(policy({}), 'nsis')).toEqual({ enabled: false, why: 'noServer' });
  });
});

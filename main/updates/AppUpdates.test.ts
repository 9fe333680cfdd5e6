/**
 * "Restart to update" end to end in main: the updater's events, the real AgentDesk and
 * DeskCommands, and a stand-in for electron-updater that records what the app asked of it.
 */
import { describe, expect, it } from 'vitest';
import { DeskCommands } from '../commands/DeskCommands';
import { availableDesk, deskSteps, RecordingLogger } from '../desk/desk.testkit';
import { SettingsPolicy } from '../provisioning/SettingsPolicy';
import { AppUpdates } from './AppUpdates';
import type { UpdaterEvent, UpdaterPort } from './UpdaterPort';
import { updateSettings, type InstallKind } from './updateSettings';

class StandInUpdater implements UpdaterPort {
  feeds: { url: string; channel: string }[] = [];
  checks = 0;
  installs = 0;
  private listener: ((event: UpdaterEvent) => void) | undefined;
  configure(feed: { url: string; channel: 'latest' | 'beta' }) {
    this.feeds.push(feed);
  }
  onEvent(listener: (event: UpdaterEvent) => void) {
    this.listener = listener;
  }
  check() {
    this.checks += 1;
    return Promise.resolve();
  }
  quitAndInstall() {
    this.installs += 1;
  }
  emit(event: UpdaterEvent) {
    this.listener?.(event);
  }
  downloaded(version: string) {
    this.emit({ type: 'available', version });
    this.emit({ type: 'downloaded', version });
  }
}

const SERVER = { updates: { url: 'https://updates.example.com/openccp/', channel: 'beta' } };

async function setup(policy: unknown = SERVER, install: InstallKind = 'nsis') {
  const { desk } = await availableDesk();
  const updater = new StandInUpdater();
  const logger = new RecordingLogger();
  const updates = new AppUpdates(
    updateSettings(SettingsPolicy.parse(policy), install),
    updater,
    desk,
    { ...logger, error: logger.warn },
  );
  const commands = new DeskCommands(desk, undefined, undefined, undefined, updates);
  updates.start();
  return { desk, updater, updates, commands, logger, steps: deskSteps(() => desk) };
}

describe('restart to update (AppUpdates through DeskCommands)', () => {
  it('is refused with noUpdateReady while no update is downloaded', async () => {
    const { commands, updater } = await setup();
    expect(commands.restartToUpdate()).toEqual({ ok: false, reason: 'noUpdateReady' });
    updater.emit({ type: 'available', version: '2.0.0' });
    expect(commands.restartToUpdate()).toEqual({ ok: false, reason: 'noUpdateReady' });
    expect(updater.installs).toBe(0);
  });

  it('shows a downloaded update in DeskState and does not restart an Available agent by itself', async () => {
    const { desk, updater } = await setup();
    updater.downloaded('2.0.0');
    expect(desk.snapshot().update).toEqual({ kind: 'ready', version: '2.0.0', consented: false });
    expect(updater.installs).toBe(0);
  });

  it("restarts into the update at once on an Available agent's consent when no contact is open", async () => {
    const { desk, updater, commands } = await setup();
    updater.downloaded('2.0.0');
    expect(commands.restartToUpdate()).toEqual({ ok: true });
    expect(updater.installs).toBe(1);
    expect(desk.snapshot().update).toEqual({ kind: 'ready', version: '2.0.0', consented: true });
  });

  it('waits with the consent while a call rings and restarts once the contact is gone', async () => {
    const { desk, updater, commands, steps } = await setup();
    updater.downloaded('2.0.0');
    steps.offer('call-1');
    expect(commands.restartToUpdate()).toEqual({ ok: true });
    expect(updater.installs).toBe(0);
    expect(desk.snapshot().update).toMatchObject({ consented: true });
    const id = desk.snapshot().contacts[0]?.id ?? '';
    expect(desk.contactIntents.reject(id)).toEqual({ ok: true });
    steps.emit({
      type: 'ended',
      callId: 'call-1',
      originator: 'local',
      cause: 'Rejected',
      failed: false,
    });
    for (const contact of desk.snapshot().contacts) desk.contactIntents.clear(contact.id);
    expect(desk.snapshot().contacts).toEqual([]);
    expect(updater.installs).toBe(1);
  });

  it('follows the server and channel of the policy and looks for an update at start', async () => {
    const { updater } = await setup();
    expect(updater.feeds).toEqual([
      { url: 'https://updates.example.com/openccp/', channel: 'beta' },
    ]);
    expect(updater.checks).toBe(1);
  });

  it('says "IT updates this app" for an MSI install, never asks the updater, and refuses a restart', async () => {
    const { desk, updater, commands } = await setup(SERVER, 'msi');
    expect(desk.snapshot().update).toEqual({ kind: 'itManaged' });
    expect(updater.feeds).toEqual([]);
    expect(updater.checks).toBe(0);
    expect(commands.restartToUpdate()).toEqual({ ok: false, reason: 'noUpdateReady' });
  });

  it('shows nothing and looks for nothing when the policy disables updates', async () => {
    const { desk, updater } = await setup({ updates: { ...SERVER.updates, disabled: true } });
    expect(desk.snapshot().update).toBeUndefined();
    expect(updater.checks).toBe(0);
  });

  it('refuses a restart through DeskCommands built without an updater', async () => {
    const { desk } = await availableDesk();
    expect(new DeskCommands(desk).restartToUpdate()).toEqual({
      ok: false,
      reason: 'noUpdateReady',
    });
  });
});

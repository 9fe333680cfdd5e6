/**
 * The settings screen's live microphone level (B1) end to end: the real app over the stand-in
 * for the OS's device list only (fakeMediaDevices.ts: each microphone its own tone, or silence).
 * The level is measured in the engine page, reaches the UI through main only while the screen
 * is open, and the microphone the meter opened is let go when the screen closes; during a call
 * the meter reads the call's own microphone track (what the customer hears).
 */
import type { Page } from '@playwright/test';
import type { EngineEvent } from '../common/contract';
import { setStatus, signIn, signOutAndClose } from './agentSession';
import { expectHears } from './audioAssertions';
import { expect, test, TONES } from './fixtures';
import type { HarnessApp } from './harness/HarnessApp';
import { startHarnessApp } from './harness/HarnessApp';
import { openMicrophones, type FakeAudioDevice } from './harness/fakeMediaDevices';
import { TestPhone } from './harness/TestPhone';
import { captureScreen } from './support/accessibility';

const DEVICES: FakeAudioDevice[] = [
  {
    deviceId: 'mic-headset',
    groupId: 'headset',
    kind: 'audioinput',
    label: 'Jabra Evolve2 65 Microphone',
    toneHz: TONES.agent,
  },
  {
    deviceId: 'mic-muted',
    groupId: 'webcam',
    kind: 'audioinput',
    label: 'Webcam Microphone',
    silent: true,
  },
  { deviceId: 'out-laptop', groupId: 'laptop', kind: 'audiooutput', label: 'Built-in Speakers' },
];

/** The meter's value as a screen reader gets it (aria-valuenow, 0 to 100). */
async function meterValue(ui: Page): Promise<number> {
  return Number(await ui.getByTestId('settings-microphone-level').getAttribute('aria-valuenow'));
}

/** Ten readings of the meter, one per engine report period. */
async function meterReadings(ui: Page): Promise<number[]> {
  const readings: number[] = [];
  for (let index = 0; index < 10; index += 1) {
    readings.push(await meterValue(ui));
    await ui.waitForTimeout(100);
  }
  return readings;
}

/** Counts the level reports main receives from the engine (main runs in this process). */
function countLevelReports(app: HarnessApp): { count: number } {
  const counter = { count: 0 };
  const meter = app.main.microphoneMeter;
  const handle = meter.handleEngineEvent.bind(meter);
  meter.handleEngineEvent = (event: EngineEvent) => {
    if (event.type === 'microphone-level') counter.count += 1;
    handle(event);
  };
  return counter;
}

test.describe('microphone level meter', () => {
  test('before sign-in: the meter moves with the chosen microphone tone, stays at zero on a silent microphone, and closing the screen lets the microphone go', async ({
    browser,
    network,
  }) => {
    const app = await startHarnessApp({
      browser,
      origin: network.origin,
      toneHz: TONES.agent,
      audioDevices: DEVICES,
    });
    const { ui } = app;
    await expect(ui.getByTestId('signin-form')).toBeVisible();
    await expect
      .poll(() => app.main.desk.snapshot().audio?.devices.length ?? 0)
      .toBeGreaterThanOrEqual(3);
    expect(await openMicrophones(app.engine), 'no microphone held before the screen opens').toEqual(
      [],
    );

    await ui.getByTestId('settings-open').click();
    const meter = ui.getByRole('meter', { name: 'Microphone level' });
    await expect(meter).toBeVisible();
    // The headset's tone (amplitude 0.4: about -11 dBFS RMS) fills most of the bar.
    await expect.poll(() => meterValue(ui)).toBeGreaterThan(60);
    expect(await openMicrophones(app.engine)).toEqual(['mic-headset']);
    await captureScreen(ui, '67-settings-microphone-level');

    // A microphone that picks up nothing: the bar drops to zero and stays there.
    await ui.getByTestId('settings-microphone').selectOption('mic-muted');
    await expect.poll(() => meterValue(ui)).toBe(0);
    expect(await meterReadings(ui)).toEqual(Array.from({ length: 10 }, () => 0));
    // The meter opened the newly chosen device and let the old one go.
    expect(await openMicrophones(app.engine)).toEqual(['mic-muted']);

    // And back: the tone moves it again.
    await ui.getByTestId('settings-microphone').selectOption('mic-headset');
    await expect.poll(() => meterValue(ui)).toBeGreaterThan(60);

    // Closing the screen turns the meter off in main and the engine lets the microphone go.
    await ui.keyboard.press('Escape');
    await expect(ui.getByTestId('signin-form')).toBeVisible();
    await expect.poll(() => app.main.microphoneMeter.watching).toBe(false);
    await expect.poll(() => openMicrophones(app.engine)).toEqual([]);
    await app.close();
  });

  test('on a call: the meter reads the call microphone without opening another, drops to zero when a silent microphone is switched in, and stops when the CCP window closes to the tray', async ({
    browser,
    network,
  }) => {
    const app = await startHarnessApp({
      browser,
      origin: network.origin,
      toneHz: TONES.agent,
      audioDevices: DEVICES,
    });
    const { ui } = app;
    const context = await browser.newContext();
    const customer = await TestPhone.open(context, network.engineUrl, TONES.customer);
    await customer.signIn(network.account('customer2'));
    await signIn(app, network, 'agent1');
    await setStatus(ui, 'available', 'registered');
    const callId = await customer.call(network.uri('agent1'));
    await ui.getByTestId('accept').click();
    await customer.waitFor('confirmed', (event) => event.callId === callId);
    expectHears(await customer.measure([TONES.agent]), TONES.agent, 'customer (headset)');
    const reports = countLevelReports(app);

    await ui.getByTestId('settings-open').click();
    await expect.poll(() => meterValue(ui)).toBeGreaterThan(60);
    // Only the call's microphone is open: the meter reads that very track.
    expect(await openMicrophones(app.engine)).toEqual(['mic-headset']);

    // The silent microphone switched in mid-call: the call's new track, and the meter, are silent.
    await ui.getByTestId('settings-microphone').selectOption('mic-muted');
    await expect.poll(() => meterValue(ui)).toBe(0);
    expect(await openMicrophones(app.engine)).toEqual(['mic-muted']);
    await ui.getByTestId('settings-microphone').selectOption('mic-headset');
    await expect.poll(() => meterValue(ui)).toBeGreaterThan(60);
    expect(reports.count).toBeGreaterThan(0);

    // Closed to the tray with the screen still open: main turns the meter off.
    expect(app.shell.closeCcp()).toBe('hideToTray');
    expect(app.main.microphoneMeter.watching).toBe(false);
    const afterClose = reports.count;
    // A silent microphone now would change the level: nothing is reported any more.
    expect(await app.main.audio.choose('microphone', 'mic-muted')).toEqual({ ok: true });
    await expect.poll(() => openMicrophones(app.engine)).toEqual(['mic-muted']);
    await ui.waitForTimeout(500);
    expect(reports.count, 'no level reported after the window closed').toBe(afterClose);

    app.shell.relaunch();
    await ui.getByTestId('settings-close').click();
    await ui.getByTestId('end-call').click();
    await expect(ui.getByTestId('acw-view')).toBeVisible();
    await ui.getByTestId('clear-contact').click();
    await context.close();
    await signOutAndClose(app);
  });
});

/**
 * Audio devices (B1, B4) end to end: the real app (main, preloads, UI and engine pages) over a
 * stand-in for the OS's device list only (fakeMediaDevices.ts: each microphone its own tone,
 * each output recording what plays on it), against a real Kamailio and a customer phone whose
 * ear proves which microphone it hears.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { AudioRole, CcpApi } from '../common/contract';
import { setStatus, signIn, signOutAndClose } from './agentSession';
import { expectDoesNotHear, expectHears } from './audioAssertions';
import { expect, test, TONES } from './fixtures';
import { startHarnessApp } from './harness/HarnessApp';
import {
  measureOutput,
  outputSinks,
  plugDevice,
  unplugDevice,
  type FakeAudioDevice,
} from './harness/fakeMediaDevices';
import { TestPhone } from './harness/TestPhone';
import { expectOutputPlays, expectOutputSilent } from './outputAssertions';
import { captureScreen } from './support/accessibility';

const LAPTOP_MIC_HZ = TONES.agent;
const HEADSET_MIC_HZ = 1240;
/** The classic ringtone's strongest tone (renderer/engine/audio/sounds.ts). */
const RING_HZ = 440;
/** The speaker's test sound (TEST_SOUND_HZ in sounds.ts). */
const TEST_SOUND_HZ = 880;

const DEVICES: FakeAudioDevice[] = [
  {
    deviceId: 'mic-laptop',
    groupId: 'laptop',
    kind: 'audioinput',
    label: 'Built-in Microphone',
    toneHz: LAPTOP_MIC_HZ,
  },
  {
    deviceId: 'mic-headset',
    groupId: 'headset',
    kind: 'audioinput',
    label: 'Jabra Evolve2 65 Microphone',
    toneHz: HEADSET_MIC_HZ,
  },
  { deviceId: 'out-laptop', groupId: 'laptop', kind: 'audiooutput', label: 'Built-in Speakers' },
  {
    deviceId: 'out-headset',
    groupId: 'headset',
    kind: 'audiooutput',
    label: 'Jabra Evolve2 65 Earphone',
  },
];

/** Counts the SIP requests the agent's engine sends, by method, from the page's WebSocket. */
function installSipRequestCounter(): void {
  const counts: Record<string, number> = {};
  (window as unknown as { __sipRequests: Record<string, number> }).__sipRequests = counts;
  const send = WebSocket.prototype.send;
  WebSocket.prototype.send = function (this: WebSocket, data) {
    if (typeof data === 'string') {
      const method = /^([A-Z]+) sip:/.exec(data)?.[1];
      if (method) counts[method] = (counts[method] ?? 0) + 1;
    }
    return send.call(this, data);
  };
}

function sipRequests(engine: Page): Promise<Record<string, number>> {
  return engine.evaluate(
    () => (window as unknown as { __sipRequests: Record<string, number> }).__sipRequests,
  );
}

/** Whether an engine sound (by its element's data-role) is playing now. */
async function playing(engine: Page, role: string): Promise<boolean> {
  return (await outputSinks(engine)).some((sink) => sink.role === role && sink.playing);
}

/** Through the real preload and IPC, as the settings screen does. */
function choose(ui: Page, role: AudioRole, deviceId: string) {
  return ui.evaluate(
    ([r, id]) => (window as unknown as { ccp: CcpApi }).ccp.settings.chooseAudioDevice(r, id),
    [role, deviceId] as const,
  );
}

test.describe('audio devices', () => {
  test('mid-call: the customer hears the new microphone and not the old one with no re-INVITE, the speaker moves, unplug falls back and replug returns', async ({
    browser,
    network,
  }) => {
    const app = await startHarnessApp({
      browser,
      origin: network.origin,
      toneHz: TONES.agent,
      audioDevices: DEVICES,
      beforeLoad: async ({ engine }) => {
        await engine.addInitScript(installSipRequestCounter);
      },
    });
    const context = await browser.newContext();
    const customer = await TestPhone.open(context, network.engineUrl, TONES.customer);
    await customer.signIn(network.account('customer1'));
    await signIn(app, network, 'agent2');
    await expect
      .poll(() => app.main.desk.snapshot().audio?.devices.length ?? 0)
      .toBeGreaterThanOrEqual(4);
    expect(await choose(app.ui, 'ringer', 'out-headset')).toEqual({ ok: true });
    await setStatus(app.ui, 'available', 'registered');

    // The offer rings on the ringer device, not on the speaker (the system default).
    const callId = await customer.call(network.uri('agent2'));
    await expect(app.ui.getByTestId('incoming-banner')).toBeVisible();
    const [onRinger, onSpeaker] = await Promise.all([
      measureOutput(app.engine, 'out-headset', [RING_HZ], 2000),
      measureOutput(app.engine, 'out-laptop', [RING_HZ], 2000),
    ]);
    expectOutputPlays(onRinger, RING_HZ, 'the ringer (headset)');
    expectOutputSilent(onSpeaker, RING_HZ, 'the speaker (laptop)');

    await app.ui.getByTestId('accept').click();
    await customer.waitFor('confirmed', (event) => event.callId === callId);
    // The ring stopped with the accept.
    expectOutputSilent(
      await measureOutput(app.engine, 'out-headset', [RING_HZ], 1000),
      RING_HZ,
      'the ringer after accept',
    );
    const customerHearsAtFirst = await customer.measure([LAPTOP_MIC_HZ, HEADSET_MIC_HZ]);
    expectHears(customerHearsAtFirst, LAPTOP_MIC_HZ, 'customer (system default microphone)');
    const requestsBefore = await sipRequests(app.engine);

    // The microphone switches mid-call.
    expect(await choose(app.ui, 'microphone', 'mic-headset')).toEqual({ ok: true });
    await expect
      .poll(async () => (await customer.measure([HEADSET_MIC_HZ], 600)).levels[HEADSET_MIC_HZ])
      .toBeGreaterThan(-40);
    const afterSwitch = await customer.measure([LAPTOP_MIC_HZ, HEADSET_MIC_HZ]);
    expectHears(afterSwitch, HEADSET_MIC_HZ, 'customer (headset microphone)');
    expectDoesNotHear(afterSwitch, LAPTOP_MIC_HZ, 'customer (laptop microphone, no longer chosen)');
    const requestsAfter = await sipRequests(app.engine);
    expect(requestsAfter['INVITE'] ?? 0, 'no re-INVITE for a microphone switch').toBe(
      requestsBefore['INVITE'] ?? 0,
    );
    expect(requestsAfter['UPDATE'] ?? 0, 'no UPDATE either').toBe(requestsBefore['UPDATE'] ?? 0);

    // The speaker switches mid-call: the customer's voice moves to the headset.
    expectOutputPlays(
      await measureOutput(app.engine, 'out-laptop', [TONES.customer]),
      TONES.customer,
      'the laptop speaker before the switch',
    );
    expect(await choose(app.ui, 'speaker', 'out-headset')).toEqual({ ok: true });
    const [onHeadset, onLaptop] = await Promise.all([
      measureOutput(app.engine, 'out-headset', [TONES.customer]),
      measureOutput(app.engine, 'out-laptop', [TONES.customer]),
    ]);
    expectOutputPlays(onHeadset, TONES.customer, 'the headset after the switch');
    expectOutputSilent(onLaptop, TONES.customer, 'the laptop speaker after the switch');

    // Unplugged mid-call: the system default stands in at once, the agent is told, the
    // customer still hears the agent.
    await unplugDevice(app.engine, 'mic-headset');
    await expect(app.ui.getByTestId('notice')).toContainText('Jabra Evolve2 65 Microphone');
    await expect
      .poll(async () => (await customer.measure([LAPTOP_MIC_HZ], 600)).levels[LAPTOP_MIC_HZ])
      .toBeGreaterThan(-40);
    expectHears(await customer.measure([LAPTOP_MIC_HZ]), LAPTOP_MIC_HZ, 'customer after unplug');

    // Plugged again, under a new deviceId: found by its name, and used again.
    await plugDevice(app.engine, 'mic-headset', 'mic-headset-replugged');
    await expect(app.ui.getByTestId('notice')).toContainText(/back/);
    await expect
      .poll(async () => (await customer.measure([HEADSET_MIC_HZ], 600)).levels[HEADSET_MIC_HZ])
      .toBeGreaterThan(-40);
    const afterReplug = await customer.measure([LAPTOP_MIC_HZ, HEADSET_MIC_HZ]);
    expectHears(afterReplug, HEADSET_MIC_HZ, 'customer after replug');
    expectDoesNotHear(afterReplug, LAPTOP_MIC_HZ, 'customer after replug (laptop microphone)');
    expect((await sipRequests(app.engine))['INVITE'] ?? 0).toBe(requestsBefore['INVITE'] ?? 0);

    await app.ui.getByTestId('end-call').click();
    await expect(app.ui.getByTestId('acw-view')).toBeVisible();
    await app.ui.getByTestId('clear-contact').click();
    await context.close();
    await signOutAndClose(app);
  });

  test('with no microphone, the agent is told how to fix it and Available is refused with that reason', async ({
    browser,
    network,
  }) => {
    const app = await startHarnessApp({
      browser,
      origin: network.origin,
      toneHz: TONES.agent,
      audioDevices: DEVICES.filter((device) => device.kind === 'audiooutput'),
    });
    await signIn(app, network, 'agent3');
    await expect.poll(() => app.main.desk.snapshot().audio?.microphoneAccess).toBe('none');
    // Said before the agent tries, with where to fix it (Linux here: the audio server).
    await expect(app.ui.getByTestId('microphone-problem')).toContainText(/No microphone found/);
    // The fix folds away so Call stays on screen at the window's default 360x620, and opens
    // from the keyboard.
    await expect(app.ui.getByTestId('numpad-call')).toBeInViewport({ ratio: 1 });
    const fix = app.ui.getByTestId('microphone-fix');
    await expect(fix.getByText(/PipeWire or PulseAudio/)).toBeHidden();
    await captureScreen(app.ui, '62-no-microphone');
    await fix.locator('summary').focus();
    await app.ui.keyboard.press('Enter');
    await expect(fix.getByText(/PipeWire or PulseAudio/)).toBeVisible();
    await app.ui.getByTestId('status-select').selectOption('available');
    await expect(app.ui.getByTestId('status-error')).toContainText(/no microphone/i);
    await expect(app.ui.getByTestId('status-select')).toHaveValue('offline');
    expect(app.main.desk.snapshot().registration).not.toBe('registered');
    await signOutAndClose(app);
  });

  test('the settings gear before sign-in: devices chosen by keyboard and mouse, test sounds on their devices, language applied at once, all kept across a restart', async ({
    browser,
    network,
  }) => {
    const userDataDir = mkdtempSync(join(tmpdir(), 'openccp-audio-restart-'));
    const start = () =>
      startHarnessApp({
        browser,
        origin: network.origin,
        toneHz: TONES.agent,
        audioDevices: DEVICES,
        userDataDir,
      });
    const app = await start();
    const { ui } = app;
    await expect(ui.getByTestId('signin-form')).toBeVisible();
    // Keyboard: the gear is a button reached and pressed like any other.
    await ui.getByTestId('settings-open').focus();
    await ui.keyboard.press('Enter');
    await expect(ui.getByTestId('settings-screen')).toBeVisible();
    const microphone = ui.getByTestId('settings-microphone');
    await expect(microphone.locator('option')).toHaveText([
      /System default \(Built-in Microphone\)/,
      'Built-in Microphone',
      'Jabra Evolve2 65 Microphone',
    ]);
    await microphone.selectOption('mic-headset');
    await ui.getByTestId('settings-speaker').selectOption('out-headset');
    await ui.getByTestId('settings-ringer').selectOption('out-laptop');
    await expect(microphone).toHaveValue('mic-headset');
    await expect(ui.getByTestId('settings-speaker')).toHaveValue('out-headset');

    // Each test sound plays on its own device and not on the other.
    await ui.getByTestId('settings-test-ringer').click();
    await expect.poll(() => playing(app.engine, 'ringer')).toBe(true);
    const [ringOnLaptop, ringOnHeadset] = await Promise.all([
      measureOutput(app.engine, 'out-laptop', [RING_HZ], 1000),
      measureOutput(app.engine, 'out-headset', [RING_HZ], 1000),
    ]);
    expectOutputPlays(ringOnLaptop, RING_HZ, 'the ringer (laptop) during the test ring');
    expectOutputSilent(ringOnHeadset, RING_HZ, 'the speaker (headset) during the test ring');
    await ui.getByTestId('settings-test-speaker').click();
    await expect.poll(() => playing(app.engine, 'speaker-sound')).toBe(true);
    const [testOnHeadset, testOnLaptop] = await Promise.all([
      measureOutput(app.engine, 'out-headset', [TEST_SOUND_HZ], 1000),
      measureOutput(app.engine, 'out-laptop', [TEST_SOUND_HZ], 1000),
    ]);
    expectOutputPlays(testOnHeadset, TEST_SOUND_HZ, 'the speaker (headset) during the test sound');
    expectOutputSilent(testOnLaptop, TEST_SOUND_HZ, 'the ringer (laptop) during the test sound');
    await captureScreen(ui, '60-settings-en');

    await ui.getByTestId('settings-language').selectOption('ja');
    await expect(ui.getByRole('heading', { level: 1 })).toHaveText('設定');
    await expect(ui.locator('html')).toHaveAttribute('lang', 'ja');
    await captureScreen(ui, '61-settings-ja');
    await ui.keyboard.press('Escape');
    await expect(ui.getByTestId('signin-form')).toBeVisible();
    await app.close();

    // The same settings folder: devices and language are back.
    const again = await start();
    await expect(again.ui.locator('html')).toHaveAttribute('lang', 'ja');
    await again.ui.getByTestId('settings-open').click();
    await expect(again.ui.getByTestId('settings-microphone')).toHaveValue('mic-headset');
    await expect(again.ui.getByTestId('settings-speaker')).toHaveValue('out-headset');
    await expect(again.ui.getByTestId('settings-ringer')).toHaveValue('out-laptop');
    await expect(again.ui.getByTestId('settings-language')).toHaveValue('ja');
    await again.close();
    rmSync(userDataDir, { recursive: true, force: true });
  });
});

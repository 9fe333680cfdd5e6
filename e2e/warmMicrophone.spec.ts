/**
 * The warm microphone end to end: while the agent is Available (or has a call), the engine
 * holds the chosen microphone open, and each call sends a copy of it instead of opening the
 * device again; on a break with no call it lets the device go. The real app over the stand-in
 * for the OS's device list only (fakeMediaDevices.ts), against Kamailio, with the customer
 * hearing the agent's microphone tone through the copy.
 */
import { setStatus, signIn, signOutAndClose } from './agentSession';
import { AUDIBLE_DB, expectHears } from './audioAssertions';
import { expect, test, TONES } from './fixtures';
import { startHarnessApp } from './harness/HarnessApp';
import {
  type FakeAudioDevice,
  microphoneOpens,
  openMicrophones,
  unplugDevice,
} from './harness/fakeMediaDevices';
import { TestPhone } from './harness/TestPhone';

const DEVICES: FakeAudioDevice[] = [
  {
    deviceId: 'mic-headset',
    groupId: 'headset',
    kind: 'audioinput',
    label: 'Jabra Evolve2 65 Microphone',
    toneHz: TONES.agent,
  },
  {
    deviceId: 'mic-laptop',
    groupId: 'laptop',
    kind: 'audioinput',
    label: 'Built-in Microphone',
    toneHz: TONES.third,
  },
  { deviceId: 'out-laptop', groupId: 'laptop', kind: 'audiooutput', label: 'Built-in Speakers' },
];

test('Available holds the microphone open, a dialled call sends a copy of it without opening the device, and a break lets it go', async ({
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
  await customer.setAutoAnswer(true);

  await signIn(app, network, 'agent1');
  expect(await openMicrophones(app.engine), 'signed in and Offline: no microphone held').toEqual(
    [],
  );
  await setStatus(ui, 'available', 'registered');
  await expect.poll(() => openMicrophones(app.engine)).toEqual(['mic-headset']);
  const opensBeforeCall = await microphoneOpens(app.engine);

  await ui.getByTestId('numpad-input').fill('customer2');
  await ui.getByTestId('numpad-call').click();
  await customer.waitFor('confirmed');
  await expect(ui.getByTestId('contact-view')).toHaveAttribute('data-state', 'connected');
  expectHears(await customer.measure([TONES.agent]), TONES.agent, 'customer (warm copy)');
  expect(await microphoneOpens(app.engine), 'the call did not open the device itself').toBe(
    opensBeforeCall,
  );

  // The headset unplugged mid-call: the copy ends with it, and the call moves to the laptop's
  // microphone (the new default), which is held open in its turn.
  await unplugDevice(app.engine, 'mic-headset');
  await expect.poll(() => openMicrophones(app.engine)).toEqual(['mic-laptop']);
  await expect
    .poll(async () => (await customer.measure([TONES.third])).levels[String(TONES.third)])
    .toBeGreaterThan(AUDIBLE_DB);
  expectHears(await customer.measure([TONES.third]), TONES.third, 'customer (laptop microphone)');

  await ui.getByTestId('end-call').click();
  await expect(ui.getByTestId('acw-view')).toBeVisible();
  // A break during after-call work: the microphone stays until the contact is cleared.
  await setStatus(ui, 'break', 'registered');
  expect(await openMicrophones(app.engine)).toEqual(['mic-laptop']);
  await ui.getByTestId('clear-contact').click();
  await expect.poll(() => openMicrophones(app.engine)).toEqual([]);

  await context.close();
  await signOutAndClose(app);
});

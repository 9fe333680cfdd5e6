/**
 * The headset the Windows and macOS way (SPEC B2): main's WebHidPort reaches the headset
 * through the engine page's navigator.hid, here the stand-in navigator.hid (no USB device can
 * exist here) holding a device with the collections Chromium would give for the Jabra EVOLVE's
 * real descriptor. A customer calls through Kamailio; the Ring light is sent, the hook answers
 * with audio both ways, the lights follow, unplug keeps the call, a replugged headset is lit
 * with the call, and on-hook ends it into ACW.
 */
import type { Page } from '@playwright/test';
import { expectHears } from './audioAssertions';
import { availableAgent, signOutAndClose } from './agentSession';
import { expect, test, TONES } from './fixtures';
import { TestPhone } from './harness/TestPhone';
import { ALL_TONES, measureAll } from './listening';
import { captureScreen } from './support/accessibility';
import { fixtureMap } from '../main/headset/fixtures.testkit';
import { StandInHidDevice } from '../main/headset/StandInHidDevice.testkit';
import { standInHidInfo } from '../main/headset/webHid/webHidFixtures.testkit';
import type { SentReport, StandInHidControl } from '../renderer/engine/hid/standInWebHid.testkit';

/** Jabra output report 2: Off-Hook b0, Mute b1, Ring b2, Hold b3, Microphone b4, Ringer b5. */
const OFF_HOOK = 0b1;
const MUTE = 0b10;
const RING_AND_RINGER = 0b100100;

type StandInWindow = Window & { __openccpStandInHid: StandInHidControl };

/** Plugs a stand-in Jabra into the engine page's navigator.hid; returns the page's name for it. */
function plugJabra(engine: Page): Promise<string> {
  return engine.evaluate(
    (info) => (window as unknown as StandInWindow).__openccpStandInHid.plug(info),
    standInHidInfo('jabra'),
  );
}

/**
 * The device's buttons: input reports built from the real descriptor (with its switches held
 * as a real one holds them), fired in the page as the device's `inputreport` events.
 */
function buttonsOf(engine: Page, id: string): StandInHidDevice {
  const keys = new StandInHidDevice(fixtureMap('jabra'), false);
  keys.on('data', (report: Buffer) => {
    const [reportId = 0, ...data] = [...report];
    void engine.evaluate(
      ([device, idOfReport, bytes]) =>
        (window as unknown as StandInWindow).__openccpStandInHid.input(device, idOfReport, bytes),
      [id, reportId, data] as const,
    );
  });
  return keys;
}

async function lights(engine: Page, id: string): Promise<number> {
  const sent: SentReport[] = await engine.evaluate(
    (device) => (window as unknown as StandInWindow).__openccpStandInHid.sent(device),
    id,
  );
  return sent.findLast((report) => report.reportId === 2)?.data[0] ?? 0;
}

test('WebHID headset: Ring light, hook answers with audio both ways, lights follow, unplug keeps the call, replug is lit, on-hook ends it', async ({
  browser,
  network,
}) => {
  const agent = await availableAgent(browser, network, 'agent1', { webHidHeadsets: true });
  const engine = agent.engine;
  const first = await plugJabra(engine);
  await expect(agent.ui.getByTestId('headset-in-use')).toHaveText('Headset: Jabra EVOLVE LINK MS');
  const jabra = buttonsOf(engine, first);
  const context = await browser.newContext();
  const customer = await TestPhone.open(context, network.engineUrl, TONES.customer);
  try {
    await customer.signIn(network.account('customer1'));
    const callId = await customer.call(network.uri('agent1'));
    await expect(agent.ui.getByTestId('incoming-banner')).toBeVisible();
    await expect.poll(() => lights(engine, first)).toBe(RING_AND_RINGER);

    // Hook off-hook answers: both hear each other, and the Off-Hook light is on.
    jabra.send({ hookSwitch: 1 });
    await expect(agent.ui.getByTestId('contact-view')).toHaveAttribute('data-state', 'connected');
    await customer.waitFor('confirmed', (event) => event.callId === callId);
    await expect.poll(() => lights(engine, first)).toBe(OFF_HOOK);
    expectHears(await customer.measure(ALL_TONES), TONES.agent, 'customer');
    expectHears(await measureAll(agent.engine), TONES.customer, 'agent');

    // Mute on the headset: the UI shows it and the Mute light joins Off-Hook.
    jabra.tap('phoneMute');
    await expect(agent.ui.getByRole('button', { name: 'Unmute', exact: true })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await expect.poll(() => lights(engine, first)).toBe(OFF_HOOK | MUTE);
    await expect(agent.ui.getByTestId('headset-last-press')).toContainText('Last button: Mute');
    await captureScreen(agent.ui, 'headset-webhid-muted-call');
    jabra.tap('phoneMute');
    await expect(agent.ui.getByRole('button', { name: 'Mute', exact: true })).toBeVisible();
    await expect.poll(() => lights(engine, first)).toBe(OFF_HOOK);

    // Unplugged mid-call: the call goes on with its audio, and the agent is told.
    await engine.evaluate(
      (device) => (window as unknown as StandInWindow).__openccpStandInHid.unplug(device),
      first,
    );
    await expect(agent.ui.getByTestId('notice')).toContainText('was unplugged');
    await expect(agent.ui.getByTestId('contact-view')).toHaveAttribute('data-state', 'connected');
    expectHears(await customer.measure(ALL_TONES), TONES.agent, 'customer, headset unplugged');

    // Plugged back: opened at the next poll and lit with the call at once.
    const second = await plugJabra(engine);
    await expect.poll(() => lights(engine, second)).toBe(OFF_HOOK);
    const replugged = buttonsOf(engine, second);
    // The Jabra reports its hook as the host's Off-Hook light sets it, then the agent hangs up.
    replugged.send({ hookSwitch: 1 });
    replugged.send({ hookSwitch: 0 });
    await expect(agent.ui.getByTestId('acw-view')).toBeVisible();
    await customer.waitFor('ended', (event) => event.callId === callId);
    await expect.poll(() => lights(engine, second)).toBe(0);
    expect(agent.main.desk.snapshot().headset?.lastPress?.button).toBe('hookSwitch');
    await agent.ui.getByTestId('clear-contact').click();
  } finally {
    await context.close();
    await signOutAndClose(agent);
  }
});

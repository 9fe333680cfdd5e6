/**
 * The headset (SPEC B2) in the real main composition: a stand-in USB headset with the Jabra
 * EVOLVE's real descriptor is plugged into the app's HeadsetPort; a customer calls through
 * Kamailio; the Ring light is written, the hook answers, mute silences the agent for the
 * customer, unplug and replug keep the call, and on-hook ends it into ACW. Audio is proven by
 * each side's tone.
 */
import { expectDoesNotHear, expectHears } from './audioAssertions';
import { availableAgent, signOutAndClose } from './agentSession';
import { expect, test, TONES } from './fixtures';
import { TestPhone } from './harness/TestPhone';
import { ALL_TONES, drain, measureAll } from './listening';
import { captureScreen } from './support/accessibility';
import { StandInHeadsetPort } from '../main/headset/StandInHeadsetPort.testkit';
import type { StandInHidDevice } from '../main/headset/StandInHidDevice.testkit';

/** Jabra output report 2: Off-Hook b0, Mute b1, Ring b2, Hold b3, Microphone b4, Ringer b5. */
const OFF_HOOK = 0b1;
const MUTE = 0b10;
const RING_AND_RINGER = 0b100100;

const lights = (device: StandInHidDevice) => device.lastWrite(2)?.[1] ?? 0;

test('headset: Ring light, hook answers, mute silences the agent, unplug and replug keep the call, on-hook ends it', async ({
  browser,
  network,
}) => {
  const port = new StandInHeadsetPort();
  const first = port.plug('jabra');
  const agent = await availableAgent(browser, network, 'agent1', { headsetPort: port });
  await expect(agent.ui.getByTestId('headset-in-use')).toHaveText('Headset: Jabra EVOLVE LINK MS');
  const jabra = port.device(first.path);
  const context = await browser.newContext();
  const customer = await TestPhone.open(context, network.engineUrl, TONES.customer);
  try {
    await customer.signIn(network.account('customer1'));
    const callId = await customer.call(network.uri('agent1'));
    await expect(agent.ui.getByTestId('incoming-banner')).toBeVisible();
    await expect.poll(() => lights(jabra)).toBe(RING_AND_RINGER);

    // Hook off-hook answers: both hear each other.
    jabra.send({ hookSwitch: 1 });
    await expect(agent.ui.getByTestId('contact-view')).toHaveAttribute('data-state', 'connected');
    await customer.waitFor('confirmed', (event) => event.callId === callId);
    await expect.poll(() => lights(jabra)).toBe(OFF_HOOK);
    expectHears(await customer.measure(ALL_TONES), TONES.agent, 'customer');
    expectHears(await measureAll(agent.engine), TONES.customer, 'agent');

    // Mute on the headset: the UI shows it, the light follows, the customer hears silence.
    jabra.tap('phoneMute');
    const unmute = agent.ui.getByRole('button', { name: 'Unmute', exact: true });
    await expect(unmute).toHaveAttribute('aria-pressed', 'true');
    await expect.poll(() => lights(jabra)).toBe(OFF_HOOK | MUTE);
    await expect(agent.ui.getByTestId('headset-last-press')).toContainText('Last button: Mute');
    await drain(agent.ui);
    expectDoesNotHear(await customer.measure(ALL_TONES), TONES.agent, 'customer, agent muted');
    expectHears(await measureAll(agent.engine), TONES.customer, 'muted agent');
    jabra.tap('phoneMute');
    await expect(agent.ui.getByRole('button', { name: 'Mute', exact: true })).toBeVisible();
    expectHears(await customer.measure(ALL_TONES), TONES.agent, 'customer after unmute');

    // Unplugged mid-call: the call goes on and the agent is told; plugged back, it is lit again.
    port.unplug(first.path);
    await expect(agent.ui.getByTestId('notice')).toContainText('was unplugged');
    await expect(agent.ui.getByTestId('contact-view')).toHaveAttribute('data-state', 'connected');
    expectHears(await customer.measure(ALL_TONES), TONES.agent, 'customer, headset unplugged');
    const second = port.plug('jabra');
    const pluggedAt = Date.now();
    await expect
      .poll(() => port.opened(second.path)?.lastWrite(2)?.[1], { timeout: 3000 })
      .toBe(OFF_HOOK);
    test.info().annotations.push({
      type: 'replug to Off-Hook light (ms)',
      description: String(Date.now() - pluggedAt),
    });
    const replugged = port.device(second.path);

    // On-hook ends the call into after contact work, and every light goes off.
    replugged.send({ hookSwitch: 0 });
    await expect(agent.ui.getByTestId('acw-view')).toBeVisible();
    await customer.waitFor('ended', (event) => event.callId === callId);
    await expect.poll(() => lights(replugged)).toBe(0);
    expect(agent.main.desk.snapshot().headset?.lastPress?.button).toBe('hookSwitch');
    await agent.ui.getByTestId('clear-contact').click();

    // The settings show which headset is listening and what was pressed last.
    await agent.ui.getByTestId('settings-open').click();
    await expect(agent.ui.getByTestId('settings-headset-name')).toHaveText('Jabra EVOLVE LINK MS');
    await expect(agent.ui.getByTestId('settings-headset-last-press')).toHaveText(
      'Last button: Hook',
    );
    await captureScreen(agent.ui, '63-settings-headset');
    await agent.ui.keyboard.press('Escape');
  } finally {
    await context.close();
    await signOutAndClose(agent);
  }
});

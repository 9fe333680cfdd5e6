/**
 * Desk phone mode (B3, docs/deskPhone.md) against Kamailio. The desk phone is a real plain SIP
 * phone (baresip registered as +1 202 555 0177, playing its own tone), and so is the customer:
 * the app's engine rings the desk phone, answers or calls the customer once it is picked up,
 * and bridges the two. Every step is proven by what each phone hears: the customer hears the
 * desk phone's tone, the desk phone the customer's, and neither hears the PC's microphone.
 */
import type { Page } from '@playwright/test';
import { availableAgent, signOutAndClose } from './agentSession';
import { expect, test, TONES, type TestNetwork } from './fixtures';
import { measureOutput, type FakeAudioDevice } from './harness/fakeMediaDevices';
import { expectOutputSilent } from './outputAssertions';
import { ALL_TONES } from './listening';
import { expectPhoneDoesNotHear, expectPhoneHears } from './plainPhoneAssertions';
import type { Baresip } from './support/baresip';
import { QUEUE_SALES_URI } from './support/kamailio';
import { captureScreen } from './support/accessibility';

/** The PC's own microphone (the agent's tone) and speaker, as the OS lists them. */
const PC_DEVICES: FakeAudioDevice[] = [
  {
    deviceId: 'mic-pc',
    groupId: 'pc',
    kind: 'audioinput',
    label: 'PC Microphone',
    toneHz: TONES.agent,
  },
  { deviceId: 'out-pc', groupId: 'pc', kind: 'audiooutput', label: 'PC Speakers' },
];
/** The classic ringtone's strongest tone (renderer/engine/audio/sounds.ts). */
const RING_HZ = 440;
/** The PC's only output: the system default, where the ringer and the far ends play. */
const PC_OUTPUT = 'out-pc';

const DESK_PHONE_USER = '12025550177';
const CUSTOMER_USER = '12025550143';

function deskPhoneProfile(network: TestNetwork) {
  return { schemaVersion: 1, servers: [network.wsUrl], permissions: { deskPhone: true } };
}

/** Settings with the keyboard: Desk phone, the number, Save; closed again. */
async function switchToDeskPhone(ui: Page, number: string, screenshot?: string): Promise<void> {
  await ui.getByTestId('settings-open').focus();
  await ui.keyboard.press('Enter');
  await expect(ui.getByTestId('settings-screen')).toBeVisible();
  await ui.getByRole('link', { name: 'Softphone or desk phone' }).press('Enter');
  await ui.getByTestId('settings-phone-mode-deskPhone').check();
  await ui.getByTestId('settings-desk-phone-number').fill(number);
  await ui.getByTestId('settings-desk-phone-number').press('Enter');
  await expect(ui.getByTestId('settings-desk-phone-in-force')).toHaveText(
    'Calls ring your desk phone +12025550177.',
  );
  if (screenshot) await captureScreen(ui, screenshot);
  await ui.getByTestId('settings-close').click();
  await expect(ui.getByTestId('settings-screen')).toBeHidden();
}

/** Each phone hears the other's tone and not the PC's microphone (the agent's tone). */
async function expectBridged(customer: Baresip, deskPhone: Baresip, step: string): Promise<void> {
  const [customerHears, deskHears] = await Promise.all([
    customer.measure(ALL_TONES),
    deskPhone.measure(ALL_TONES),
  ]);
  expectPhoneHears(customerHears, TONES.third, `customer, ${step}`);
  expectPhoneHears(deskHears, TONES.customer, `desk phone, ${step}`);
  expectPhoneDoesNotHear(customerHears, TONES.agent, `customer, ${step}`);
  expectPhoneDoesNotHear(deskHears, TONES.agent, `desk phone, ${step}`);
}

test.describe('desk phone mode', () => {
  test('a queue call rings the desk phone and not the PC, connects when it answers with audio both ways and none on the PC, and goes to ACW when it hangs up', async ({
    browser,
    network,
    plainPhones,
  }) => {
    const agent = await availableAgent(browser, network, 'agent1', {
      settings: { profile: deskPhoneProfile(network) },
      audioDevices: PC_DEVICES,
    });
    const deskPhone = await plainPhones(DESK_PHONE_USER, TONES.third);
    const customer = await plainPhones(CUSTOMER_USER, TONES.customer);
    await switchToDeskPhone(agent.ui, '+1 202 555 0177', '80-settings-desk-phone');

    await customer.dial(QUEUE_SALES_URI);
    await expect(agent.ui.getByTestId('incoming-banner')).toBeVisible();
    await expect(agent.ui.getByTestId('incoming-desk-phone')).toBeVisible();
    await expect(agent.ui.getByTestId('accept')).toHaveCount(0);
    await deskPhone.waitForEvent('CALL_INCOMING');
    // The desk phone rings, not the PC.
    expectOutputSilent(
      await measureOutput(agent.engine, PC_OUTPUT, [RING_HZ], 1000),
      RING_HZ,
      'the PC while the desk phone rings',
    );
    await deskPhone.accept();
    await expect(agent.ui.getByTestId('contact-view')).toHaveAttribute('data-state', 'connected');
    await expect(agent.ui.getByTestId('contact-desk-phone')).toHaveText(
      'You are talking on your desk phone.',
    );
    await customer.waitForEvent('CALL_ESTABLISHED');
    await expectBridged(customer, deskPhone, 'inbound');
    // The agent hears the call on the desk phone only: the PC plays neither side.
    const onPc = await measureOutput(agent.engine, PC_OUTPUT, [TONES.customer, TONES.third]);
    expectOutputSilent(onPc, TONES.customer, 'the PC speaker (the customer)');
    expectOutputSilent(onPc, TONES.third, 'the PC speaker (the desk phone)');
    await captureScreen(agent.ui, '81-desk-phone-call');

    await deskPhone.hangup();
    await expect(agent.ui.getByTestId('contact-view')).toHaveAttribute('data-state', 'acw');
    await customer.waitForEvent('CALL_CLOSED');
    await agent.ui.getByTestId('clear-contact').click();
    await signOutAndClose(agent);
  });

  test('click-to-call rings the desk phone first, then the customer, with audio both ways and none on the PC', async ({
    browser,
    network,
    plainPhones,
  }) => {
    const agent = await availableAgent(browser, network, 'agent1', {
      settings: { profile: deskPhoneProfile(network) },
      audioDevices: PC_DEVICES,
    });
    const deskPhone = await plainPhones(DESK_PHONE_USER, TONES.third);
    const customer = await plainPhones(CUSTOMER_USER, TONES.customer);
    await switchToDeskPhone(agent.ui, '+12025550177');

    await agent.ui.getByTestId('numpad-input').fill('+1 202 555 0143');
    await agent.ui.getByTestId('numpad-call').click();
    await expect(agent.ui.getByTestId('contact-desk-phone')).toHaveText(
      'Calling your desk phone: pick it up to connect.',
    );
    await deskPhone.waitForEvent('CALL_INCOMING');
    await deskPhone.accept();
    // Only now is the customer called.
    await customer.waitForEvent('CALL_INCOMING');
    await customer.accept();
    await expect(agent.ui.getByTestId('contact-view')).toHaveAttribute('data-state', 'connected');
    await expectBridged(customer, deskPhone, 'outbound');
    const onPc = await measureOutput(agent.engine, PC_OUTPUT, [TONES.customer, TONES.third]);
    expectOutputSilent(onPc, TONES.customer, 'the PC speaker (the customer), outbound');
    expectOutputSilent(onPc, TONES.third, 'the PC speaker (the desk phone), outbound');

    await customer.hangup();
    await expect(agent.ui.getByTestId('contact-view')).toHaveAttribute('data-state', 'acw');
    await deskPhone.waitForEvent('CALL_CLOSED');
    await agent.ui.getByTestId('clear-contact').click();
    await signOutAndClose(agent);
  });
});

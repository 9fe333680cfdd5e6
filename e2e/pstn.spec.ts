/**
 * Calls with the telephone network (issue: Interop). The customer is a plain SIP phone
 * (baresip: UDP, RTP/AVP, no ICE, no DTLS, no BUNDLE, separate RTCP) behind rtpengine, the
 * media relay a contact center puts between WebRTC agents and its PSTN gateway. The agent is
 * the whole app in its harness. Every step is proven by what each side hears: the agent's tone
 * in baresip's decoded audio, baresip's tone on the agent's engine page. Measured levels are
 * attached to each test as annotations ("level").
 */
import type { Page } from '@playwright/test';
import { expectDoesNotHear, expectHears } from './audioAssertions';
import { availableAgent, signOutAndClose } from './agentSession';
import { expect, test, TONES } from './fixtures';
import type { HarnessApp } from './harness/HarnessApp';
import type { ToneLevels } from './harness/audioProbe';
import { TestPhone } from './harness/TestPhone';
import { ALL_TONES, drain, measureAll } from './listening';
import { expectPhoneDoesNotHear, expectPhoneHears, type PhoneLevels } from './plainPhoneAssertions';
import type { Baresip } from './support/baresip';
import { QUEUE_SALES_URI } from './support/kamailio';
import { captureScreen } from './support/accessibility';
import { button, expectPartyStatus, party } from './support/partyRows';

/** In the transfer panel: type a number, then Call (consult) or Transfer now (blind). */
async function toTypedTarget(ui: Page, typed: string, action: 'Call' | 'Transfer now') {
  await ui.getByTestId('transfer-search').fill(typed);
  await ui.getByTestId('transfer-number').getByRole('button', { name: action }).click();
}

/** Keeps what was measured with the test's results, for the issue note. */
function record(label: string, heard: ToneLevels | PhoneLevels): void {
  const levels = Object.entries(heard.levels)
    .map(([hz, db]) => `${hz} Hz ${db.toFixed(1)} dBFS`)
    .join(', ');
  test.info().annotations.push({ type: 'level', description: `${label}: ${levels}` });
}

async function agentHears(agent: HarnessApp, label: string): Promise<ToneLevels> {
  const heard = await measureAll(agent.engine);
  record(label, heard);
  return heard;
}

async function phoneHears(phone: Baresip, label: string): Promise<PhoneLevels> {
  const heard = await phone.measure(ALL_TONES);
  record(label, heard);
  return heard;
}

/** After a transfer: customer and target hear each other, and neither hears the agent. */
async function expectTalkingWithoutTheAgent(customer: Baresip, target: Baresip, step: string) {
  const [customerHears, targetHears] = await Promise.all([
    phoneHears(customer, `customer ${step}`),
    phoneHears(target, `target ${step}`),
  ]);
  expectPhoneHears(customerHears, TONES.third, `customer ${step}`);
  expectPhoneHears(targetHears, TONES.customer, `target ${step}`);
  expectPhoneDoesNotHear(customerHears, TONES.agent, `customer ${step}`);
  expectPhoneDoesNotHear(targetHears, TONES.agent, `target ${step}`);
}

/** A PSTN customer calls the Sales queue and the agent accepts from the banner. */
async function acceptFromQueue(agent: HarnessApp, customer: Baresip): Promise<void> {
  await customer.dial(QUEUE_SALES_URI);
  await expect(agent.ui.getByTestId('incoming-banner')).toBeVisible();
  await expect(agent.ui.getByTestId('incoming-banner')).toContainText('Sales');
  await agent.ui.getByTestId('accept').click();
  await expect(agent.ui.getByTestId('contact-view')).toHaveAttribute('data-state', 'connected');
  await customer.waitForEvent('CALL_ESTABLISHED');
}

/** The agent dials a number from the number pad and the plain phone picks up. */
async function dialFromNumberPad(agent: HarnessApp, callee: Baresip, typed: string) {
  await agent.ui.getByTestId('numpad-input').fill(typed);
  await agent.ui.getByTestId('numpad-call').click();
  await callee.waitForEvent('CALL_INCOMING');
  await callee.accept();
  await expect(agent.ui.getByTestId('contact-view')).toHaveAttribute('data-state', 'connected');
  await callee.waitForEvent('CALL_ESTABLISHED');
}

async function expectBothWays(agent: HarnessApp, customer: Baresip, step: string) {
  expectHears(await agentHears(agent, `agent, ${step}`), TONES.customer, `agent, ${step}`);
  expectPhoneHears(await phoneHears(customer, `customer, ${step}`), TONES.agent, step);
}

test.describe('calls with a plain SIP phone through the media relay', () => {
  test('inbound from the queue: Accept, audio both ways, the far end holds and resumes, and hangs up', async ({
    browser,
    network,
    plainPhones,
  }) => {
    const agent = await availableAgent(browser, network, 'agent1');
    const customer = await plainPhones('12025550143', TONES.customer);
    await acceptFromQueue(agent, customer);
    await expectBothWays(agent, customer, 'inbound');
    await captureScreen(agent.ui, '30-pstn-inbound');

    // The customer's phone puts the agent on hold (a re-INVITE through the relay).
    await customer.hold();
    await expect(agent.ui.getByTestId('remote-hold')).toBeVisible();
    await drain(agent.ui);
    expectDoesNotHear(
      await agentHears(agent, 'agent, held by the customer'),
      TONES.customer,
      'agent while the customer holds',
    );
    await customer.resume();
    await expect(agent.ui.getByTestId('remote-hold')).toHaveCount(0);
    await expectBothWays(agent, customer, 'after the far end resumed');

    await customer.hangup();
    await expect(agent.ui.getByTestId('acw-view')).toBeVisible();
    await expect(agent.ui.getByTestId('acw-view')).toContainText(/customer/i);
    await signOutAndClose(agent);
  });

  test('outbound from the number pad: audio both ways, hold and resume, DTMF in order both ways', async ({
    browser,
    network,
    plainPhones,
  }) => {
    const agent = await availableAgent(browser, network, 'agent2');
    const customer = await plainPhones('12025550143', TONES.customer);
    await dialFromNumberPad(agent, customer, '+1 202-555-0143');
    await expect(agent.ui.getByTestId('contact-view')).toContainText('+1 202 555 0143');
    await expectBothWays(agent, customer, 'outbound');

    // The agent holds: the customer hears nothing of the agent; Resume brings the agent back.
    await button(agent.ui, 'Hold').click();
    await expect(party(agent.ui, 'Customer')).toContainText('On hold');
    await drain(agent.ui);
    expectPhoneDoesNotHear(
      await phoneHears(customer, 'customer, on hold'),
      TONES.agent,
      'customer on hold',
    );
    await button(agent.ui, 'Resume').click();
    await expectPartyStatus(agent.ui, 'Customer', 'connected');
    await expectBothWays(agent, customer, 'after resume');

    // The agent's number pad: RFC 4733 events through the relay, received in order.
    const before = Date.now();
    await agent.ui.getByTestId('dtmf-toggle').click();
    for (const digit of ['4', '2', '#', '7']) await agent.ui.getByTestId(`dtmf-${digit}`).click();
    await expect(agent.ui.getByTestId('dtmf-sent')).toContainText('42#7');
    await expect
      .poll(() =>
        customer.events
          .filter((event) => event.type === 'CALL_DTMF_START' && event.at >= before)
          .map((event) => event.param)
          .join(''),
      )
      .toBe('42#7');

    // The customer keys digits (an IVR-style PIN entry): the agent's engine plays them out.
    const heard = agent.engine.evaluate(() => window.__audioProbe!.listenForDtmf(4_000));
    await agent.ui.waitForTimeout(300);
    for (const digit of ['9', '1', '5']) {
      await customer.command('sndcode', digit);
      await agent.ui.waitForTimeout(250);
    }
    expect(await heard).toBe('915');

    await button(agent.ui, 'End call').click();
    await customer.waitForEvent('CALL_CLOSED');
    await expect(agent.ui.getByTestId('acw-view')).toBeVisible();
    await signOutAndClose(agent);
  });

  test('a G.711-only phone: inbound and outbound calls settle on PCMU with audio both ways', async ({
    browser,
    network,
    plainPhones,
  }) => {
    const agent = await availableAgent(browser, network, 'agent1');
    const customer = await plainPhones('12025550177', TONES.customer, { codecs: 'g711-only' });

    await acceptFromQueue(agent, customer);
    await expectBothWays(agent, customer, 'G.711 inbound');
    expect(await customer.decoder()).toMatch(/^PCM[UA] 8000Hz/);
    await customer.hangup();
    await expect(agent.ui.getByTestId('acw-view')).toBeVisible();
    await button(agent.ui, 'Clear contact').click();
    await expect(agent.ui.getByTestId('status-select')).toHaveValue('available');

    await dialFromNumberPad(agent, customer, '+1 202 555 0177');
    await expectBothWays(agent, customer, 'G.711 outbound');
    expect(await customer.decoder()).toMatch(/^PCM[UA] 8000Hz/);
    await button(agent.ui, 'End call').click();
    await customer.waitForEvent('CALL_CLOSED', () => true, 15_000, Date.now() - 5_000);
    await signOutAndClose(agent);
  });

  test('blind transfer: the customer is referred to a second plain phone and talks to it', async ({
    browser,
    network,
    plainPhones,
  }) => {
    const agent = await availableAgent(browser, network, 'agent1');
    const customer = await plainPhones('12025550143', TONES.customer);
    const target = await plainPhones('12025550188', TONES.third, { answerMode: 'auto' });
    await acceptFromQueue(agent, customer);
    await expectBothWays(agent, customer, 'before the transfer');

    await toTypedTarget(agent.ui, '+1 202 555 0188', 'Transfer now');
    await expect(agent.ui.getByTestId('acw-view')).toBeVisible();
    await target.waitForEvent('CALL_ESTABLISHED');

    await expectTalkingWithoutTheAgent(customer, target, 'after the blind transfer');
    await customer.hangup();
    await signOutAndClose(agent);
  });

  test('attended transfer: consult a second plain phone, then Leave; they stay connected', async ({
    browser,
    network,
    plainPhones,
  }) => {
    const agent = await availableAgent(browser, network, 'agent1');
    const customer = await plainPhones('12025550143', TONES.customer);
    const target = await plainPhones('12025550188', TONES.third, { answerMode: 'auto' });
    await acceptFromQueue(agent, customer);

    await toTypedTarget(agent.ui, '+1 202 555 0188', 'Call');
    await expect(party(agent.ui, 'Third party')).toContainText('Connected');
    await expect(party(agent.ui, 'Customer')).toContainText('On hold');
    await drain(agent.ui);
    const [customerConsult, targetConsult] = await Promise.all([
      phoneHears(customer, 'customer during the consult'),
      phoneHears(target, 'target during the consult'),
    ]);
    expectPhoneDoesNotHear(customerConsult, TONES.agent, 'customer during the consult');
    expectPhoneHears(targetConsult, TONES.agent, 'target during the consult');

    await button(agent.ui, 'Leave call').click();
    await expect(agent.ui.getByTestId('acw-view')).toBeVisible();
    await drain(agent.ui);
    // baresip 1.0 ignores Replaces, so the consult leg lingers until the desk hangs it up:
    // the agent, already in after contact work, must not be heard on it meanwhile either.
    await expectTalkingWithoutTheAgent(customer, target, 'after Leave');
    await customer.hangup();
    await signOutAndClose(agent);
  });

  test('three-way conference with a plain phone and a browser party: each hears the other two', async ({
    browser,
    network,
    plainPhones,
  }) => {
    const agent = await availableAgent(browser, network, 'agent1');
    const customer = await plainPhones('12025550143', TONES.customer);
    const context = await browser.newContext();
    const third = await TestPhone.open(context, network.engineUrl, TONES.third);
    await third.signIn(network.account('customer3'));
    await third.setAutoAnswer(true);
    await acceptFromQueue(agent, customer);

    await toTypedTarget(agent.ui, 'customer3', 'Call');
    await third.waitFor('confirmed');
    await expect(party(agent.ui, 'Third party')).toContainText('Connected');
    await button(agent.ui, 'Join').click();
    await expect(agent.ui.getByTestId('contact-view')).toContainText('Conference');
    await expectPartyStatus(agent.ui, 'Customer', 'connected');
    await drain(agent.ui);

    const [customerHears, thirdHears, agentHearsAll] = await Promise.all([
      phoneHears(customer, 'plain phone in conference'),
      third.measure(ALL_TONES),
      measureAll(agent.engine),
    ]);
    record('browser party in conference', thirdHears);
    record('agent in conference', agentHearsAll);
    expectPhoneHears(customerHears, TONES.agent, 'plain phone in conference');
    expectPhoneHears(customerHears, TONES.third, 'plain phone in conference');
    expectHears(thirdHears, TONES.agent, 'browser party in conference');
    expectHears(thirdHears, TONES.customer, 'browser party in conference');
    expectHears(agentHearsAll, TONES.customer, 'agent in conference');
    expectHears(agentHearsAll, TONES.third, 'agent in conference');
    await captureScreen(agent.ui, '31-pstn-conference');

    // The customer's own End: the plain phone is hung up, the agent keeps the browser party.
    await party(agent.ui, 'Customer').getByRole('button', { name: 'End', exact: true }).click();
    await customer.waitForEvent('CALL_CLOSED');
    await expect(party(agent.ui, 'Customer')).toContainText('Left');
    expectHears(
      await third.measure(ALL_TONES),
      TONES.agent,
      'browser party after the customer left',
    );
    await button(agent.ui, 'End call').click();
    await third.waitFor('ended');
    await context.close();
    await signOutAndClose(agent);
  });

  test('a phone with no codec in common: the agent reads that no audio path could be agreed, the log says why', async ({
    browser,
    network,
    plainPhones,
  }) => {
    const agent = await availableAgent(browser, network, 'agent3');
    const oldGateway = await plainPhones('12025550188', TONES.customer, { codecs: 'gsm-only' });

    // Outbound: the agent's offer (Opus, G.722, G.711...) meets a phone that only speaks GSM.
    await agent.ui.getByTestId('numpad-input').fill('+1 202 555 0188');
    await agent.ui.getByTestId('numpad-call').click();
    const view = agent.ui.getByTestId('contact-view');
    await expect(view).toHaveAttribute('data-state', 'failed');
    await expect(agent.ui.getByTestId('end-message')).toHaveText(
      'No audio path could be agreed with the other side. Try the call again; if it keeps failing, tell IT.',
    );
    await expect(agent.ui.getByTestId('end-reason')).toContainText('488');
    await captureScreen(agent.ui, '32-pstn-no-common-codec');
    await agent.ui.getByTestId('clear-contact').click();

    // Inbound: the GSM-only offer reaches the agent, who cannot answer it with audio.
    await oldGateway.dial(QUEUE_SALES_URI.replace('queue-sales', 'agent3'));
    await expect(agent.ui.getByTestId('incoming-banner')).toBeVisible();
    await agent.ui.getByTestId('accept').click();
    await expect(agent.ui.getByTestId('end-message')).toHaveText(
      'No audio path could be agreed with the other side. Try the call again; if it keeps failing, tell IT.',
    );
    await oldGateway.waitForEvent('CALL_CLOSED');

    const log = await agent.readLog();
    const ended = log
      .split('\n')
      .filter((line) => line.includes('"call ended"'))
      .map((line) => JSON.parse(line) as { data: Record<string, unknown> });
    expect(ended.map((line) => line.data['endCode'])).toEqual(['mediaFailed', 'mediaFailed']);
    expect(ended[0]?.data['statusCode']).toBe(488);
    expect(String(ended[1]?.data['mediaError'] ?? ended[1]?.data['cause'])).not.toBe('');
    await signOutAndClose(agent);
  });
});

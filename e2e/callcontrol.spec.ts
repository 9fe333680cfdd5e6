/**
 * In-call control with three parties (SPEC D3, D6, D7, D8), as the agent guides describe it:
 * the agent's whole app against Kamailio, a customer and a third party on test phones, each
 * party sending its own tone, so every step is proven by what each party actually hears.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expectDoesNotHear, expectHears } from './audioAssertions';
import { availableAgent, signOutAndClose } from './agentSession';
import { expect, test, TONES, type TestNetwork } from './fixtures';
import type { HarnessApp } from './harness/HarnessApp';
import { ALL_TONES, drain, listen, measureAll } from './listening';
import { TestPhone } from './harness/TestPhone';
import { captureScreen } from './support/accessibility';
import { button, expectPartyStatus, party } from './support/partyRows';
import { CALLBACK_SALES_URI, QUEUE_SALES_URI, SIP_DOMAIN } from './support/kamailio';

/** The contact's top in view (focus may have scrolled the small window), then the picture. */
async function screenshot(page: Page, name: string) {
  await page
    .getByTestId(/^(contact|acw)-view$/)
    .first()
    .evaluate((view) => view.scrollIntoView());
  await captureScreen(page, name);
}

/** The profile IT would hand out to this team: a transfer target, wrap-up codes, DTMF by INFO. */
function teamProfile(network: TestNetwork) {
  return {
    schemaVersion: 1,
    servers: [network.wsUrl],
    quickConnects: [
      {
        id: 'billing',
        kind: 'agent',
        name: 'Billing desk',
        target: `sip:customer3@${SIP_DOMAIN}`,
      },
    ],
    wrapUp: {
      codes: [
        { id: 'resolved', label: 'Resolved' },
        { id: 'escalated', label: 'Escalated' },
      ],
      required: true,
    },
    dtmf: 'info',
  };
}

interface Scene {
  agent: HarnessApp;
  customer: TestPhone;
  third: TestPhone;
  customerCallId: string;
  close(): Promise<void>;
}

/** The agent took a queue call from the customer; the third party waits to be called. */
async function agentOnQueueCall(
  browser: Parameters<typeof availableAgent>[0],
  network: TestNetwork,
): Promise<Scene> {
  const agent = await availableAgent(browser, network, 'agent1', {
    settings: { profile: teamProfile(network) },
  });
  const context = await browser.newContext();
  const customer = await TestPhone.open(context, network.engineUrl, TONES.customer);
  const third = await TestPhone.open(context, network.engineUrl, TONES.third);
  await customer.signIn(network.account('customer1'));
  await third.signIn(network.account('customer3'));
  await customer.setAcceptRefers(true);
  await third.setAutoAnswer(true);

  const customerCallId = await customer.call(QUEUE_SALES_URI);
  const banner = agent.ui.getByTestId('incoming-banner');
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('Sales');
  await agent.ui.getByTestId('accept').click();
  await expect(agent.ui.getByTestId('contact-view')).toHaveAttribute('data-state', 'connected');
  await customer.waitFor('confirmed', (event) => event.callId === customerCallId);
  return {
    agent,
    customer,
    third,
    customerCallId,
    async close() {
      await context.close();
      await signOutAndClose(agent);
    },
  };
}

async function consultBillingDesk(scene: Scene): Promise<void> {
  const { agent, third } = scene;
  await agent.ui.getByTestId('transfer-search').fill('Billing');
  await agent.ui.getByTestId('quick-connect-billing').getByRole('button', { name: 'Call' }).click();
  await third.waitFor('confirmed');
  await expect(party(agent.ui, 'Third party')).toContainText('Connected');
  await expect(party(agent.ui, 'Customer')).toContainText('On hold');
}

test.describe('in-call control with three parties', () => {
  test('hold, mute and DTMF; consult a quick connect, join all three, and leave them talking', async ({
    browser,
    network,
  }) => {
    const scene = await agentOnQueueCall(browser, network);
    const { agent, customer, third } = scene;
    await expect(agent.ui.getByTestId('contact-view')).toContainText('Sales');
    expectHears(await customer.measure(ALL_TONES), TONES.agent, 'customer');
    expectHears(await measureAll(agent.engine), TONES.customer, 'agent');

    // Hold: the customer no longer hears the agent; Resume brings the agent back.
    await button(agent.ui, 'Hold').click();
    await expect(party(agent.ui, 'Customer')).toContainText('On hold');
    await drain(agent.ui);
    expectDoesNotHear(await customer.measure(ALL_TONES), TONES.agent, 'customer on hold');
    await screenshot(agent.ui, '20-on-hold');
    await button(agent.ui, 'Resume').click();
    await expectPartyStatus(agent.ui, 'Customer', 'connected');
    expectHears(await customer.measure(ALL_TONES), TONES.agent, 'customer after resume');

    // Mute: the customer hears silence from the agent, the agent still hears the customer.
    await button(agent.ui, 'Mute').click();
    await expect(button(agent.ui, 'Unmute')).toHaveAttribute('aria-pressed', 'true');
    await drain(agent.ui);
    expectDoesNotHear(await customer.measure(ALL_TONES), TONES.agent, 'customer, agent muted');
    expectHears(await measureAll(agent.engine), TONES.customer, 'muted agent');
    await button(agent.ui, 'Unmute').click();
    expectHears(await customer.measure(ALL_TONES), TONES.agent, 'customer after unmute');

    // DTMF from the number pad, forced to SIP INFO by the profile: the digits arrive in order.
    await agent.ui.getByTestId('dtmf-toggle').click();
    for (const digit of ['1', '2', '#']) {
      await agent.ui.getByTestId(`dtmf-${digit}`).click();
    }
    await expect(agent.ui.getByTestId('dtmf-sent')).toContainText('12#');
    await expect
      .poll(async () =>
        (await customer.events())
          .filter((event) => event.type === 'dtmf' && event.originator === 'remote')
          .map((event) => (event.type === 'dtmf' ? event.tone : ''))
          .join(''),
      )
      .toBe('12#');

    // Consult: the customer goes on hold while the agent talks to the third party alone.
    await consultBillingDesk(scene);
    await drain(agent.ui);
    const [customerHears, thirdHears] = await listen(customer, third);
    expectDoesNotHear(customerHears, TONES.agent, 'customer during the consult');
    expectDoesNotHear(customerHears, TONES.third, 'customer during the consult');
    expectHears(thirdHears, TONES.agent, 'third party');
    await screenshot(agent.ui, '21-consult');

    // Join: a three-way conference mixed by the agent's engine; each hears the other two.
    await button(agent.ui, 'Join').click();
    await expect(agent.ui.getByTestId('contact-view')).toContainText('Conference');
    await expectPartyStatus(agent.ui, 'Customer', 'connected');
    await drain(agent.ui);
    const [inConference, thirdInConference, agentInConference] = await Promise.all([
      customer.measure(ALL_TONES),
      third.measure(ALL_TONES),
      measureAll(agent.engine),
    ]);
    expectHears(inConference, TONES.agent, 'customer in conference');
    expectHears(inConference, TONES.third, 'customer in conference');
    expectHears(thirdInConference, TONES.agent, 'third party in conference');
    expectHears(thirdInConference, TONES.customer, 'third party in conference');
    expectHears(agentInConference, TONES.customer, 'agent in conference');
    expectHears(agentInConference, TONES.third, 'agent in conference');
    await screenshot(agent.ui, '22-conference');

    // Leave: REFER with Replaces; customer and third party stay connected without the agent.
    await button(agent.ui, 'Leave call').click();
    await expect(agent.ui.getByTestId('acw-view')).toBeVisible();
    await expect(agent.ui.getByTestId('acw-view')).toContainText('Billing desk');
    await customer.waitFor('replaced', (event) => event.callId === scene.customerCallId);
    await expect
      .poll(() => agent.engine.locator('audio[data-role="remote-audio"]').count())
      .toBe(0);
    await drain(agent.ui);
    const [customerAfter, thirdAfter] = await listen(customer, third);
    expectHears(customerAfter, TONES.third, 'customer after the agent left');
    expectHears(thirdAfter, TONES.customer, 'third party after the agent left');
    expectDoesNotHear(customerAfter, TONES.agent, 'customer after the agent left');
    expectDoesNotHear(thirdAfter, TONES.agent, 'third party after the agent left');

    // ACW: notes, a wrap-up code (required by this profile) and a follow-up task.
    await button(agent.ui, 'Clear contact').click();
    await expect(agent.ui.getByTestId('contact-error')).toBeVisible();
    await agent.ui.getByTestId('acw-notes').fill('Customer asked about a double charge.');
    await agent.ui.getByTestId('acw-wrapup').selectOption('escalated');
    await agent.ui.getByTestId('acw-followup-note').fill('Call back with the refund number');
    await agent.ui.getByTestId('acw-followup-due').fill('2030-01-15T10:30');
    await expect(agent.ui.getByTestId('acw-saved')).toBeVisible();
    await screenshot(agent.ui, '23-acw-details');
    await button(agent.ui, 'Clear contact').click();
    await expect(agent.ui.getByTestId('status-select')).toHaveValue('available');

    await agent.ui.getByTestId('export-history').click();
    const exported = agent.ui.getByTestId('export-result');
    await expect(exported).toHaveAttribute('data-file', /.+\.csv$/);
    const csv = readFileSync((await exported.getAttribute('data-file'))!, 'utf8');
    expect(csv).toContain('Customer asked about a double charge.');
    expect(csv).toContain('escalated');
    expect(csv).toContain('Call back with the refund number');
    expect(csv).toContain('Billing desk');
    expect(csv).toContain('Sales');
    await scene.close();
  });

  test('swap, hold all, and the legs ending in any order leave a consistent contact', async ({
    browser,
    network,
  }) => {
    const scene = await agentOnQueueCall(browser, network);
    const { agent, customer, third } = scene;
    await consultBillingDesk(scene);

    // Swap: the customer is back with the agent, the third party waits on hold.
    await button(agent.ui, 'Swap').click();
    await expect(party(agent.ui, 'Third party')).toContainText('On hold');
    await expectPartyStatus(agent.ui, 'Customer', 'connected');
    await drain(agent.ui);
    const [customerHears, thirdHears] = await listen(customer, third);
    expectHears(customerHears, TONES.agent, 'customer after swap');
    expectDoesNotHear(thirdHears, TONES.agent, 'third party after swap');

    // Hold all: nobody hears the agent.
    await button(agent.ui, 'Hold all').click();
    await expect(party(agent.ui, 'Customer')).toContainText('On hold');
    await expect(party(agent.ui, 'Third party')).toContainText('On hold');
    await drain(agent.ui);
    const [customerHeld, thirdHeld] = await listen(customer, third);
    expectDoesNotHear(customerHeld, TONES.agent, 'customer, hold all');
    expectDoesNotHear(thirdHeld, TONES.agent, 'third party, hold all');

    // The third party hangs up first: its leg leaves, the customer stays on hold until resumed.
    const thirdCall = (await third.events()).find((event) => event.type === 'incoming');
    await third.command({ type: 'hangup', callId: thirdCall!.callId });
    await expect(party(agent.ui, 'Third party')).toHaveCount(0);
    await expect(party(agent.ui, 'Customer')).toContainText('On hold');
    await expect(agent.ui.getByTestId('contact-view')).toHaveAttribute('data-state', 'connected');
    await button(agent.ui, 'Resume').click();
    await expectPartyStatus(agent.ui, 'Customer', 'connected');
    expectHears(await customer.measure(ALL_TONES), TONES.agent, 'customer resumed');

    // A second consult, then the customer hangs up first: the agent keeps the third party.
    await third.clearEvents();
    await consultBillingDesk(scene);
    await customer.command({ type: 'hangup', callId: scene.customerCallId });
    await expect(party(agent.ui, 'Customer')).toContainText('Left');
    await expect(agent.ui.getByTestId('contact-view')).toHaveAttribute('data-state', 'connected');
    expectHears(await third.measure(ALL_TONES), TONES.agent, 'third party after the customer left');
    await button(agent.ui, 'End call').click();
    await expect(agent.ui.getByTestId('acw-view')).toBeVisible();
    await button(agent.ui, 'Clear contact').click();
    await expect(agent.ui.getByTestId('contact-error')).toBeVisible();
    await agent.ui.getByTestId('acw-wrapup').selectOption('resolved');
    await expect(agent.ui.getByTestId('acw-saved')).toBeVisible();
    await button(agent.ui, 'Clear contact').click();
    await expect(agent.ui.getByTestId('status-select')).toHaveValue('available');
    await scene.close();
  });

  test('the End on one party hangs up that party only: the third party, then the customer', async ({
    browser,
    network,
  }) => {
    const scene = await agentOnQueueCall(browser, network);
    const { agent, customer, third } = scene;
    const endedCalls = async (phone: TestPhone) =>
      (await phone.events()).filter((event) => event.type === 'ended').length;

    // The third party's own End: their phone gets the BYE, the customer stays held on the line.
    await consultBillingDesk(scene);
    await party(agent.ui, 'Third party').getByRole('button', { name: 'End', exact: true }).click();
    await third.waitFor('ended');
    await expect(party(agent.ui, 'Third party')).toHaveCount(0);
    await expect(party(agent.ui, 'Customer')).toContainText('On hold');
    expect(await endedCalls(customer), 'the customer’s call is still up').toBe(0);
    await button(agent.ui, 'Resume').click();
    await expectPartyStatus(agent.ui, 'Customer', 'connected');
    await drain(agent.ui);
    expectHears(await customer.measure(ALL_TONES), TONES.agent, 'customer after the third left');

    // The customer's own End: their phone gets the BYE, the agent goes on with the third party.
    await third.clearEvents();
    await consultBillingDesk(scene);
    await party(agent.ui, 'Customer').getByRole('button', { name: 'End', exact: true }).click();
    await customer.waitFor('ended', (event) => event.callId === scene.customerCallId);
    await expect(party(agent.ui, 'Customer')).toContainText('Left');
    await expect(agent.ui.getByTestId('contact-view')).toHaveAttribute('data-state', 'connected');
    expect(await endedCalls(third), 'the third party’s call is still up').toBe(0);
    // The third party was talking to the agent during the consult: they still are.
    await drain(agent.ui);
    expectHears(await third.measure(ALL_TONES), TONES.agent, 'third party after the customer left');

    await party(agent.ui, 'Third party').getByRole('button', { name: 'End', exact: true }).click();
    await third.waitFor('ended');
    await expect(agent.ui.getByTestId('acw-view')).toBeVisible();
    await agent.ui.getByTestId('acw-wrapup').selectOption('resolved');
    await expect(agent.ui.getByTestId('acw-saved')).toBeVisible();
    await button(agent.ui, 'Clear contact').click();
    await scene.close();
  });

  test('a blind transfer hands the customer to the target and ends the agent’s call', async ({
    browser,
    network,
  }) => {
    const scene = await agentOnQueueCall(browser, network);
    const { agent, customer } = scene;
    await agent.ui.getByTestId('transfer-search').fill('Billing');
    await agent.ui
      .getByTestId('quick-connect-billing')
      .getByRole('button', { name: 'Transfer now' })
      .click();
    await expect(agent.ui.getByTestId('acw-view')).toBeVisible();
    await expect(agent.ui.getByTestId('acw-view')).toContainText('Billing desk');
    await customer.waitFor('replaced', (event) => event.callId === scene.customerCallId);
    const customerHears = await customer.measure(ALL_TONES);
    expectHears(customerHears, TONES.third, 'customer after the blind transfer');
    expectDoesNotHear(customerHears, TONES.agent, 'customer after the blind transfer');
    await agent.ui.getByTestId('acw-wrapup').selectOption('resolved');
    await expect(agent.ui.getByTestId('acw-saved')).toBeVisible();
    await button(agent.ui, 'Clear contact').click();
    await scene.close();
  });
});

test.describe('callbacks', () => {
  test('a queued callback shows "Callback incoming"; the agent leaves a voicemail and ends', async ({
    browser,
    network,
  }) => {
    const agent = await availableAgent(browser, network, 'agent3');
    const context = await browser.newContext();
    const callbackSystem = await TestPhone.open(context, network.engineUrl, TONES.customer);
    await callbackSystem.signIn(network.account('customer2'));
    const callId = await callbackSystem.call(CALLBACK_SALES_URI);

    const banner = agent.ui.getByTestId('incoming-banner');
    await expect(banner).toContainText('Callback incoming');
    await expect(banner).toContainText('Sales callbacks');
    await screenshot(agent.ui, '24-callback-incoming');
    await agent.ui.getByTestId('accept').click();
    await callbackSystem.waitFor('confirmed', (event) => event.callId === callId);
    expectHears(await callbackSystem.measure(ALL_TONES), TONES.agent, 'callback line');

    await button(agent.ui, 'Leave voicemail and end').click();
    await callbackSystem.waitFor('ended', (event) => event.callId === callId);
    await expect(agent.ui.getByTestId('acw-view')).toContainText(/voicemail/i);
    await button(agent.ui, 'Clear contact').click();
    await expect(agent.ui.getByTestId('status-select')).toHaveValue('available');
    await context.close();
    await signOutAndClose(agent);
  });
});

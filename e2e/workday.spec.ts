/**
 * The agent's working day (SPEC C2, C3): a missed offer is released so the queue hunts the
 * next agent, and a status chosen during a call is the one restored when the contact clears.
 */
import { readFileSync } from 'node:fs';
import { expectHears } from './audioAssertions';
import { expect, test, TONES } from './fixtures';
import { measureOn } from './harness/audioProbe';
import { TestPhone } from './harness/TestPhone';
import { QUEUE_SALES_URI } from './support/kamailio';
import { availableAgent, signOutAndClose } from './agentSession';
import { captureScreen } from './support/accessibility';

const RING_TIMEOUT_SEC = 5;

test.describe('the working day', () => {
  test('a missed offer goes to Missed and the queue hunts the next agent, who answers', async ({
    browser,
    network,
  }) => {
    const agent1 = await availableAgent(browser, network, 'agent1', {
      toneHz: TONES.agent,
      settings: { ringTimeoutSec: RING_TIMEOUT_SEC },
    });
    // Agent 2 keeps the default ring time: its offer must outlast the checks on agent 1.
    const agent2 = await availableAgent(browser, network, 'agent2', { toneHz: TONES.third });
    const context = await browser.newContext();
    const customer = await TestPhone.open(context, network.engineUrl, TONES.customer);
    await customer.signIn(network.account('customer1'));

    const callId = await customer.call(QUEUE_SALES_URI);
    await expect(agent1.ui.getByTestId('incoming-banner')).toBeVisible();
    await expect(agent2.ui.getByTestId('incoming-banner')).toHaveCount(0);

    // Agent 1 does not answer: after the ring timeout the offer is released with 480.
    await expect(agent1.ui.getByTestId('contact-view')).toHaveAttribute('data-state', 'missed', {
      timeout: (RING_TIMEOUT_SEC + 5) * 1000,
    });
    await expect(agent2.ui.getByTestId('incoming-banner')).toBeVisible();
    await agent2.ui.getByTestId('accept').click();
    await expect(agent2.ui.getByTestId('contact-view')).toHaveAttribute('data-state', 'connected');
    // The accessibility scan and screenshot take seconds on a loaded machine: only once the
    // hunted offer is answered (Missed stays until the agent clears it).
    await captureScreen(agent1.ui, '10-missed');
    await customer.waitFor('confirmed', (event) => event.callId === callId);
    expectHears(await customer.measure([TONES.third]), TONES.third, 'customer');
    expectHears(await measureOn(agent2.engine, [TONES.customer]), TONES.customer, 'agent 2');

    // Missed receives nothing until cleared: a second queue call skips agent 1.
    expect(agent1.main.desk.snapshot().agent.routable).toBe(false);
    await agent1.ui.getByTestId('clear-contact').click();
    await expect(agent1.ui.getByTestId('status-select')).toHaveValue('available');
    expect(agent1.main.desk.snapshot().agent.routable).toBe(true);

    await customer.command({ type: 'hangup', callId });
    await expect(agent2.ui.getByTestId('acw-view')).toBeVisible();
    await agent2.ui.getByTestId('clear-contact').click();
    await context.close();
    await signOutAndClose(agent1);
    await signOutAndClose(agent2);
  });

  test('a status chosen during the call applies after the contact is cleared', async ({
    browser,
    network,
  }) => {
    const agent = await availableAgent(browser, network, 'agent3', {
      toneHz: TONES.agent,
      settings: { ringTimeoutSec: RING_TIMEOUT_SEC },
    });
    const context = await browser.newContext();
    const customer = await TestPhone.open(context, network.engineUrl, TONES.customer);
    await customer.signIn(network.account('customer2'));
    const { ui } = agent;

    const callId = await customer.call(network.uri('agent3'));
    await ui.getByTestId('accept').click();
    await expect(ui.getByTestId('contact-view')).toHaveAttribute('data-state', 'connected');
    await ui.getByTestId('status-select').selectOption('lunch');
    // Still on the call, still registered: the change waits for the contact to end.
    await expect(ui.getByTestId('contact-view')).toHaveAttribute('data-state', 'connected');
    await customer.command({ type: 'hangup', callId });
    await expect(ui.getByTestId('acw-view')).toBeVisible();
    await ui.getByTestId('clear-contact').click();
    await expect(ui.getByTestId('status-select')).toHaveValue('lunch');
    expect(agent.main.desk.snapshot().agent).toMatchObject({ statusId: 'lunch', routable: false });

    // Lunch refuses the next offer.
    const refused = await customer.call(network.uri('agent3'), 'during-lunch');
    expect(await customer.waitFor('ended', (event) => event.callId === refused)).toMatchObject({
      statusCode: 486,
    });
    await context.close();
    await signOutAndClose(agent);
  });

  test("today's figures count a handled and a missed call, and the CSV export has them", async ({
    browser,
    network,
  }) => {
    const agent = await availableAgent(browser, network, 'agent1', {
      toneHz: TONES.agent,
      settings: { ringTimeoutSec: RING_TIMEOUT_SEC },
    });
    const context = await browser.newContext();
    const customer = await TestPhone.open(context, network.engineUrl, TONES.customer);
    await customer.signIn(network.account('customer3'));
    const { ui } = agent;

    const answered = await customer.call(network.uri('agent1'), 'answered');
    await ui.getByTestId('accept').click();
    await expect(ui.getByTestId('contact-view')).toHaveAttribute('data-state', 'connected');
    await customer.waitFor('confirmed', (event) => event.callId === answered);
    await ui.getByTestId('end-call').click();
    await ui.getByTestId('clear-contact').click();

    await customer.call(network.uri('agent1'), 'unanswered');
    await expect(ui.getByTestId('contact-view')).toHaveAttribute('data-state', 'missed', {
      timeout: (RING_TIMEOUT_SEC + 5) * 1000,
    });
    await ui.getByTestId('clear-contact').click();

    await expect(ui.getByTestId('today-handled')).toHaveText('1');
    await expect(ui.getByTestId('today-missed')).toHaveText('1');
    await expect(ui.getByTestId('today-aht')).not.toHaveText('–');
    await ui.getByTestId('export-history').click();
    const result = ui.getByTestId('export-result');
    await expect(result).toHaveAttribute('data-file', /openccp-history-.*\.csv$/);
    await captureScreen(ui, '12-today');
    const csv = readFileSync((await result.getAttribute('data-file'))!, 'utf8');
    const rows = csv.trim().split(/\r\n/);
    expect(rows[0]).toContain('type');
    expect(
      rows.filter(
        (row) => row.startsWith('contact') && row.includes('handled') && row.includes('customer3'),
      ),
    ).toHaveLength(1);
    expect(rows.filter((row) => row.startsWith('contact') && row.includes('missed'))).toHaveLength(
      1,
    );
    expect(rows.some((row) => row.startsWith('status') && row.includes('available'))).toBe(true);

    await context.close();
    await signOutAndClose(agent);
  });
});

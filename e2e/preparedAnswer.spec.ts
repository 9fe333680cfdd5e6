/**
 * The answer an incoming call gets is made while it rings (renderer/engine/sip/PreparedAnswer),
 * so Accept only has to send it. Seen from the engine page's own peer connections: while the
 * call rings there is exactly one, with the caller's offer applied; Accept sends the answer on
 * that same connection (no second one is made), and the call has audio both ways. A caller who
 * gives up leaves nothing open.
 */
import type { Browser, Page } from '@playwright/test';
import { expectHears } from './audioAssertions';
import { expect, test, TONES, type TestNetwork } from './fixtures';
import { measureOn } from './harness/audioProbe';
import { TestPhone } from './harness/TestPhone';
import type { SipTestUserName } from './support/kamailio';
import { availableAgent, signOutAndClose } from './agentSession';

/** The signalling state of each peer connection open in the page, oldest first. */
async function openConnections(page: Page): Promise<string[]> {
  const described = await page.evaluate(() => window.__audioProbe!.describeConnections());
  return described.map((line) => line.split(' ')[0]!);
}

/** An Available agent whose banner shows a customer's call, its answer already prepared. */
async function ringingCall(
  browser: Browser,
  network: TestNetwork,
  agent: SipTestUserName,
  caller: SipTestUserName,
) {
  const app = await availableAgent(browser, network, agent);
  const context = await browser.newContext();
  const customer = await TestPhone.open(context, network.engineUrl, TONES.customer);
  await customer.signIn(network.account(caller));
  const callId = await customer.call(network.uri(agent));
  await expect(app.ui.getByTestId('incoming-banner')).toBeVisible();
  // Offer applied, answer created, nothing sent: the connection waits in have-remote-offer.
  await expect.poll(() => openConnections(app.engine)).toEqual(['have-remote-offer']);
  return { app, ui: app.ui, context, customer, callId };
}

test.describe('answer prepared while the call rings', () => {
  test('one connection holds the applied offer while it rings; Accept answers on it, audio both ways', async ({
    browser,
    network,
  }) => {
    const { app, ui, context, customer, callId } = await ringingCall(
      browser,
      network,
      'agent1',
      'customer1',
    );

    await ui.getByTestId('accept').click();
    await expect(ui.getByTestId('contact-view')).toHaveAttribute('data-state', 'connected');
    await customer.waitFor('confirmed', (event) => event.callId === callId);
    const [agentHears, customerHears] = await Promise.all([
      measureOn(app.engine, [TONES.customer]),
      customer.measure([TONES.agent]),
    ]);
    expectHears(agentHears, TONES.customer, 'agent');
    expectHears(customerHears, TONES.agent, 'customer');
    // Still that one connection, now answered: Accept made no other.
    expect(await openConnections(app.engine)).toEqual(['stable']);

    await ui.getByTestId('end-call').click();
    await expect(ui.getByTestId('acw-view')).toBeVisible();
    await ui.getByTestId('clear-contact').click();
    await context.close();
    await signOutAndClose(app);
  });

  test('a caller who hangs up while the answer waits leaves no connection open in the engine', async ({
    browser,
    network,
  }) => {
    const { app, ui, context, customer, callId } = await ringingCall(
      browser,
      network,
      'agent2',
      'customer2',
    );

    await customer.command({ type: 'hangup', callId });
    await expect(ui.getByTestId('incoming-banner')).toBeHidden();
    await expect.poll(() => openConnections(app.engine)).toEqual([]);
    // The agent is offered the next call as before.
    await expect(ui.getByTestId('status-select')).toHaveValue('available');

    await context.close();
    await signOutAndClose(app);
  });
});

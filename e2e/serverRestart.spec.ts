/**
 * The SIP server dies mid-call and comes back (issue: Reliability, item 2). The agent's call
 * keeps its audio while the server is gone (media flows between the parties, not through it),
 * the agent sees at once that routing stopped, the desk's own backoff registers the agent again
 * soon after the server returns, and the next call connects. The time from the server answering
 * again to the agent being registered is attached as an annotation ("reregistered").
 *
 * The server is the test's own Kamailio, restarted on the same ports: the shared one serves the
 * other specs.
 */
import type { Page } from '@playwright/test';
import { expectHears } from './audioAssertions';
import { availableAgent, signOutAndClose } from './agentSession';
import { expect, test, TONES, type TestNetwork } from './fixtures';
import { TestPhone } from './harness/TestPhone';
import { measureAll } from './listening';
import { startKamailio, type KamailioServer } from './support/kamailio';

const DOWN_MS = 5_000;

function portsOf(server: KamailioServer): { ws: number; sip: number } {
  return { ws: Number(new URL(server.wsUrl).port), sip: server.sipPort };
}

async function registrationState(ui: Page): Promise<string | null> {
  return ui.getByTestId('registration-state').getAttribute('data-state');
}

test('Kamailio stopped mid-call and started again: the call keeps its audio, the agent registers again on their own and the next call connects', async ({
  browser,
  network,
}) => {
  test.setTimeout(120_000);
  let server = await startKamailio({ logDir: 'e2e/.artifacts/kamailio' });
  const ports = portsOf(server);
  const local: TestNetwork = { ...network, wsUrl: server.wsUrl };
  const account = (user: 'customer1' | 'customer2') =>
    network.account(user, { serverUrls: [server.wsUrl] });
  const agent = await availableAgent(browser, local, 'agent1');
  const context = await browser.newContext();
  try {
    const customer = await TestPhone.open(context, network.engineUrl, TONES.customer);
    await customer.signIn(account('customer1'));
    await customer.call(network.uri('agent1'));
    await agent.ui.getByTestId('accept').click();
    await expect(agent.ui.getByTestId('contact-view')).toHaveAttribute('data-state', 'connected');
    expectHears(await measureAll(agent.engine), TONES.customer, 'agent before the server stops');

    await server.stop({ keepLog: true });
    // Routing stopped, and the agent is told at once; the call itself goes on.
    await expect(agent.ui.getByTestId('registration-state')).not.toHaveAttribute(
      'data-state',
      'registered',
    );
    await expect(agent.ui.getByTestId('notice')).toBeVisible();
    await expect(agent.ui.getByTestId('contact-view')).toHaveAttribute('data-state', 'connected');
    expectHears(await measureAll(agent.engine), TONES.customer, 'agent with the server down');
    expectHears(await customer.measure([TONES.agent]), TONES.agent, 'customer, server down');

    // Long enough for the backoff to reach its cap.
    await agent.ui.waitForTimeout(DOWN_MS);
    expect(await registrationState(agent.ui)).not.toBe('registered');
    server = await startKamailio({ logDir: 'e2e/.artifacts/kamailio', ports });
    const back = Date.now();
    await expect(agent.ui.getByTestId('registration-state')).toHaveAttribute(
      'data-state',
      'registered',
      { timeout: 10_000 },
    );
    const reregisteredMs = Date.now() - back;
    test.info().annotations.push({
      type: 'reregistered',
      description: `${reregisteredMs} ms after the server answered again (down ${DOWN_MS} ms)`,
    });
    await expect(agent.ui.getByTestId('notice')).toHaveAttribute('data-code', 'reconnected');
    expectHears(await measureAll(agent.engine), TONES.customer, 'agent after the restart');

    await agent.ui.getByTestId('end-call').click();
    await agent.ui.getByTestId('clear-contact').click();
    await expect(agent.ui.getByTestId('contact-view')).toHaveCount(0);

    // The next customer reaches the agent through the restarted server.
    const next = await TestPhone.open(context, network.engineUrl, TONES.third);
    await next.signIn(account('customer2'));
    await next.call(network.uri('agent1'));
    await agent.ui.getByTestId('accept').click();
    await expect(agent.ui.getByTestId('contact-view')).toHaveAttribute('data-state', 'connected');
    expectHears(await measureAll(agent.engine), TONES.third, 'agent on the next call');
    expectHears(await next.measure([TONES.agent]), TONES.agent, 'next customer');
    await agent.ui.getByTestId('end-call').click();
    await agent.ui.getByTestId('clear-contact').click();
    await signOutAndClose(agent);
  } finally {
    await context.close();
    await server.stop({ keepLog: test.info().status !== test.info().expectedStatus });
  }
});

/**
 * D5 presence against Kamailio's presence service: agent 1's quick connect for agent 2 shows
 * whether agent 2 is available, live, from agent 2's own app PUBLISHing its status and
 * agent 1's app watching it (SUBSCRIBE/NOTIFY, PIDF). Agent 1 is on a customer's call: agent
 * quick connects are transfer targets, listed in the Transfer panel.
 */
import { availableAgent, setStatus, signOutAndClose } from './agentSession';
import { expect, test, TONES, type TestNetwork } from './fixtures';
import { TestPhone } from './harness/TestPhone';
import { captureScreen } from './support/accessibility';
import { SIP_DOMAIN } from './support/kamailio';

function teamProfile(network: TestNetwork) {
  return {
    schemaVersion: 1,
    servers: [network.wsUrl],
    quickConnects: [
      { id: 'agent2', kind: 'agent', name: 'Agent Two', target: `sip:agent2@${SIP_DOMAIN}` },
      { id: 'sales', kind: 'queue', name: 'Sales', target: `sip:queue-sales@${SIP_DOMAIN}` },
    ],
  };
}

test("a quick connect shows its agent's presence live: available, away, available, offline, available, offline after sign-out", async ({
  browser,
  network,
}) => {
  const agent = await availableAgent(browser, network, 'agent1', {
    settings: { profile: teamProfile(network) },
  });
  const context = await browser.newContext();
  const customer = await TestPhone.open(context, network.engineUrl, TONES.customer);
  await customer.signIn(network.account('customer1'));
  const call = await customer.call(network.uri('agent1'));
  await agent.ui.getByTestId('accept').click();
  await expect(agent.ui.getByTestId('contact-view')).toHaveAttribute('data-state', 'connected');
  await customer.waitFor('confirmed', (event) => event.callId === call);

  const presence = agent.ui.getByTestId('transfer-panel').getByTestId('presence-agent2');
  // No state is asserted before agent 2 signs in: an earlier test's agent 2 whose page closed
  // without signing out stays published on the server until its PUBLISH expires (300 s).
  await expect(presence).toBeVisible();
  // A queue is nobody's presence.
  await expect(agent.ui.getByTestId('quick-connect-sales').locator('.presence')).toHaveCount(0);

  const colleague = await availableAgent(browser, network, 'agent2', { toneHz: TONES.third });
  await expect(presence).toHaveAttribute('data-state', 'available');

  // A custom status: signed in, not taking contacts; the status is named.
  await setStatus(colleague.ui, 'break', 'registered');
  await expect(presence).toHaveAttribute('data-state', 'away');
  await expect(presence).toHaveText('Away: Break');

  // Available again: the change from Away is what proves the badge follows live.
  await setStatus(colleague.ui, 'available', 'registered');
  await expect(presence).toHaveAttribute('data-state', 'available');
  await expect(presence).toHaveText('Available');
  await agent.ui.getByTestId('quick-connect-agent2').scrollIntoViewIfNeeded();
  await captureScreen(agent.ui, '78-presence');

  await setStatus(colleague.ui, 'offline', 'unregistered');
  await expect(presence).toHaveAttribute('data-state', 'offline');

  await setStatus(colleague.ui, 'available', 'registered');
  await expect(presence).toHaveAttribute('data-state', 'available');
  await signOutAndClose(colleague);
  await expect(presence).toHaveAttribute('data-state', 'offline');

  await customer.command({ type: 'hangup', callId: call });
  await expect(agent.ui.getByTestId('acw-view')).toBeVisible();
  await agent.ui.getByTestId('clear-contact').click();
  await context.close();
  await signOutAndClose(agent);
});

/**
 * F1 listen-in on Kamailio, which mixes no media: the supervisor calls the agent with the
 * listen-in marker, the agent's own engine answers with its call's audio, listen-only. Proven
 * by what each party hears: the supervisor hears the customer and the agent, neither of them
 * hears the supervisor, and a caller the agent's profile does not list is refused.
 */
import { expectDoesNotHear, expectHears } from './audioAssertions';
import { availableAgent, signOutAndClose } from './agentSession';
import { expect, test, TONES, type TestNetwork } from './fixtures';
import { TestPhone } from './harness/TestPhone';
import { captureScreen } from './support/accessibility';
import { ALL_TONES, measureAll } from './listening';
import { MONITOR_HEADER } from '../common/contract';
import { QUEUE_SALES_URI, SIP_DOMAIN } from './support/kamailio';

/** The supervisor talks in the third party's tone: nobody else sends it. */
const SUPERVISOR_TONE = TONES.third;

function supervisedProfile(network: TestNetwork) {
  return {
    schemaVersion: 1,
    servers: [network.wsUrl],
    supervision: { supervisors: [`sip:supervisor1@${SIP_DOMAIN}`] },
  };
}

const LISTEN_IN = { [MONITOR_HEADER]: 'listen' };

test('a listed supervisor hears the customer and the agent, neither hears them, and anyone else is refused', async ({
  browser,
  network,
}) => {
  const agent = await availableAgent(browser, network, 'agent1', {
    settings: { profile: supervisedProfile(network) },
  });
  const context = await browser.newContext();
  const customer = await TestPhone.open(context, network.engineUrl, TONES.customer);
  const supervisor = await TestPhone.open(context, network.engineUrl, SUPERVISOR_TONE);
  const intruder = await TestPhone.open(context, network.engineUrl, SUPERVISOR_TONE);
  await customer.signIn(network.account('customer1'));
  await supervisor.signIn(network.account('supervisor1'));
  await intruder.signIn(network.account('customer2'));

  const customerCall = await customer.call(QUEUE_SALES_URI);
  await agent.ui.getByTestId('accept').click();
  await expect(agent.ui.getByTestId('contact-view')).toHaveAttribute('data-state', 'connected');
  await customer.waitFor('confirmed', (event) => event.callId === customerCall);

  // The supervisor's listen-in: no banner at the agent, answered by the agent's engine.
  const listenIn = 'listen-in';
  await supervisor.command({
    type: 'call',
    callId: listenIn,
    target: network.uri('agent1'),
    headers: LISTEN_IN,
  });
  await supervisor.waitFor('confirmed', (event) => event.callId === listenIn);
  await expect(agent.ui.getByTestId('incoming-banner')).toHaveCount(0);

  const [heardBySupervisor, heardByCustomer, heardByAgent] = await Promise.all([
    supervisor.measure(ALL_TONES),
    customer.measure(ALL_TONES),
    measureAll(agent.engine),
  ]);
  expectHears(heardBySupervisor, TONES.customer, 'supervisor');
  expectHears(heardBySupervisor, TONES.agent, 'supervisor');
  expectHears(heardByCustomer, TONES.agent, 'customer');
  expectDoesNotHear(heardByCustomer, SUPERVISOR_TONE, 'customer');
  expectHears(heardByAgent, TONES.customer, 'agent');
  expectDoesNotHear(heardByAgent, SUPERVISOR_TONE, 'agent');

  // Someone the profile does not list, authenticated or not, is refused.
  const attempt = 'intrusion';
  await intruder.command({
    type: 'call',
    callId: attempt,
    target: network.uri('agent1'),
    headers: { ...LISTEN_IN, 'P-Asserted-Identity': `<sip:supervisor1@${SIP_DOMAIN}>` },
  });
  const refused = await intruder.waitFor('ended', (event) => event.callId === attempt);
  expect(refused.failed).toBe(true);
  expect(refused.statusCode).toBe(403);
  const log = await agent.readLog();
  expect(log).toContain('"refusal":"notSupervisor"');

  // The supervisor leaves; the call goes on between the customer and the agent.
  await supervisor.command({ type: 'hangup', callId: listenIn });
  await supervisor.waitFor('ended', (event) => event.callId === listenIn);
  await expect(agent.ui.getByTestId('contact-view')).toHaveAttribute('data-state', 'connected');
  expectHears(await customer.measure(ALL_TONES), TONES.agent, 'customer after the listen-in');

  await customer.command({ type: 'hangup', callId: customerCall });
  await expect(agent.ui.getByTestId('acw-view')).toBeVisible();
  await agent.ui.getByTestId('clear-contact').click();
  await context.close();
  await signOutAndClose(agent);
});

test("a supervisor's CCP listens in: Monitoring with the agent's name and a timer, hears both, End stops it", async ({
  browser,
  network,
}) => {
  const agent = await availableAgent(browser, network, 'agent1', {
    settings: { profile: supervisedProfile(network) },
  });
  const supervisorApp = await availableAgent(browser, network, 'supervisor1', {
    toneHz: SUPERVISOR_TONE,
    settings: {
      profile: { schemaVersion: 1, servers: [network.wsUrl], supervision: { listenIn: true } },
    },
  });
  const context = await browser.newContext();
  const customer = await TestPhone.open(context, network.engineUrl, TONES.customer);
  await customer.signIn(network.account('customer1'));
  const customerCall = await customer.call(QUEUE_SALES_URI);
  await agent.ui.getByTestId('accept').click();
  await expect(agent.ui.getByTestId('contact-view')).toHaveAttribute('data-state', 'connected');

  await supervisorApp.ui.getByTestId('monitor-target').fill(network.uri('agent1'));
  await supervisorApp.ui.getByTestId('monitor-start').click();
  const title = supervisorApp.ui.getByTestId('call-title');
  await expect(title).toHaveText(`Monitoring ${network.uri('agent1')}`);
  await expect(supervisorApp.ui.getByTestId('call-timer')).toBeVisible();
  await expect(supervisorApp.ui.getByTestId('hold')).toHaveCount(0);
  const [heardBySupervisor, heardByCustomer] = await Promise.all([
    measureAll(supervisorApp.engine),
    customer.measure(ALL_TONES),
  ]);
  expectHears(heardBySupervisor, TONES.customer, 'supervisor');
  expectHears(heardBySupervisor, TONES.agent, 'supervisor');
  expectDoesNotHear(heardByCustomer, SUPERVISOR_TONE, 'customer');
  await captureScreen(supervisorApp.ui, '75-monitoring');

  await supervisorApp.ui.getByTestId('end-call').click();
  await expect(supervisorApp.ui.getByTestId('acw-view')).toBeVisible();
  await expect(agent.ui.getByTestId('contact-view')).toHaveAttribute('data-state', 'connected');
  await supervisorApp.ui.getByTestId('clear-contact').click();

  await customer.command({ type: 'hangup', callId: customerCall });
  await expect(agent.ui.getByTestId('acw-view')).toBeVisible();
  await agent.ui.getByTestId('clear-contact').click();
  await context.close();
  await signOutAndClose(supervisorApp);
  await signOutAndClose(agent);
});

/**
 * The engine page hung, crashed or reloaded mid-call (issue: Reliability, item 4). Before, the
 * UI kept showing a connected, registered call, End left the customer hearing the agent, and
 * after a reload the customer's leg was never released. Now the desk's supervisor notices a
 * hung page within seconds and the shell ends it; the agent is told; the new engine page hangs
 * up (BYE) the call the old one left, registers again and takes the next call. Times are
 * attached as annotations ("detected", "released").
 */
import type { Page } from '@playwright/test';
import { expectHears } from './audioAssertions';
import { availableAgent, signOutAndClose } from './agentSession';
import { expect, test, TONES } from './fixtures';
import type { HarnessApp } from './harness/HarnessApp';
import { TestPhone } from './harness/TestPhone';
import { measureAll } from './listening';
import { captureScreen } from './support/accessibility';

function note(type: string, description: string): void {
  test.info().annotations.push({ type, description });
}

/** The customer calls the agent, who accepts; both hear each other. */
async function connectedCall(agent: HarnessApp, customer: TestPhone, agentUri: string) {
  const callId = await customer.call(agentUri);
  await agent.ui.getByTestId('accept').click();
  await expect(agent.ui.getByTestId('contact-view')).toHaveAttribute('data-state', 'connected');
  expectHears(await customer.measure([TONES.agent]), TONES.agent, 'customer on the call');
  expectHears(await measureAll(agent.engine), TONES.customer, 'agent on the call');
  return callId;
}

/** After the loss: the call ended, the line registered again, and the next call connects. */
async function recoversForTheNextCall(agent: HarnessApp, customer: TestPhone, agentUri: string) {
  await expect(agent.ui.getByTestId('registration-state')).toHaveAttribute(
    'data-state',
    'registered',
  );
  await expect(agent.ui.getByTestId('acw-view')).toContainText(
    'The phone engine restarted and the call was lost.',
  );
  await agent.ui.getByTestId('clear-contact').click();
  const next = await connectedCall(agent, customer, agentUri);
  await agent.ui.getByTestId('end-call').click();
  await customer.waitFor('ended', (event) => event.callId === next);
  await agent.ui.getByTestId('clear-contact').click();
}

async function customerAndAgent(
  browser: import('@playwright/test').Browser,
  network: import('./fixtures').TestNetwork,
) {
  const agent = await availableAgent(browser, network, 'agent2');
  const context = await browser.newContext();
  const customer = await TestPhone.open(context, network.engineUrl, TONES.customer);
  await customer.signIn(network.account('customer3'));
  return { agent, context, customer };
}

async function hang(page: Page): Promise<void> {
  // Never settles: the page's only thread spins until the app ends the page.
  void page
    .evaluate(() => {
      for (;;) {
        // a hung engine
      }
    })
    .catch(() => undefined);
}

test.describe('the engine page lost mid-call', () => {
  test('hung: the agent is told within seconds, the customer is hung up with a BYE, and the next call connects', async ({
    browser,
    network,
  }) => {
    const { agent, context, customer } = await customerAndAgent(browser, network);
    const agentUri = network.uri('agent2');
    const callId = await connectedCall(agent, customer, agentUri);

    const hungAt = Date.now();
    await hang(agent.engine);
    await expect(agent.ui.getByTestId('notice')).toHaveAttribute(
      'data-code',
      /^engine(Stopped|Restarted)$/,
    );
    note('detected', `${Date.now() - hungAt} ms after the engine page hung`);
    await customer.waitFor('ended', (event) => event.callId === callId);
    note(
      'released',
      `${Date.now() - hungAt} ms after the engine page hung, the customer got a BYE`,
    );
    expect(agent.shell.engineRestarts).toBe(1);
    await expect(agent.ui.getByTestId('acw-view')).toBeVisible();
    await captureScreen(agent.ui, '41-engine-restarted');
    await recoversForTheNextCall(agent, customer, agentUri);
    await context.close();
    await signOutAndClose(agent);
  });

  test('reloaded: the customer left on the old page is hung up with a BYE, and the next call connects', async ({
    browser,
    network,
  }) => {
    const { agent, context, customer } = await customerAndAgent(browser, network);
    const agentUri = network.uri('agent2');
    const callId = await connectedCall(agent, customer, agentUri);

    const reloadedAt = Date.now();
    await agent.engine.reload();
    await expect(agent.ui.getByTestId('notice')).toHaveAttribute('data-code', 'engineRestarted');
    await customer.waitFor('ended', (event) => event.callId === callId);
    note('released', `${Date.now() - reloadedAt} ms after the reload, the customer got a BYE`);
    expect(agent.shell.engineRestarts).toBe(0);
    await recoversForTheNextCall(agent, customer, agentUri);
    await context.close();
    await signOutAndClose(agent);
  });

  test('crashed: the shell loads a new page, the customer is hung up with a BYE, and the next call connects', async ({
    browser,
    network,
  }) => {
    const { agent, context, customer } = await customerAndAgent(browser, network);
    const agentUri = network.uri('agent2');
    const callId = await connectedCall(agent, customer, agentUri);

    const crashed = agent.engine;
    await crashed.goto('chrome://crash').catch(() => undefined);
    await expect(agent.ui.getByTestId('notice')).toHaveAttribute(
      'data-code',
      /^engine(Stopped|Restarted)$/,
    );
    await customer.waitFor('ended', (event) => event.callId === callId);
    expect(agent.engine).not.toBe(crashed);
    await recoversForTheNextCall(agent, customer, agentUri);
    await context.close();
    await signOutAndClose(agent);
  });

  test('while a crashed page is being reloaded, Call is refused with that reason, and calls connect once it is back', async ({
    browser,
    network,
  }) => {
    const { agent, context, customer } = await customerAndAgent(browser, network);
    agent.shell.holdEngineReloads = true;
    await agent.engine.goto('chrome://crash').catch(() => undefined);
    await expect(agent.ui.getByTestId('notice')).toHaveAttribute('data-code', 'engineStopped');
    expect(agent.shell.engineReloads).toBe(1);

    await agent.ui.getByTestId('numpad-input').fill('customer3');
    await agent.ui.getByTestId('numpad-call').click();
    await expect(agent.ui.getByTestId('dial-error')).toHaveText(
      'The phone engine is restarting after a problem. Try again in a few seconds.',
    );
    await captureScreen(agent.ui, '64-engine-reloading-refusal');

    agent.shell.releaseEngineReload();
    await expect(agent.ui.getByTestId('registration-state')).toHaveAttribute(
      'data-state',
      'registered',
    );
    await agent.ui.getByTestId('numpad-call').click();
    const offer = await customer.waitFor('incoming');
    await customer.command({ type: 'answer', callId: offer.callId });
    await expect(agent.ui.getByTestId('contact-view')).toHaveAttribute('data-state', 'connected');
    expectHears(await customer.measure([TONES.agent]), TONES.agent, 'customer after the reload');
    expectHears(await measureAll(agent.engine), TONES.customer, 'agent after the reload');
    await agent.ui.getByTestId('end-call').click();
    await customer.waitFor('ended', (event) => event.callId === offer.callId);
    await agent.ui.getByTestId('clear-contact').click();
    await context.close();
    await signOutAndClose(agent);
  });
});

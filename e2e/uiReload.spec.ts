/**
 * The CCP page reloaded mid-call (issue: Reliability, "what held"): the call lives in main and
 * the engine, not in the page, so it goes on; the reloaded page shows it again with its timer
 * still counting from the answer, not from the reload.
 */
import type { Page } from '@playwright/test';
import { expectHears } from './audioAssertions';
import { availableAgent, signOutAndClose } from './agentSession';
import { expect, test, TONES } from './fixtures';
import { TestPhone } from './harness/TestPhone';
import { measureAll } from './listening';

/** The call timer's elapsed seconds, from its machine-readable duration (PT12S). */
async function callSeconds(ui: Page): Promise<number> {
  const iso = await ui.getByTestId('call-timer').getAttribute('datetime');
  return Number(/^PT(\d+)S$/.exec(iso ?? '')?.[1] ?? NaN);
}

test('the CCP page reloaded mid-call shows the call again, its timer still counting from the answer, and the audio never stopped', async ({
  browser,
  network,
}) => {
  const agent = await availableAgent(browser, network, 'agent1');
  const context = await browser.newContext();
  const customer = await TestPhone.open(context, network.engineUrl, TONES.customer);
  await customer.signIn(network.account('customer2'));
  const callId = await customer.call(network.uri('agent1'));
  await agent.ui.getByTestId('accept').click();
  await expect(agent.ui.getByTestId('contact-view')).toHaveAttribute('data-state', 'connected');
  await agent.ui.waitForTimeout(3_000);
  const before = await callSeconds(agent.ui);
  expect(before).toBeGreaterThanOrEqual(3);

  await agent.ui.reload();
  await expect(agent.ui.getByTestId('contact-view')).toHaveAttribute('data-state', 'connected');
  expect(await callSeconds(agent.ui)).toBeGreaterThanOrEqual(before);
  expectHears(await customer.measure([TONES.agent]), TONES.agent, 'customer after the reload');
  expectHears(await measureAll(agent.engine), TONES.customer, 'agent after the reload');

  await agent.ui.getByTestId('end-call').click();
  await customer.waitFor('ended', (event) => event.callId === callId);
  await agent.ui.getByTestId('clear-contact').click();
  await context.close();
  await signOutAndClose(agent);
});

/**
 * Floods (issue: Reliability, item 5). 1,000 INVITEs in 10 s during a call, sent by a
 * hand-written UDP caller through Kamailio: every one is refused 486 by the engine itself (main
 * has closed its offer gate: the agent is on a call), the call's audio holds, and the agent's
 * clicks stay quick. Click-to-update times (a click on Mute until the button shows it, measured
 * in the page) are attached as annotations. The engine's heap after a flood is a measurement, not
 * a check: it waits out JsSIP's transaction timers (36 s), so it belongs to the bench's soak
 * (issue Performance), not to every CI run.
 */
import type { Page } from '@playwright/test';
import { expectHears } from './audioAssertions';
import { availableAgent, signOutAndClose } from './agentSession';
import { expect, test, TONES } from './fixtures';
import { TestPhone } from './harness/TestPhone';
import { measureAll } from './listening';
import { floodInvites, percentile, type FloodResult } from './support/inviteFlood';

/** Clicks Mute and waits in the page until the button shows the new state; milliseconds. */
function clickToUpdateMs(ui: Page): Promise<number> {
  return ui.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const button = document.querySelector<HTMLButtonElement>('[data-testid="mute"]');
        if (!button) throw new Error('no Mute button');
        const before = button.getAttribute('aria-pressed');
        const started = performance.now();
        const observer = new MutationObserver(() => {
          const now = document.querySelector('[data-testid="mute"]');
          if (now && now.getAttribute('aria-pressed') !== before) {
            observer.disconnect();
            resolve(performance.now() - started);
          }
        });
        observer.observe(document.body, { subtree: true, attributes: true, childList: true });
        button.click();
      }),
  );
}

/** How long the finals took, attached before any check so a failing run says whether they were slow or lost. */
function annotateAnswers(result: FloodResult): void {
  const { p50, p99, max } = result.answerMs;
  test.info().annotations.push({
    type: 'flood answers',
    description: `final after p50 ${p50} ms, p99 ${p99} ms, max ${max} ms; ${result.resent} datagrams resent; ${result.unanswered} unanswered`,
  });
}

test('1,000 INVITEs in 10 s during a call: all refused 486 by the engine, the audio holds, and clicks stay quick', async ({
  browser,
  network,
}) => {
  test.setTimeout(150_000);
  const agent = await availableAgent(browser, network, 'agent3');
  const context = await browser.newContext();
  const customer = await TestPhone.open(context, network.engineUrl, TONES.customer);
  await customer.signIn(network.account('customer1'));
  await customer.call(network.uri('agent3'));
  await agent.ui.getByTestId('accept').click();
  await expect(agent.ui.getByTestId('contact-view')).toHaveAttribute('data-state', 'connected');
  // A new call's controls ignore clicks for their first half second (the focus policy's guard
  // against a double click on Accept): the measured clicks start once Mute takes them.
  await expect(agent.ui.getByTestId('mute')).not.toHaveAttribute('aria-disabled', 'true');
  const quiet: number[] = [];
  for (let click = 0; click < 10; click++) quiet.push(await clickToUpdateMs(agent.ui));

  const flooded: number[] = [];
  let flooding = true;
  const flood = floodInvites(
    {
      sipPort: network.sipPort,
      to: 'sip:agent3@openccp.test',
      displayName: 'Dialer',
      fromUri: 'sip:+15550009@pstn.example',
    },
    { count: 1_000, perSecond: 100 },
  ).finally(() => (flooding = false));
  while (flooding) flooded.push(await clickToUpdateMs(agent.ui));
  const result = await flood;
  annotateAnswers(result);

  expect(result.unanswered).toBe(0);
  expect(result.finals).toEqual({ '486': 1_000 });
  await expect(agent.ui.getByTestId('contact-view')).toHaveAttribute('data-state', 'connected');
  await expect(agent.ui.getByTestId('incoming-banner')).toHaveCount(0);
  // An even number of clicks leaves the agent unmuted; then both still hear each other.
  if ((quiet.length + flooded.length) % 2 === 1) await clickToUpdateMs(agent.ui);
  await expect(agent.ui.getByTestId('mute')).toHaveAttribute('aria-pressed', 'false');
  expectHears(await measureAll(agent.engine), TONES.customer, 'agent after the flood');
  expectHears(await customer.measure([TONES.agent]), TONES.agent, 'customer after the flood');

  const ms = (value: number) => `${value.toFixed(1)} ms`;
  test.info().annotations.push({
    type: 'click-to-update',
    description: `quiet p95 ${ms(percentile(quiet, 95))}; during the flood p50 ${ms(percentile(flooded, 50))}, p95 ${ms(percentile(flooded, 95))}, max ${ms(Math.max(...flooded))} (${flooded.length} clicks)`,
  });
  await agent.ui.getByTestId('end-call').click();
  await agent.ui.getByTestId('clear-contact').click();
  await context.close();
  await signOutAndClose(agent);
});

test('500 MESSAGEs in 5 s during a call: each refused 486 at once (no chat slot on a call), the call and its audio hold, and the engine is never restarted', async ({
  browser,
  network,
}) => {
  test.setTimeout(90_000);
  const agent = await availableAgent(browser, network, 'agent3');
  const context = await browser.newContext();
  const customer = await TestPhone.open(context, network.engineUrl, TONES.customer);
  await customer.signIn(network.account('customer1'));
  await customer.call(network.uri('agent3'));
  await agent.ui.getByTestId('accept').click();
  await expect(agent.ui.getByTestId('contact-view')).toHaveAttribute('data-state', 'connected');

  const result = await floodInvites(
    {
      sipPort: network.sipPort,
      to: 'sip:agent3@openccp.test',
      displayName: 'SMS gateway',
      fromUri: 'sip:+15550010@sms.example',
    },
    { count: 500, perSecond: 100, method: 'MESSAGE' },
  );
  annotateAnswers(result);
  expect(result.unanswered).toBe(0);
  // A chat is never offered beside a call unless the profile says so: refused so the gateway
  // tries elsewhere, and nothing reaches the agent's screen.
  expect(result.finals).toEqual({ '486': 500 });
  test.info().annotations.push({
    type: 'message flood',
    description: `final responses ${JSON.stringify(result.finals)}`,
  });
  await expect(agent.ui.getByTestId('contact-view')).toHaveAttribute('data-state', 'connected');
  expect(agent.shell.engineRestarts).toBe(0);
  expect(await clickToUpdateMs(agent.ui)).toBeGreaterThan(0);
  await clickToUpdateMs(agent.ui);
  expectHears(await measureAll(agent.engine), TONES.customer, 'agent after the flood');
  expectHears(await customer.measure([TONES.agent]), TONES.agent, 'customer after the flood');
  await agent.ui.getByTestId('end-call').click();
  await agent.ui.getByTestId('clear-contact').click();
  await context.close();
  await signOutAndClose(agent);
});

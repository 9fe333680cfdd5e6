/**
 * Recent contacts and redial (SPEC D4) against Kamailio: the calls in the history are listed
 * after the app restarts, the missed one marked, searchable; a row fills the number pad, and
 * Call back reaches the caller with audio both ways.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectHears } from './audioAssertions';
import { availableAgent, signOutAndClose } from './agentSession';
import { expect, test, TONES } from './fixtures';
import { measureOn } from './harness/audioProbe';
import { TestPhone } from './harness/TestPhone';
import { captureScreen } from './support/accessibility';

const RING_TIMEOUT_SEC = 5;

test.describe('recent contacts', () => {
  // Two app starts, a ring-out and two audio checks: over a minute on a loaded 2-core machine.
  test.setTimeout(180_000);

  test('a missed and a handled call are listed after a restart, and Call back reaches the caller with audio both ways', async ({
    browser,
    network,
  }) => {
    const userDataDir = mkdtempSync(join(tmpdir(), 'openccp-recent-'));
    const context = await browser.newContext();
    try {
      const customer = await TestPhone.open(context, network.engineUrl, TONES.customer);
      await customer.signIn(network.account('customer1'));
      const settings = { ringTimeoutSec: RING_TIMEOUT_SEC };
      const first = await availableAgent(browser, network, 'agent1', { settings, userDataDir });

      // A call the agent lets ring out: missed.
      await customer.call(network.uri('agent1'), 'unanswered');
      await expect(first.ui.getByTestId('contact-view')).toHaveAttribute('data-state', 'missed', {
        timeout: (RING_TIMEOUT_SEC + 5) * 1000,
      });
      await first.ui.getByTestId('clear-contact').click();
      // A call the agent answers: handled.
      const answered = await customer.call(network.uri('agent1'), 'answered');
      await first.ui.getByTestId('accept').click();
      await customer.waitFor('confirmed', (event) => event.callId === answered);
      await first.ui.getByTestId('end-call').click();
      await first.ui.getByTestId('clear-contact').click();
      await signOutAndClose(first);

      // The app starts again on the same user data: the list comes from the history file.
      const agent = await availableAgent(browser, network, 'agent1', { settings, userDataDir });
      const { ui } = agent;
      await ui.getByTestId('recent-toggle').click();
      await expect(ui.getByTestId('recent-toggle')).toHaveAttribute('aria-expanded', 'true');
      const rows = ui.getByTestId('recent-contact');
      await expect(rows).toHaveCount(2);
      await expect(rows.nth(0)).toHaveAttribute('data-outcome', 'handled');
      await expect(rows.nth(1)).toHaveAttribute('data-outcome', 'missed');
      await expect(rows.nth(1)).toHaveClass(/recent__row--missed/);
      await expect(rows.nth(1)).toContainText('Missed');
      await expect(rows.nth(0)).toContainText('customer1');
      await expect(ui.getByTestId('recent-count')).toHaveText('2 of 2');
      await rows.nth(1).scrollIntoViewIfNeeded();
      await captureScreen(ui, '70-recent-contacts');

      // Search: by the caller's number, and nothing for a stranger.
      await ui.getByTestId('recent-search').fill('nobody');
      await expect(rows).toHaveCount(0);
      await expect(ui.getByTestId('recent-count')).toHaveText('No call matches.');
      await ui.getByTestId('recent-search').fill('CUSTOMER1');
      await expect(rows).toHaveCount(2);

      // Edit puts the number in the pad, with the focus there, and calls nobody.
      await rows.nth(1).getByTestId('recent-prefill').click();
      await expect(ui.getByTestId('numpad-input')).toHaveValue('customer1');
      await expect(ui.getByTestId('numpad-input')).toBeFocused();
      expect(agent.main.desk.snapshot().contacts).toEqual([]);

      // Call back, reached by keyboard: the customer's phone rings and answers.
      await customer.setAutoAnswer(true);
      await rows.nth(0).getByTestId('recent-call').focus();
      await ui.keyboard.press('Enter');
      const redial = await customer.waitFor('incoming');
      await expect(ui.getByTestId('contact-view')).toHaveAttribute('data-state', 'connected');
      await customer.waitFor('confirmed', (event) => event.callId === redial.callId);
      expectHears(await customer.measure([TONES.agent]), TONES.agent, 'customer');
      expectHears(await measureOn(agent.engine, [TONES.customer]), TONES.customer, 'agent');
      await ui.getByTestId('end-call').click();
      await ui.getByTestId('clear-contact').click();

      // The call back is the newest row, outbound, as soon as it is cleared.
      await ui.getByTestId('recent-search').fill('');
      await expect(rows).toHaveCount(3);
      await expect(rows.nth(0)).toHaveAttribute('data-direction', 'outbound');
      await signOutAndClose(agent);
    } finally {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    }
  });
});

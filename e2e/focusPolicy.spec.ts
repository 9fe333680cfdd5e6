/**
 * The focus policy (renderer/ui/shared/focusPolicy.ts) against a real call through Kamailio:
 * the key that accepted a call, pressed again, does not end it; an offer arriving while the
 * agent types a number leaves the field its focus and its text, and is announced instead.
 */
import type { Page } from '@playwright/test';
import { availableAgent, signOutAndClose } from './agentSession';
import { expect, test, TONES } from './fixtures';
import { TestPhone } from './harness/TestPhone';

/** Once End call is available again nothing queued can still act: the call's fate is known. */
async function expectStillConnectedAfterSettling(ui: Page): Promise<void> {
  await expect(ui.getByTestId('end-call')).not.toHaveAttribute('aria-disabled', 'true');
  await expect(ui.getByTestId('contact-view')).toHaveAttribute('data-state', 'connected');
  await expect(ui.getByTestId('hold')).toHaveAttribute('data-hold', 'none');
  await expect(ui.getByTestId('mute')).toHaveAttribute('aria-pressed', 'false');
}

test.describe('focus policy', () => {
  for (const key of ['Enter', 'Space'] as const) {
    test(`${key} pressed twice on an offer connects the call and does not end it`, async ({
      browser,
      network,
    }) => {
      const context = await browser.newContext();
      const customer = await TestPhone.open(context, network.engineUrl, TONES.customer);
      await customer.signIn(network.account('customer1'));
      const agent = await availableAgent(browser, network, 'agent1');
      const { ui } = agent;

      const callId = await customer.call(network.uri('agent1'));
      await ui.getByTestId('accept').focus();
      await ui.keyboard.press(key);
      await ui.keyboard.press(key);

      await customer.waitFor('confirmed', (event) => event.callId === callId);
      // The focus Accept lost went to the call's heading, which does nothing when pressed.
      await expect(ui.getByTestId('call-title')).toBeFocused();
      await ui.keyboard.press(key);
      await expectStillConnectedAfterSettling(ui);
      expect((await customer.events()).filter((event) => event.type === 'ended')).toEqual([]);

      await ui.getByTestId('end-call').click();
      await ui.getByTestId('clear-contact').click();
      await context.close();
      await signOutAndClose(agent);
    });
  }

  test('a double click on Accept connects the call and neither holds, mutes nor ends it', async ({
    browser,
    network,
  }) => {
    const context = await browser.newContext();
    const customer = await TestPhone.open(context, network.engineUrl, TONES.customer);
    await customer.signIn(network.account('customer2'));
    const agent = await availableAgent(browser, network, 'agent2');
    const { ui } = agent;

    const callId = await customer.call(network.uri('agent2'));
    await ui.getByTestId('accept').dblclick();
    await customer.waitFor('confirmed', (event) => event.callId === callId);
    await expectStillConnectedAfterSettling(ui);
    expect((await customer.events()).filter((event) => event.type === 'ended')).toEqual([]);

    await ui.getByTestId('end-call').click();
    await ui.getByTestId('clear-contact').click();
    await context.close();
    await signOutAndClose(agent);
  });

  test('typing in the number field while an offer arrives keeps focus and text', async ({
    browser,
    network,
  }) => {
    const context = await browser.newContext();
    const customer = await TestPhone.open(context, network.engineUrl, TONES.customer);
    await customer.signIn(network.account('customer3'));
    const agent = await availableAgent(browser, network, 'agent3');
    const { ui } = agent;
    const field = ui.getByTestId('numpad-input');

    await field.click();
    await ui.keyboard.type('734 76');
    const callId = await customer.call(network.uri('agent3'));
    await expect(ui.getByTestId('incoming-banner')).toBeVisible();
    // Announced to screen readers, not by moving focus to Accept.
    await expect(ui.getByTestId('offer-announcement')).toHaveText('Incoming call from customer3.');
    await expect(field).toBeFocused();
    await ui.keyboard.type('4-4357');
    await expect(field).toHaveValue('734 764-4357');
    await expect(field).toBeFocused();

    // An Enter meant to dial does not accept the offer: the dial is refused with a reason.
    await ui.keyboard.press('Enter');
    await expect(ui.getByTestId('dial-error')).toBeVisible();
    await expect(ui.getByTestId('contact-view')).toHaveAttribute('data-state', 'incoming');

    await ui.getByTestId('accept').click();
    await customer.waitFor('confirmed', (event) => event.callId === callId);
    await expect(ui.getByTestId('offer-announcement')).toHaveText('');
    await ui.getByTestId('end-call').click();
    await ui.getByTestId('clear-contact').click();
    // Cleared, the pad is back empty and the number field takes the focus Clear lost.
    await expect(field).toBeFocused();
    await context.close();
    await signOutAndClose(agent);
  });
});

/**
 * Dialing rules end to end (SPEC D4): numbers typed the way people type them reach the E.164
 * subscriber on Kamailio, per the default country; emergency numbers are refused.
 */
import { availableAgent, signOutAndClose } from './agentSession';
import { expect, test, TONES } from './fixtures';
import type { HarnessApp } from './harness/HarnessApp';
import { TestPhone } from './harness/TestPhone';
import { captureScreen } from './support/accessibility';

async function dialAndExpectAt(
  app: HarnessApp,
  typed: string,
  callee: TestPhone,
  display: string,
): Promise<void> {
  const { ui } = app;
  await ui.getByTestId('numpad-input').fill(typed);
  await ui.getByTestId('numpad-call').click();
  const offer = await callee.waitFor('incoming');
  await expect(ui.getByTestId('contact-view')).toContainText(display);
  await callee.command({ type: 'reject', callId: offer.callId, status: 486 });
  await expect(ui.getByTestId('contact-view')).toHaveAttribute('data-state', 'failed');
  await ui.getByTestId('clear-contact').click();
  await expect(ui.getByTestId('contact-view')).toHaveCount(0);
}

test.describe('dialing rules', () => {
  test('a US number typed with dashes reaches +17347644357; 911 is refused', async ({
    browser,
    network,
  }) => {
    const context = await browser.newContext();
    const subscriber = await TestPhone.open(context, network.engineUrl, TONES.customer);
    await subscriber.signIn(network.account('17347644357'));
    const agent = await availableAgent(browser, network, 'agent1');

    await dialAndExpectAt(agent, '734-764-4357', subscriber, '+1 734 764 4357');

    await agent.ui.getByTestId('numpad-input').fill('911');
    await agent.ui.getByTestId('numpad-call').click();
    await expect(agent.ui.getByTestId('dial-error')).toContainText(/emergency/i);
    await captureScreen(agent.ui, '11-emergency-refused');
    expect(agent.main.desk.snapshot().contacts).toEqual([]);

    await context.close();
    await signOutAndClose(agent);
  });

  test('a London number typed nationally reaches +442071838750 with default country GB', async ({
    browser,
    network,
  }) => {
    const context = await browser.newContext();
    const subscriber = await TestPhone.open(context, network.engineUrl, TONES.customer);
    await subscriber.signIn(network.account('442071838750'));
    const agent = await availableAgent(browser, network, 'agent2', {
      settings: { dialing: { defaultCountry: 'GB' } },
    });

    await dialAndExpectAt(agent, '020 7183 8750', subscriber, '+44 20 7183 8750');

    await context.close();
    await signOutAndClose(agent);
  });

  test("a campus short number (4-4357) reaches +17347644357 by the profile's short-number rule", async ({
    browser,
    network,
  }) => {
    const context = await browser.newContext();
    const subscriber = await TestPhone.open(context, network.engineUrl, TONES.customer);
    await subscriber.signIn(network.account('17347644357'));
    const agent = await availableAgent(browser, network, 'agent1', {
      settings: {
        dialing: {
          defaultCountry: 'US',
          shortNumbers: [{ prefix: '4', digits: 4, expandTo: '+1734764' }],
        },
      },
    });

    await dialAndExpectAt(agent, '4-4357', subscriber, '+1 734 764 4357');

    await context.close();
    await signOutAndClose(agent);
  });

  test('a tel: or callto: link fills the number pad and the agent presses Call; each brings the CCP to the front', async ({
    browser,
    network,
  }) => {
    const context = await browser.newContext();
    const subscriber = await TestPhone.open(context, network.engineUrl, TONES.customer);
    await subscriber.signIn(network.account('17347644357'));
    const agent = await availableAgent(browser, network, 'agent3');
    const { ui, shell } = agent;
    expect(shell.broughtToFront).toBe(0);

    shell.openDialLink('tel:+1-734-764-4357');
    await expect(ui.getByTestId('numpad-input')).toHaveValue('+17347644357');
    await expect(ui.getByTestId('numpad-formatted')).toHaveText('+1 734 764 4357');
    expect(shell.broughtToFront).toBe(1);
    await ui.getByTestId('numpad-input').fill('');

    // callto: no longer dials by itself: it waits on the pad like tel: (dialLinks.autoDial off).
    shell.openDialLink('callto:+17347644357');
    await expect(ui.getByTestId('numpad-input')).toHaveValue('+17347644357');
    expect(shell.broughtToFront).toBe(2);
    await captureScreen(ui, '12-callto-prefilled');
    expect(agent.main.desk.snapshot().contacts).toEqual([]);
    expect((await subscriber.events()).filter((event) => event.type === 'incoming')).toEqual([]);

    await ui.getByTestId('numpad-call').click();
    const offer = await subscriber.waitFor('incoming');
    expect(offer.from.user).toBe('agent3');
    await subscriber.command({ type: 'reject', callId: offer.callId, status: 486 });
    await ui.getByTestId('clear-contact').click();

    await context.close();
    await signOutAndClose(agent);
  });

  test('a premium-rate callto: link and an off-domain callto: address are refused with their reason, nothing dialled', async ({
    browser,
    network,
  }) => {
    const agent = await availableAgent(browser, network, 'agent3', {
      settings: { dialing: { defaultCountry: 'US', allowedCountries: ['US'] } },
    });
    const { ui, shell } = agent;
    const notice = ui.getByTestId('notice');

    shell.openDialLink('callto:+19005550123');
    await expect(notice).toHaveAttribute('data-code', 'dialLinkRefused');
    await expect(notice).toContainText('premium-rate number');
    await expect(ui.getByTestId('numpad-input')).toHaveValue('');
    await captureScreen(ui, '13-premium-link-refused');

    shell.openDialLink('callto:someone@other.example');
    await expect(notice).toContainText("outside your organization's domain");
    await expect(ui.getByTestId('numpad-input')).toHaveValue('');
    await captureScreen(ui, '14-off-domain-link-refused');
    expect(agent.main.desk.snapshot().contacts).toEqual([]);

    await signOutAndClose(agent);
  });

  test('a call to an extension nobody has ends with a sentence saying so, not "404 Not Found"', async ({
    browser,
    network,
  }) => {
    const agent = await availableAgent(browser, network, 'agent1');
    const { ui } = agent;

    // Kamailio has no subscriber 4999: it answers 404 Not Found.
    await ui.getByTestId('numpad-input').fill('4999');
    await ui.getByTestId('numpad-call').click();
    await expect(ui.getByTestId('contact-view')).toHaveAttribute('data-state', 'failed');
    await expect(ui.getByTestId('end-message')).toHaveText(
      'Nobody has that number or extension. Check the number and dial again.',
    );
    // The SIP code is only the detail under the sentence, for IT; the strip says no code.
    await expect(ui.getByTestId('end-reason')).toHaveText(/^404 /);
    await expect(ui.getByTestId('end-reason')).toHaveClass(/facts__detail/);
    await expect(ui.getByTestId('status-bar')).not.toContainText('404');
    await captureScreen(ui, '18-extension-not-found');

    await ui.getByTestId('clear-contact').click();
    await expect(ui.getByTestId('contact-view')).toHaveCount(0);
    await signOutAndClose(agent);
  });
});

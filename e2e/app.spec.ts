/**
 * The whole app end to end, written the way the agent guides read: sign in, go Available,
 * take a call, talk, end it, do after-contact work and clear it; place a call; refuse offers
 * when not Available. Real main composition, real preloads, real UI and engine pages,
 * real Kamailio, and audio proven both ways.
 */
import type { Browser } from '@playwright/test';
import type { CcpApi } from '../common/contract';
import { expectHears } from './audioAssertions';
import { expect, test, TONES, type TestNetwork } from './fixtures';
import { startHarnessApp } from './harness/HarnessApp';
import { measureOn } from './harness/audioProbe';
import { TestPhone } from './harness/TestPhone';
import { SIP_TEST_PASSWORDS, type SipTestUserName } from './support/kamailio';
import { fillSignIn, setStatus, signIn, signOutAndClose } from './agentSession';
import { captureScreen } from './support/accessibility';

/** Every screen the walk-through reaches: axe-checked, then photographed for the README. */
const shot = captureScreen;

/** The agent's app (signed out) and a registered customer phone, each with its own tone. */
async function agentAndCustomer(
  browser: Browser,
  network: TestNetwork,
  customerUser: SipTestUserName,
) {
  const app = await startHarnessApp({ browser, origin: network.origin, toneHz: TONES.agent });
  const context = await browser.newContext();
  const customer = await TestPhone.open(context, network.engineUrl, TONES.customer);
  await customer.signIn(network.account(customerUser));
  return { app, customer, context, ui: app.ui };
}

test.describe('agent desk end to end', () => {
  test('sign in, go Available, take a call with audio both ways, end it, ACW, clear', async ({
    browser,
    network,
  }) => {
    const { app, customer, context, ui } = await agentAndCustomer(browser, network, 'customer1');

    await expect(ui.getByTestId('signin-form')).toBeVisible();
    await shot(ui, '01-sign-in');

    // A wrong password: its own message, and nothing typed is lost.
    await fillSignIn(ui, network, 'agent1', 'wrong-password');
    await ui.getByTestId('signin-submit').click();
    await expect(ui.getByTestId('signin-error')).toContainText(/password/i);
    await expect(ui.getByTestId('signin-uri')).toHaveValue(network.uri('agent1'));
    await expect(ui.getByTestId('signin-server')).toHaveValue(network.wsUrl);
    await shot(ui, '02-sign-in-wrong-password');

    await ui.getByTestId('signin-password').fill(SIP_TEST_PASSWORDS.agent1);
    await ui.getByTestId('signin-submit').click();
    await expect(ui.getByTestId('status-select')).toHaveValue('offline');
    await setStatus(ui, 'available', 'registered');
    await expect(ui.getByTestId('status-timer')).toBeVisible();
    await shot(ui, '03-available');

    const customerCall = await customer.call(network.uri('agent1'));
    const banner = ui.getByTestId('incoming-banner');
    await expect(banner).toBeVisible();
    await expect(ui.getByTestId('incoming-caller')).toContainText('customer1');
    await expect(ui.getByTestId('incoming-countdown')).toContainText(/\b(20|19|18|17|16|15)\b/);
    await shot(ui, '04-incoming');

    await ui.getByTestId('accept').click();
    await expect(ui.getByTestId('contact-view')).toHaveAttribute('data-state', 'connected');
    await customer.waitFor('confirmed', (event) => event.callId === customerCall);
    const [agentHears, customerHears] = await Promise.all([
      measureOn(app.engine, [TONES.customer]),
      customer.measure([TONES.agent]),
    ]);
    expectHears(agentHears, TONES.customer, 'agent');
    expectHears(customerHears, TONES.agent, 'customer');
    await expect(ui.getByTestId('call-timer')).toBeVisible();
    await shot(ui, '05-in-call');

    await ui.getByTestId('end-call').click();
    await expect(ui.getByTestId('acw-view')).toBeVisible();
    await customer.waitFor(
      'ended',
      (event) => event.callId === customerCall && event.originator === 'remote',
    );
    await shot(ui, '06-after-contact-work');

    await ui.getByTestId('clear-contact').click();
    await expect(ui.getByTestId('acw-view')).toBeHidden();
    await expect(ui.getByTestId('status-select')).toHaveValue('available');
    expect(app.main.desk.snapshot().agent.routable).toBe(true);

    await context.close();
    await signOutAndClose(app);
  });

  test('place an outbound call from the number pad with audio both ways', async ({
    browser,
    network,
  }) => {
    const { app, customer, context, ui } = await agentAndCustomer(browser, network, 'customer2');
    await signIn(app, network, 'agent2');

    // Offline cannot dial: the agent is told why.
    await ui.getByTestId('numpad-input').fill('customer2');
    await ui.getByTestId('numpad-call').click();
    await expect(ui.getByTestId('dial-error')).toContainText(/offline/i);

    await setStatus(ui, 'available', 'registered');
    await shot(ui, '07-number-pad');
    await ui.getByTestId('numpad-call').click();
    const offer = await customer.waitFor('incoming');
    expect(offer.from.user).toBe('agent2');
    await expect(ui.getByTestId('contact-view')).toHaveAttribute('data-state', 'dialing');
    await customer.command({ type: 'answer', callId: offer.callId });
    await expect(ui.getByTestId('contact-view')).toHaveAttribute('data-state', 'connected');

    const [agentHears, customerHears] = await Promise.all([
      measureOn(app.engine, [TONES.customer]),
      customer.measure([TONES.agent]),
    ]);
    expectHears(agentHears, TONES.customer, 'agent');
    expectHears(customerHears, TONES.agent, 'customer');

    // The customer hangs up: the agent lands in ACW.
    await customer.command({ type: 'hangup', callId: offer.callId });
    await expect(ui.getByTestId('acw-view')).toBeVisible();
    await ui.getByTestId('clear-contact').click();
    await expect(ui.getByTestId('status-select')).toHaveValue('available');

    await context.close();
    await signOutAndClose(app);
  });

  test('offers are refused in a custom status and when Offline', async ({ browser, network }) => {
    const { app, customer, context, ui } = await agentAndCustomer(browser, network, 'customer3');
    await signIn(app, network, 'agent3');

    await setStatus(ui, 'break', 'registered');
    const duringBreak = await customer.call(network.uri('agent3'), 'during-break');
    const busy = await customer.waitFor('ended', (event) => event.callId === duringBreak);
    expect(busy).toMatchObject({ failed: true, statusCode: 486 });
    await shot(ui, '08-custom-status');

    await setStatus(ui, 'offline', 'unregistered');
    const whileOffline = await customer.call(network.uri('agent3'), 'while-offline');
    const refused = await customer.waitFor('ended', (event) => event.callId === whileOffline);
    expect(refused.failed).toBe(true);
    expect([404, 480]).toContain(refused.statusCode);

    await expect(ui.getByTestId('incoming-banner')).toHaveCount(0);
    expect(app.main.desk.snapshot().contacts).toEqual([]);
    await context.close();
    await signOutAndClose(app);
  });

  test('sign-in explains a bad URL and an unreachable server, and main refuses bad payloads', async ({
    browser,
    network,
  }) => {
    const app = await startHarnessApp({ browser, origin: network.origin, toneHz: TONES.agent });
    const { ui } = app;

    await fillSignIn(ui, network, 'agent1', 'whatever');
    await ui.getByTestId('signin-server').fill('http://sip.example.com');
    await ui.getByTestId('signin-submit').click();
    await expect(ui.getByTestId('field-error-serverUrl')).toContainText(/ws/i);

    await ui.getByTestId('signin-server').fill('ws://127.0.0.1:9');
    await ui.getByTestId('signin-submit').click();
    await expect(ui.getByTestId('signin-error')).toContainText(/reach/i);
    await expect(ui.getByTestId('signin-password')).toHaveValue('whatever');
    await shot(ui, '09-sign-in-unreachable');

    // A renderer that sends junk gets an error it can see, and main logs it.
    const refusal = await ui.evaluate(() =>
      (window as unknown as { ccp: CcpApi }).ccp.calls.dial(42 as unknown as string).then(
        () => 'accepted',
        (error: unknown) => String(error),
      ),
    );
    expect(refusal).toMatch(/ui:dial: invalid payload at target/);
    await app.close();
  });
});

/**
 * The desktop around the CCP, through the real composition and a real Kamailio (G1, G2, G3, D1):
 * the agent keeps the app in the tray behind other windows all shift. An offer raises an OS
 * notification whose Accept connects the call; the tray's End ends it; a status from the tray
 * refuses the next offer; a global shortcut answers; Quit leaves no registration on the server
 * and records Offline; a crashed CCP page comes back showing the live call. Audio is proven
 * both ways wherever a call connects.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext } from '@playwright/test';
import { expectDoesNotHear, expectHears } from './audioAssertions';
import { availableAgent, signOutAndClose } from './agentSession';
import { expect, test, TONES, type TestNetwork } from './fixtures';
import type { HarnessApp } from './harness/HarnessApp';
import { measureOn } from './harness/audioProbe';
import { drain } from './listening';
import { TestPhone } from './harness/TestPhone';
import { captureScreen } from './support/accessibility';
import { showDesktopModels } from './support/desktopModelView';
import { registeredContacts } from './support/kamailioLocations';
import type { SipTestUserName } from './support/kamailio';
import { desktopWords } from '../main/desktop/desktopText';

async function customerPhone(context: BrowserContext, network: TestNetwork, user: SipTestUserName) {
  const customer = await TestPhone.open(context, network.engineUrl, TONES.customer);
  await customer.signIn(network.account(user));
  return customer;
}

/** The one offer the desk holds now, once it rings. */
async function ringingContactId(app: HarnessApp): Promise<string> {
  await expect
    .poll(() => app.main.desk.snapshot().contacts.find((c) => c.state === 'incoming')?.id)
    .toBeDefined();
  const offer = app.main.desk.snapshot().contacts.find((c) => c.state === 'incoming');
  if (!offer) throw new Error('no offer ringing');
  return offer.id;
}

async function expectAudioBothWays(app: HarnessApp, customer: TestPhone): Promise<void> {
  const [agentHears, customerHears] = await Promise.all([
    measureOn(app.engine, [TONES.customer]),
    customer.measure([TONES.agent]),
  ]);
  expectHears(agentHears, TONES.customer, 'agent');
  expectHears(customerHears, TONES.agent, 'customer');
}

test.describe('desktop: tray, notifications, shortcuts, quit', () => {
  test('with the CCP hidden in the tray, the notification Accept connects with audio both ways and the tray End ends the call', async ({
    browser,
    network,
  }) => {
    const app = await availableAgent(browser, network, 'agent1');
    const context = await browser.newContext();
    const customer = await customerPhone(context, network, 'customer1');

    // Closing the window while signed in hides it to the tray, and says so the first time only.
    expect(app.shell.closeCcp()).toBe('hideToTray');
    expect(app.shell.notifications.get('inTray')).toBeDefined();
    app.shell.closeNotification('inTray');
    app.shell.ccpVisible = true;
    expect(app.shell.closeCcp()).toBe('hideToTray');
    expect(app.shell.notificationLog.filter((n) => n.id === 'inTray')).toHaveLength(1);
    expect(app.shell.tray?.icon).toBe('available');

    const callId = await customer.call(network.uri('agent1'));
    const contactId = await ringingContactId(app);
    await expect.poll(() => app.shell.notifications.has(`offer:${contactId}`)).toBe(true);
    const offer = app.shell.notifications.get(`offer:${contactId}`);
    expect(offer?.actions).toEqual(['accept', 'reject']);
    expect(offer?.body.map((line) => desktopWords(line, 'en'))[0]).toContain('customer1');
    expect(app.shell.tray?.icon).toBe('ringing');
    expect(app.shell.trayItem(`accept:${contactId}`).action).toEqual({ kind: 'accept', contactId });

    app.shell.pressNotification(`offer:${contactId}`, 'accept');
    await customer.waitFor('confirmed', (event) => event.callId === callId);
    await expect(app.ui.getByTestId('contact-view')).toHaveAttribute('data-state', 'connected');
    // The offer is over: its notification is gone, and the CCP was not raised over the agent's work.
    expect(app.shell.notifications.has(`offer:${contactId}`)).toBe(false);
    expect(app.shell.broughtToFront).toBe(0);
    await expectAudioBothWays(app, customer);
    expect(app.shell.tray?.icon).toBe('onContact');
    await captureScreen(app.ui, '40-accepted-from-notification');

    app.shell.chooseTrayItem(`end:${contactId}`);
    await customer.waitFor('ended', (event) => event.callId === callId);
    await expect(app.ui.getByTestId('acw-view')).toBeVisible();
    await app.ui.getByTestId('clear-contact').click();
    await context.close();
    await signOutAndClose(app);
  });

  test('a status chosen from the tray refuses the next offer, and no notification rings', async ({
    browser,
    network,
  }) => {
    const app = await availableAgent(browser, network, 'agent2');
    const context = await browser.newContext();
    const customer = await customerPhone(context, network, 'customer2');
    app.shell.closeCcp();

    app.shell.chooseTrayItem('status:break');
    await expect(app.ui.getByTestId('status-select')).toHaveValue('break');
    expect(app.shell.tray?.icon).toBe('away');
    expect(app.shell.trayItem('status:break').checked).toBe(true);

    const callId = await customer.call(network.uri('agent2'));
    const refused = await customer.waitFor('ended', (event) => event.callId === callId);
    expect(refused).toMatchObject({ failed: true, statusCode: 486 });
    expect([...app.shell.notifications.keys()].filter((id) => id.startsWith('offer:'))).toEqual([]);

    app.shell.chooseTrayItem('status:available');
    await expect(app.ui.getByTestId('status-select')).toHaveValue('available');
    await context.close();
    await signOutAndClose(app);
  });

  test('the answer shortcut, pressed while another application has the focus, answers with audio both ways', async ({
    browser,
    network,
  }) => {
    const app = await availableAgent(browser, network, 'agent3');
    const context = await browser.newContext();
    const customer = await customerPhone(context, network, 'customer3');
    expect(Object.fromEntries(app.shell.shortcuts)).toEqual({
      answer: 'CommandOrControl+Shift+F7',
      hangUp: 'CommandOrControl+Shift+F8',
      toggleMute: 'CommandOrControl+Shift+F9',
      toggleHold: 'CommandOrControl+Shift+F10',
    });
    app.shell.closeCcp();

    const callId = await customer.call(network.uri('agent3'));
    await ringingContactId(app);
    app.shell.pressShortcut('CommandOrControl+Shift+F7');
    await customer.waitFor('confirmed', (event) => event.callId === callId);
    await expect(app.ui.getByTestId('contact-view')).toHaveAttribute('data-state', 'connected');
    await expectAudioBothWays(app, customer);

    app.shell.pressShortcut('CommandOrControl+Shift+F8');
    await customer.waitFor('ended', (event) => event.callId === callId);
    await expect(app.ui.getByTestId('acw-view')).toBeVisible();
    await app.ui.getByTestId('clear-contact').click();
    await context.close();
    await signOutAndClose(app);
  });

  test('a crashed CCP page mid-call comes back showing the call, with audio still flowing', async ({
    browser,
    network,
  }) => {
    const app = await availableAgent(browser, network, 'agent1');
    const context = await browser.newContext();
    const customer = await customerPhone(context, network, 'customer1');
    const callId = await customer.call(network.uri('agent1'));
    await app.ui.getByTestId('accept').click();
    await customer.waitFor('confirmed', (event) => event.callId === callId);
    const crashed = app.ui;

    await crashed.goto('chrome://crash').catch(() => undefined);
    await expect.poll(() => app.shell.uiReloads).toBe(1);
    await expect.poll(() => app.ui !== crashed).toBe(true);
    await expect(app.ui.getByTestId('contact-view')).toHaveAttribute('data-state', 'connected');
    await expect(app.ui.getByTestId('call-timer')).toBeVisible();
    await expectAudioBothWays(app, customer);
    await captureScreen(app.ui, '41-ui-reloaded-mid-call');

    await app.ui.getByTestId('end-call').click();
    await customer.waitFor('ended', (event) => event.callId === callId);
    await app.ui.getByTestId('clear-contact').click();
    await context.close();
    await signOutAndClose(app);
  });

  test('Quit mid-call ends the call, records Offline and leaves no registration in the location table', async ({
    browser,
    network,
  }) => {
    const app = await availableAgent(browser, network, 'agent2');
    const context = await browser.newContext();
    const customer = await customerPhone(context, network, 'customer2');
    expect(await registeredContacts('agent2')).toHaveLength(1);
    const callId = await customer.call(network.uri('agent2'));
    await app.ui.getByTestId('accept').click();
    await customer.waitFor('confirmed', (event) => event.callId === callId);

    app.shell.chooseTrayItem('quit');
    await app.exited;
    await customer.waitFor('ended', (event) => event.callId === callId);
    // The engine page is still connected, so only the un-REGISTER can empty the table; Kamailio
    // may answer it a moment after the desk has moved on.
    await expect.poll(() => registeredContacts('agent2'), { timeout: 5_000 }).toEqual([]);
    expect(app.main.desk.snapshot().registration).toBe('unregistered');
    const history = readFileSync(join(app.dataDir, 'history', 'contacts.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { type: string; statusId?: string });
    expect(history.filter((record) => record.type === 'status').at(-1)?.statusId).toBe('offline');
    await context.close();
    await app.close();
  });
});

test.describe('desktop: the compact widget and the models it shares with the tray', () => {
  test('the mini window from the tray shows the same contact, and its Mute silences the agent for the customer', async ({
    browser,
    network,
  }) => {
    const app = await availableAgent(browser, network, 'agent3');
    const context = await browser.newContext();
    const customer = await customerPhone(context, network, 'customer3');
    app.shell.closeCcp();
    app.shell.chooseTrayItem('showWidget');
    await expect.poll(() => app.widget !== undefined).toBe(true);
    const widget = app.widget;
    if (!widget) throw new Error('no widget page');
    await widget.setViewportSize({ width: 300, height: 240 });
    await expect(widget.getByTestId('widget-status')).toHaveText('Available');
    await expect(widget.getByTestId('widget-idle')).toBeVisible();

    const callId = await customer.call(network.uri('agent3'));
    const contactId = await ringingContactId(app);
    await expect(widget.getByTestId('widget-caller')).toContainText('customer3');
    // The tray and notifications as they stand during the offer, photographed after the call.
    const trayDuringOffer = app.shell.tray;
    const notificationsDuringOffer = [...app.shell.notifications.values()];
    await captureScreen(widget, '42-widget-incoming');

    await widget.getByTestId('widget-accept').click();
    await customer.waitFor('confirmed', (event) => event.callId === callId);
    await expect(widget.getByTestId('widget-contact')).toHaveAttribute('data-state', 'connected');
    await expect(app.ui.getByTestId('contact-view')).toHaveAttribute('data-state', 'connected');
    await expect(widget.getByTestId('widget-timer')).toBeVisible();
    await expectAudioBothWays(app, customer);
    await captureScreen(widget, '44-widget-on-call');

    await widget.getByTestId('mute').click();
    await expect(widget.getByTestId('mute')).toHaveAttribute('aria-pressed', 'true');
    expect(app.main.desk.snapshot().contacts.find((c) => c.id === contactId)).toMatchObject({
      muted: true,
    });
    // The engine applies the mute a moment after main decides it, and audio already in the
    // customer's jitter buffer still plays: without the drain a CI run heard -25 dB of tail.
    await drain(app.engine);
    const [agentHears, customerHears] = await Promise.all([
      measureOn(app.engine, [TONES.customer]),
      customer.measure([TONES.agent]),
    ]);
    expectDoesNotHear(customerHears, TONES.agent, 'customer while the agent is muted');
    expectHears(agentHears, TONES.customer, 'agent while muted');

    await widget.getByTestId('widget-end').click();
    await customer.waitFor('ended', (event) => event.callId === callId);
    await expect(app.ui.getByTestId('acw-view')).toBeVisible();
    await app.ui.getByTestId('clear-contact').click();

    // The debug view of the tray and notification models (README), from what the shell got.
    if (!trayDuringOffer) throw new Error('no tray shown during the offer');
    const models = await context.newPage();
    // Still up then: the "still running" notice from hiding to the tray, and the offer's.
    await showDesktopModels(models, trayDuringOffer, notificationsDuringOffer);
    await captureScreen(models, '43-tray-and-notification-models');
    await context.close();
    await signOutAndClose(app);
  });
});

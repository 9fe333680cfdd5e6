/**
 * Provisioning (SPEC A3, D2): a profile loaded from a file takes effect, a bad one is refused
 * whole with the JSON path of its first error while the old one stays, IT's machine policy
 * locks the server, and a profile's voice auto-accept connects a call with audio, no click.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CcpApi } from '../common/contract';
import { setStatus, signIn, signOutAndClose } from './agentSession';
import { expectHears } from './audioAssertions';
import { expect, test, TONES, type TestNetwork } from './fixtures';
import { startHarnessApp } from './harness/HarnessApp';
import { TestPhone } from './harness/TestPhone';
import { SIP_TEST_PASSWORDS } from './support/kamailio';
import { captureScreen } from './support/accessibility';

function writeJson(value: unknown): string {
  const file = join(mkdtempSync(join(tmpdir(), 'openccp-profile-')), 'profile.json');
  writeFileSync(file, JSON.stringify(value, null, 2));
  return file;
}

function profile(network: TestNetwork, extra: Record<string, unknown> = {}) {
  return {
    schemaVersion: 1,
    servers: [network.wsUrl],
    statuses: [{ id: 'coaching', label: 'Coaching' }],
    ...extra,
  };
}

test.describe('provisioning profile', () => {
  test('a good profile takes effect; a bad one is refused with its path and the old one stays', async ({
    browser,
    network,
  }) => {
    const app = await startHarnessApp({ browser, origin: network.origin, toneHz: TONES.agent });
    const { ui } = app;

    await ui.getByTestId('profile-location').fill(writeJson(profile(network)));
    await ui.getByTestId('profile-load').click();
    await expect(ui.getByTestId('profile-result')).toHaveAttribute('data-ok', 'true');

    const broken = profile(network, {
      statuses: [{ id: 'wrong', label: 'Wrong' }],
      quickConnects: [{ id: 'q1', kind: 'robot', name: 'Robot', target: '1001' }],
    });
    await ui.getByTestId('profile-location').fill(writeJson(broken));
    await ui.getByTestId('profile-load').click();
    await expect(ui.getByTestId('profile-result')).toHaveAttribute('data-ok', 'false');
    await expect(ui.getByTestId('profile-result')).toContainText('quickConnects[0].kind');
    await captureScreen(ui, '13-profile-refused');

    await signIn(app, network, 'agent1');
    const options = await ui
      .getByTestId('status-select')
      .locator('option')
      .evaluateAll((nodes) => nodes.map((node) => (node as HTMLOptionElement).value));
    expect(options).toContain('coaching');
    expect(options).not.toContain('wrong');
    await signOutAndClose(app);
  });

  test('a server locked by the machine policy cannot be changed, in the form or behind it', async ({
    browser,
    network,
  }) => {
    const policyFile = writeJson({ servers: [network.wsUrl] });
    const app = await startHarnessApp({
      browser,
      origin: network.origin,
      toneHz: TONES.agent,
      policyFile,
    });
    const { ui } = app;

    const server = ui.getByTestId('signin-server');
    await expect(server).toHaveValue(network.wsUrl);
    await expect(server).toHaveAttribute('data-locked', 'true');
    await expect(server).not.toBeEditable();
    await captureScreen(ui, '14-policy-locked');

    // A renderer that ignores the lock is refused by main.
    const refused = await ui.evaluate(
      ([uri, password]) =>
        (window as unknown as { ccp: CcpApi }).ccp.session.signIn({
          serverUrl: 'wss://elsewhere.example.com',
          sipUri: uri,
          authUser: 'agent2',
          password,
          displayName: '',
        }),
      [network.uri('agent2'), SIP_TEST_PASSWORDS.agent2] as const,
    );
    expect(refused).toEqual({ ok: false, error: { code: 'lockedByPolicy', field: 'serverUrl' } });

    // The form signs in through the locked server.
    await ui.getByTestId('signin-uri').fill(network.uri('agent2'));
    await ui.getByTestId('signin-authuser').fill('agent2');
    await ui.getByTestId('signin-password').fill(SIP_TEST_PASSWORDS.agent2);
    await ui.getByTestId('signin-submit').click();
    await expect(ui.getByTestId('status-select')).toBeVisible();
    await signOutAndClose(app);
  });

  test('voice auto-accept from the profile connects the call with audio both ways, no click', async ({
    browser,
    network,
  }) => {
    const app = await startHarnessApp({ browser, origin: network.origin, toneHz: TONES.agent });
    const { ui } = app;
    await ui
      .getByTestId('profile-location')
      .fill(writeJson(profile(network, { autoAccept: { voice: true, chat: false, beep: true } })));
    await ui.getByTestId('profile-load').click();
    await expect(ui.getByTestId('profile-result')).toHaveAttribute('data-ok', 'true');
    await signIn(app, network, 'agent3');
    await setStatus(ui, 'available', 'registered');

    const context = await browser.newContext();
    const customer = await TestPhone.open(context, network.engineUrl, TONES.customer);
    await customer.signIn(network.account('customer1'));
    const callId = await customer.call(network.uri('agent3'));
    await expect(ui.getByTestId('contact-view')).toHaveAttribute('data-state', 'connected');
    await customer.waitFor('confirmed', (event) => event.callId === callId);
    expect(app.main.desk.snapshot().contacts[0]?.autoAccepted).toBe(true);
    const [agentHears, customerHears] = await Promise.all([
      app.engine.evaluate(([hz]) => window.__audioProbe!.measure([hz], 1500), [
        TONES.customer,
      ] as const),
      customer.measure([TONES.agent]),
    ]);
    expectHears(agentHears, TONES.customer, 'agent');
    expectHears(customerHears, TONES.agent, 'customer');

    await customer.command({ type: 'hangup', callId });
    await expect(ui.getByTestId('acw-view')).toBeVisible();
    await ui.getByTestId('clear-contact').click();
    await context.close();
    await signOutAndClose(app);
  });

  test('quick connects: external always, agent and queue only during a call, searchable, and dialable', async ({
    browser,
    network,
  }) => {
    const app = await startHarnessApp({ browser, origin: network.origin, toneHz: TONES.agent });
    const { ui } = app;
    const quickConnects = [
      { id: 'bob', kind: 'agent', name: 'Bob (supervisor)', target: network.uri('agent2') },
      { id: 'sales', kind: 'queue', name: 'Sales queue', target: 'sip:queue-sales@openccp.test' },
      { id: 'helpdesk', kind: 'external', name: 'Help desk', target: '+17347644357' },
      { id: 'press', kind: 'external', name: 'Press office', target: '+442071838750' },
    ];
    await ui.getByTestId('profile-location').fill(writeJson(profile(network, { quickConnects })));
    await ui.getByTestId('profile-load').click();
    await expect(ui.getByTestId('profile-result')).toHaveAttribute('data-ok', 'true');
    await signIn(app, network, 'agent1');
    await setStatus(ui, 'available', 'registered');

    const shown = () =>
      ui
        .locator('[data-testid^="quick-connect-"][data-kind]')
        .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-testid')));
    expect(await shown()).toEqual(['quick-connect-helpdesk', 'quick-connect-press']);
    await ui.getByTestId('quick-connect-search').fill('734');
    expect(await shown()).toEqual(['quick-connect-helpdesk']);
    await ui.getByTestId('quick-connect-search').fill('press');
    expect(await shown()).toEqual(['quick-connect-press']);
    await ui.getByTestId('quick-connect-search').fill('');

    // On a call, agent and queue quick connects appear for transfer.
    const context = await browser.newContext();
    const customer = await TestPhone.open(context, network.engineUrl, TONES.customer);
    await customer.signIn(network.account('customer2'));
    const callId = await customer.call(network.uri('agent1'));
    await ui.getByTestId('accept').click();
    await expect(ui.getByTestId('contact-view')).toHaveAttribute('data-state', 'connected');
    await expect
      .poll(shown)
      .toEqual([
        'quick-connect-bob',
        'quick-connect-sales',
        'quick-connect-helpdesk',
        'quick-connect-press',
      ]);
    await captureScreen(ui, '15-quick-connects-on-call');
    await customer.command({ type: 'hangup', callId });
    await ui.getByTestId('clear-contact').click();
    await expect.poll(shown).toEqual(['quick-connect-helpdesk', 'quick-connect-press']);

    // An external quick connect dials its number, through the dialing rules.
    const subscriber = await TestPhone.open(context, network.engineUrl, TONES.third);
    await subscriber.signIn(network.account('17347644357'));
    await ui.getByTestId('quick-connect-call-helpdesk').click();
    const offer = await subscriber.waitFor('incoming');
    expect(offer.from.user).toBe('agent1');
    await subscriber.command({ type: 'reject', callId: offer.callId, status: 486 });
    await expect(ui.getByTestId('contact-view')).toHaveAttribute('data-state', 'failed');
    await ui.getByTestId('clear-contact').click();

    await context.close();
    await signOutAndClose(app);
  });
});

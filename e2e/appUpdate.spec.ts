/**
 * The app's own updates (SPEC G5) through the real composition: the machine policy names the
 * update server, the harness shell stands in for electron-updater (it records the feed and
 * quitAndInstall), the CCP shows a downloaded update quietly with "Restart to update", and
 * the agent's consent restarts the app only once the call they are on (through Kamailio, audio
 * both ways) is over. An MSI install says IT updates the app and never restarts into anything.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CcpApi } from '../common/contract';
import type { InstallKind } from '../main/updates/updateSettings';
import { expectHears } from './audioAssertions';
import { setStatus, signIn, signOutAndClose } from './agentSession';
import { expect, test, TONES, type TestNetwork } from './fixtures';
import { startHarnessApp } from './harness/HarnessApp';
import { measureOn } from './harness/audioProbe';
import { TestPhone } from './harness/TestPhone';
import type { Browser } from '@playwright/test';
import { captureScreen } from './support/accessibility';

const FEED = { url: 'https://updates.example.com/openccp/', channel: 'beta' } as const;

function startWithUpdates(browser: Browser, network: TestNetwork, install: InstallKind) {
  const file = join(mkdtempSync(join(tmpdir(), 'openccp-update-policy-')), 'policy.json');
  writeFileSync(file, JSON.stringify({ updates: FEED }));
  return startHarnessApp({
    browser,
    origin: network.origin,
    toneHz: TONES.agent,
    policyFile: file,
    install,
  });
}

test.describe('restart to update', () => {
  test("a downloaded update shows with Restart to update, and the agent's consent during a call restarts the app only after the contact is cleared", async ({
    browser,
    network,
  }) => {
    const app = await startWithUpdates(browser, network, 'nsis');
    const { ui } = app;
    // The app follows IT's server and channel, and looked once at start.
    expect(app.shell.updater.feeds).toEqual([FEED]);
    expect(app.shell.updater.checks).toBe(1);
    await signIn(app, network, 'agent3');
    await setStatus(ui, 'available', 'registered');

    app.shell.updater.downloaded('9.9.0');
    const banner = ui.getByTestId('update-banner');
    await expect(ui.getByTestId('update-banner-text')).toHaveText(
      'OpenCCP 9.9.0 is ready to install.',
    );
    await captureScreen(ui, 'update-ready');
    // Available without consent: the update waits.
    expect(app.shell.updater.quitAndInstalls).toBe(0);

    const context = await browser.newContext();
    const customer = await TestPhone.open(context, network.engineUrl, TONES.customer);
    await customer.signIn(network.account('customer3'));
    const callId = await customer.call(network.uri('agent3'));
    await ui.getByTestId('accept').click();
    await expect(ui.getByTestId('contact-view')).toHaveAttribute('data-state', 'connected');
    await customer.waitFor('confirmed', (event) => event.callId === callId);
    const [agentHears, customerHears] = await Promise.all([
      measureOn(app.engine, [TONES.customer]),
      customer.measure([TONES.agent]),
    ]);
    expectHears(agentHears, TONES.customer, 'agent');
    expectHears(customerHears, TONES.agent, 'customer');

    // The agent agrees during the call: the CCP says it will restart once no contact is open.
    await banner.getByTestId('update-banner-restart').click();
    await expect(ui.getByTestId('update-banner-text')).toHaveText(
      'OpenCCP restarts to update as soon as no contact is open.',
    );
    await expect(banner.getByTestId('update-banner-restart')).toHaveCount(0);
    await captureScreen(ui, 'update-consented-in-call');
    expect(app.shell.updater.quitAndInstalls).toBe(0);

    // The customer hangs up: after contact work is still a contact, no restart yet.
    await customer.command({ type: 'hangup', callId });
    await expect(ui.getByTestId('acw-view')).toBeVisible();
    expect(app.main.desk.snapshot().update).toEqual({
      kind: 'ready',
      version: '9.9.0',
      consented: true,
    });
    expect(app.shell.updater.quitAndInstalls).toBe(0);

    await ui.getByTestId('clear-contact').click();
    await expect.poll(() => app.shell.updater.quitAndInstalls).toBe(1);
    await context.close();
    await signOutAndClose(app);
  });

  test('an MSI install says IT updates the app, shows no banner, and a restart sent behind the form is refused', async ({
    browser,
    network,
  }) => {
    const app = await startWithUpdates(browser, network, 'msi');
    const { ui } = app;
    await ui.getByTestId('settings-open').click();
    await ui.getByRole('link', { name: 'Updates' }).click();
    await expect(ui.getByTestId('update-settings-it-managed')).toHaveText(
      'IT updates this app: your IT department installs new versions.',
    );
    await expect(ui.getByTestId('update-banner')).toHaveCount(0);
    await captureScreen(ui, 'update-it-managed');
    expect(app.shell.updater.feeds).toEqual([]);
    expect(app.shell.updater.checks).toBe(0);

    const refused = await ui.evaluate(() =>
      (window as unknown as { ccp: CcpApi }).ccp.updates.restart(),
    );
    expect(refused).toEqual({ ok: false, reason: 'noUpdateReady' });
    expect(app.shell.updater.quitAndInstalls).toBe(0);
    await app.close();
  });
});

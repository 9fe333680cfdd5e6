/**
 * Customer-profile lookup (SPEC D8) against Kamailio: from a connected call, the profile's URL
 * template is filled with the caller's number (E.164 with {e164}, as the call had it with
 * {number}), URL-encoded, and opened where the profile says: the agent's browser, or the
 * app's lookup window (both recorded by the harness shell).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setStatus, signIn, signOutAndClose } from './agentSession';
import { expect, test, TONES, type TestNetwork } from './fixtures';
import { startHarnessApp, type HarnessApp } from './harness/HarnessApp';
import { TestPhone } from './harness/TestPhone';
import { captureScreen } from './support/accessibility';
import type { SipTestUserName } from './support/kamailio';

function profileFile(network: TestNetwork, customerLookup: Record<string, string>): string {
  const file = join(mkdtempSync(join(tmpdir(), 'openccp-lookup-')), 'profile.json');
  const profile = {
    schemaVersion: 1,
    servers: [network.wsUrl],
    dialing: { defaultCountry: 'GB' },
    customerLookup,
  };
  writeFileSync(file, JSON.stringify(profile));
  return file;
}

/** An agent on the profile, Available, connected to `caller`'s call. */
async function onCallWith(
  browser: Parameters<typeof startHarnessApp>[0]['browser'],
  network: TestNetwork,
  lookup: Record<string, string>,
  caller: SipTestUserName,
): Promise<{ app: HarnessApp; customer: TestPhone; close(): Promise<void> }> {
  const app = await startHarnessApp({ browser, origin: network.origin, toneHz: TONES.agent });
  await app.ui.getByTestId('profile-location').fill(profileFile(network, lookup));
  await app.ui.getByTestId('profile-load').click();
  await expect(app.ui.getByTestId('profile-result')).toHaveAttribute('data-ok', 'true');
  await signIn(app, network, 'agent2');
  await setStatus(app.ui, 'available', 'registered');
  const context = await browser.newContext();
  const customer = await TestPhone.open(context, network.engineUrl, TONES.customer);
  await customer.signIn(network.account(caller));
  const callId = await customer.call(network.uri('agent2'));
  await app.ui.getByTestId('accept').click();
  await expect(app.ui.getByTestId('contact-view')).toHaveAttribute('data-state', 'connected');
  await customer.waitFor('confirmed', (event) => event.callId === callId);
  return {
    app,
    customer,
    close: async () => {
      await app.ui.getByTestId('end-call').click();
      await app.ui.getByTestId('clear-contact').click();
      await context.close();
      await signOutAndClose(app);
    },
  };
}

test.describe('customer lookup', () => {
  test('opens the CRM search for the caller in E.164, URL-encoded, in the browser', async ({
    browser,
    network,
  }) => {
    const { app, close } = await onCallWith(
      browser,
      network,
      { url: 'https://crm.example/search?phone={e164}', open: 'browser' },
      '442071838750',
    );
    const lookup = app.ui.getByTestId('customer-lookup');
    await expect(lookup).toHaveAccessibleName('Customer profile: look up 442071838750');
    await captureScreen(app.ui, '71-customer-lookup');
    await lookup.click();
    await expect
      .poll(() => app.shell.openedLinks)
      .toEqual(['https://crm.example/search?phone=%2B442071838750']);
    expect(app.shell.lookupWindowUrls).toEqual([]);
    await close();
  });

  test('shows the lookup window with the caller id as the call had it, URL-encoded', async ({
    browser,
    network,
  }) => {
    const { app, close } = await onCallWith(
      browser,
      network,
      { url: 'https://crm.example/find/{number}?from=ccp', open: 'panel' },
      'customer1',
    );
    await app.ui.getByTestId('customer-lookup').click();
    await expect
      .poll(() => app.shell.lookupWindowUrls)
      .toEqual(['https://crm.example/find/customer1?from=ccp']);
    expect(app.shell.openedLinks).toEqual([]);

    await close();
  });
});

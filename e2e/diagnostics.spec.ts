/**
 * The diagnostics export (SPEC G6) in the real app, after a real call through Kamailio: the
 * settings button writes the folder with every section, the call's registration is in it, and
 * no secret from a log seeded with one of each kind (and the agent's SIP password) is left.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setStatus, signIn, signOutAndClose } from './agentSession';
import { expectHears } from './audioAssertions';
import { expect, test, TONES } from './fixtures';
import { measureOn } from './harness/audioProbe';
import { startHarnessApp } from './harness/HarnessApp';
import { TestPhone } from './harness/TestPhone';
import { SIP_TEST_PASSWORDS } from './support/kamailio';
import { captureScreen } from './support/accessibility';

/** The unit tests' seeded log: one secret of each kind, each marked SEED-. */
const SEEDED_LOG = readFileSync(
  new URL('../main/diagnostics/fixtures/seeded-secrets.log', import.meta.url),
  'utf8',
);

test('the diagnostics export after a call holds every section and no seeded secret', async ({
  browser,
  network,
}) => {
  const userDataDir = mkdtempSync(join(tmpdir(), 'openccp-diagnostics-'));
  // The log the app goes on writing to: what an earlier run left, secrets included.
  writeFileSync(join(userDataDir, 'openccp.log'), SEEDED_LOG);
  const app = await startHarnessApp({
    browser,
    origin: network.origin,
    toneHz: TONES.agent,
    userDataDir,
  });
  const { ui } = app;
  const context = await browser.newContext();
  const customer = await TestPhone.open(context, network.engineUrl, TONES.customer);
  await customer.signIn(network.account('customer2'));

  await signIn(app, network, 'agent2');
  await setStatus(ui, 'available', 'registered');
  const call = await customer.call(network.uri('agent2'));
  await ui.getByTestId('accept').click();
  await expect(ui.getByTestId('contact-view')).toHaveAttribute('data-state', 'connected');
  await customer.waitFor('confirmed', (event) => event.callId === call);
  const [agentHears, customerHears] = await Promise.all([
    measureOn(app.engine, [TONES.customer]),
    customer.measure([TONES.agent]),
  ]);
  expectHears(agentHears, TONES.customer, 'agent');
  expectHears(customerHears, TONES.agent, 'customer');
  await ui.getByTestId('end-call').click();
  await ui.getByTestId('clear-contact').click();
  await expect(ui.getByTestId('acw-view')).toBeHidden();

  await ui.getByTestId('settings-open').click();
  await ui.getByTestId('settings-diagnostics-export').click();
  const result = ui.getByTestId('settings-diagnostics-result');
  await expect(result).toHaveAttribute('data-ok', 'true');
  await result.scrollIntoViewIfNeeded();
  await captureScreen(ui, '66-settings-diagnostics');
  const folder = (await result.getAttribute('data-file')) ?? '';

  expect(readdirSync(folder).sort()).toEqual([
    'about.json',
    'connection.json',
    'devices.json',
    'log.txt',
    'profile.json',
    'sip-errors.json',
  ]);
  const read = (name: string) => readFileSync(join(folder, name), 'utf8');
  const everything = readdirSync(folder).map(read).join('\n');
  expect(everything).not.toMatch(/SEED-/);
  expect(everything).not.toContain(SIP_TEST_PASSWORDS.agent2);
  // The sections say what they should: the call's registration, the session, the devices.
  expect(JSON.parse(read('connection.json'))).toMatchObject({
    now: { session: 'signedIn', registration: 'registered' },
  });
  expect(read('log.txt')).toContain('"message":"signed in"');
  expect(JSON.parse(read('about.json'))).toMatchObject({ app: 'harness' });
  expect(JSON.parse(read('devices.json'))).toHaveProperty('audio.roles.microphone');
  expect(JSON.parse(read('sip-errors.json'))).not.toEqual([]);

  await ui.getByTestId('settings-close').click();
  await context.close();
  await signOutAndClose(app);
  rmSync(userDataDir, { recursive: true, force: true });
});

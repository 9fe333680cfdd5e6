/**
 * D9: the agent records a call with the customer through Kamailio, puts it on hold and back,
 * stops, and the file on disk, decoded as a player would, holds both parties' voices (their
 * tones), the customer's again after the hold, and nobody else's.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { availableAgent, signOutAndClose } from './agentSession';
import { expectHears } from './audioAssertions';
import { expect, test, TONES, type TestNetwork } from './fixtures';
import { TestPhone } from './harness/TestPhone';
import { ALL_TONES, measureAll } from './listening';
import { captureScreen } from './support/accessibility';
import { QUEUE_SALES_URI } from './support/kamailio';
import { loudest, recordedTones, typical } from './support/recordedTones';

/** Heard in the file: well above Opus's noise, as audioAssertions' AUDIBLE_DB. */
const AUDIBLE_DB = -40;
/**
 * Nobody played it. Measured here: the tone nobody plays reads -60 to -97 in a typical window
 * (leakage and Opus noise; median about -80), with single windows up to -42 where a hold or
 * the start switches the audio (a click); the parties' tones read about -2.
 */
const ABSENT_DB = -55;
/** Each party's tone amplitude in the loud test: -1.9 dBFS. */
const LOUD_GAIN = 0.8;
/** Below full scale with room for Opus's own overshoot on the way back: -0.2 dBFS. */
const FULL_SCALE_MARGIN = 0.98;

function recordingProfile(network: TestNetwork) {
  return { schemaVersion: 1, servers: [network.wsUrl], recording: { allowed: true } };
}

test('a recorded call: the file holds the agent and the customer, through hold, and its path is in the history', async ({
  browser,
  network,
}) => {
  const agent = await availableAgent(browser, network, 'agent1', {
    settings: { profile: recordingProfile(network) },
  });
  const context = await browser.newContext();
  const customer = await TestPhone.open(context, network.engineUrl, TONES.customer);
  await customer.signIn(network.account('customer1'));
  const callId = await customer.call(QUEUE_SALES_URI);
  await agent.ui.getByTestId('accept').click();
  await expect(agent.ui.getByTestId('contact-view')).toHaveAttribute('data-state', 'connected');
  await customer.waitFor('confirmed', (event) => event.callId === callId);

  // Not recorded until the agent says so: no badge, a Record button.
  await expect(agent.ui.getByTestId('recording')).toHaveAttribute('data-state', 'none');
  await agent.ui.getByTestId('record').click();
  await expect(agent.ui.getByTestId('recording-indicator')).toHaveText('Recording');
  await expect(agent.ui.getByTestId('record')).toHaveAttribute('aria-pressed', 'true');
  await captureScreen(agent.ui, '73-recording');
  // Both talk while it records (each measurement lasts about 1.5 s).
  expectHears(await customer.measure(ALL_TONES), TONES.agent, 'customer');
  expectHears(await measureAll(agent.engine), TONES.customer, 'agent');

  // Hold and resume: the recording goes on, and the customer is in it again afterwards.
  await agent.ui.getByTestId('hold').click();
  await expect(agent.ui.getByTestId('party-customer')).toHaveAttribute('data-status', 'onHold');
  await expect(agent.ui.getByTestId('recording-indicator')).toBeVisible();
  await agent.ui.getByTestId('hold').click();
  await expect(agent.ui.getByTestId('party-customer')).toHaveAttribute('data-status', 'connected');
  const resumedAt = Date.now();
  expectHears(await measureAll(agent.engine), TONES.customer, 'agent after resume');

  await agent.ui.getByTestId('record').click();
  await expect(agent.ui.getByTestId('recording')).toHaveAttribute('data-state', 'saved');
  const stoppedAt = Date.now();
  const folder = join(agent.dataDir, 'recordings');
  const [name] = readdirSync(folder);
  expect(name, 'one recording in the folder').toMatch(/ customer1 .*\.webm$/);
  const file = join(folder, name!);
  await expect(agent.ui.getByTestId('recording-file')).toContainText(file);
  await captureScreen(agent.ui, '74-recording-saved');

  const page = await agent.context.newPage();
  const tones = await recordedTones(page, readFileSync(file), ALL_TONES);
  await page.close();
  expect(tones.durationSec, 'the file decodes to audio').toBeGreaterThan(3);
  expect(loudest(tones, TONES.agent), "the agent's voice is in the file").toBeGreaterThan(
    AUDIBLE_DB,
  );
  expect(loudest(tones, TONES.customer), "the customer's voice is in the file").toBeGreaterThan(
    AUDIBLE_DB,
  );
  // Typical, not loudest: a hold's switch is a click, broadband for one 100 ms window.
  expect(typical(tones, TONES.third), 'no one else is in the file').toBeLessThan(ABSENT_DB);
  // The part recorded after Resume (its last seconds, by wall clock) still has the customer.
  const afterResume = tones.durationSec - (stoppedAt - resumedAt) / 1000 + 0.5;
  expect(
    loudest(tones, TONES.customer, afterResume, tones.durationSec - 0.3),
    'the customer is recorded again after the hold',
  ).toBeGreaterThan(AUDIBLE_DB);

  // The customer hangs up; the contact's history record names the file.
  await customer.command({ type: 'hangup', callId });
  await expect(agent.ui.getByTestId('acw-view')).toBeVisible();
  await agent.ui.getByTestId('clear-contact').click();
  await expect(agent.ui.getByTestId('acw-view')).toBeHidden();
  const history = readFileSync(join(agent.dataDir, 'history', 'contacts.jsonl'), 'utf8');
  const record = history
    .split('\n')
    .filter((line) => line.includes('"type":"contact"'))
    .map((line) => JSON.parse(line) as { recordingFile?: string })
    .at(-1);
  expect(record?.recordingFile).toBe(file);

  await context.close();
  await signOutAndClose(agent);
});

test('a recordings folder chosen in settings (a relative one refused): both parties loud, the file lands there, stays below full scale and holds both voices', async ({
  browser,
  network,
}) => {
  const agent = await availableAgent(browser, network, 'agent1', {
    settings: { profile: recordingProfile(network) },
  });
  // The folder, in settings: a relative path is refused with the reason, a full one is kept.
  const chosenFolder = mkdtempSync(join(tmpdir(), 'openccp-chosen-recordings-'));
  const { ui } = agent;
  await ui.getByTestId('settings-open').click();
  const folderField = ui.getByTestId('settings-recordings-folder');
  await expect(folderField).toHaveValue(join(agent.dataDir, 'recordings'));
  await folderField.fill('Recordings');
  await ui.getByTestId('settings-recordings-folder-save').click();
  await expect(ui.getByTestId('settings-recordings-folder-error')).toContainText('full path');
  await folderField.fill(chosenFolder);
  await folderField.press('Enter');
  await expect(ui.getByText('Recordings now go to this folder.')).toBeVisible();
  await captureScreen(ui, '77-settings-recordings-folder');
  await ui.getByTestId('settings-close').click();

  const context = await browser.newContext();
  const customer = await TestPhone.open(context, network.engineUrl, TONES.customer);
  await customer.signIn(network.account('customer1'));
  // Amplitude 0.8 each: -1.9 dBFS, summing to about +4 dBFS where they overlap.
  await customer.setMicrophoneGain(LOUD_GAIN);
  await agent.engine.evaluate((gain) => window.__audioProbe!.setMicrophoneGain(gain), LOUD_GAIN);
  const callId = await customer.call(QUEUE_SALES_URI);
  await agent.ui.getByTestId('accept').click();
  await customer.waitFor('confirmed', (event) => event.callId === callId);
  await agent.ui.getByTestId('record').click();
  await expect(agent.ui.getByTestId('recording-indicator')).toHaveText('Recording');
  expectHears(await customer.measure(ALL_TONES), TONES.agent, 'customer');
  expectHears(await measureAll(agent.engine), TONES.customer, 'agent');
  await agent.ui.getByTestId('record').click();
  await expect(agent.ui.getByTestId('recording')).toHaveAttribute('data-state', 'saved');

  const [name] = readdirSync(chosenFolder);
  expect(name, 'the recording is in the chosen folder').toMatch(/\.webm$/);
  await expect(agent.ui.getByTestId('recording-file')).toContainText(chosenFolder);
  const page = await agent.context.newPage();
  const tones = await recordedTones(page, readFileSync(join(chosenFolder, name!)), ALL_TONES);
  await page.close();
  expect(tones.durationSec, 'the file decodes to audio').toBeGreaterThan(2);
  expect(tones.peak, 'the decoded peak stays below full scale').toBeLessThan(FULL_SCALE_MARGIN);
  expect(loudest(tones, TONES.agent), "the agent's voice is in the file").toBeGreaterThan(
    AUDIBLE_DB,
  );
  expect(loudest(tones, TONES.customer), "the customer's voice is in the file").toBeGreaterThan(
    AUDIBLE_DB,
  );

  await customer.command({ type: 'hangup', callId });
  await expect(agent.ui.getByTestId('acw-view')).toBeVisible();
  await agent.ui.getByTestId('clear-contact').click();
  await context.close();
  await signOutAndClose(agent);
  rmSync(chosenFolder, { recursive: true, force: true });
});

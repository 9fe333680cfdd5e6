/**
 * A contact history torn mid-line, as a crash or a full disk during an append leaves it (issue:
 * Reliability, "what held"): the app starts, repairs the file keeping every earlier line,
 * counts those contacts in today's figures, and tells the agent.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signIn, signOutAndClose } from './agentSession';
import { expect, test, TONES } from './fixtures';
import { startHarnessApp } from './harness/HarnessApp';
import { encodeLine } from '../main/history/lineCodec';
import { contactAt } from '../main/history/historyRecords.testkit';

test('a history file torn mid-line is repaired at start: earlier contacts kept and counted, the agent told', async ({
  browser,
  network,
}) => {
  const userDataDir = mkdtempSync(join(tmpdir(), 'openccp-torn-history-'));
  const file = join(userDataDir, 'history', 'contacts.jsonl');
  mkdirSync(join(userDataDir, 'history'), { recursive: true });
  const now = Date.now();
  const kept = [
    encodeLine(contactAt(now - 60_000, 'kept-1', { handleMs: 60_000 })),
    encodeLine(contactAt(now - 30_000, 'kept-2', { handleMs: 60_000 })),
  ].join('');
  const torn = encodeLine(contactAt(now - 10_000, 'torn')).slice(0, 40);
  writeFileSync(file, kept + torn);

  const app = await startHarnessApp({
    browser,
    origin: network.origin,
    toneHz: TONES.agent,
    userDataDir,
  });
  const notice = app.ui.getByTestId('notice');
  await expect(notice).toHaveAttribute('data-code', 'historyRepaired');
  await expect(notice).toContainText('Your contact history file was damaged and has been repaired');
  expect(readFileSync(file, 'utf8')).toBe(kept);
  await signIn(app, network, 'agent1');
  await expect(app.ui.getByTestId('today-handled')).toHaveText('2');
  await signOutAndClose(app);
});

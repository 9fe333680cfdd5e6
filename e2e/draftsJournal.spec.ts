/**
 * The drafts journal (issue: Reliability, item 8). Notes typed during a call lived only in
 * main's memory until Clear, so killing the app lost them. Now they are journaled as typed: the
 * app is killed mid-call (no sign-out, no clean shutdown), a new app starts over the same user
 * data folder, and the call is back in after contact work with the notes as typed, the agent is
 * told why, and Clear puts it in the history like any other contact.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DRAFT_JOURNAL_FILE } from '../main/app';
import { setStatus, signIn, signOutAndClose } from './agentSession';
import { expect, test, TONES } from './fixtures';
import { startHarnessApp } from './harness/HarnessApp';
import { TestPhone } from './harness/TestPhone';
import { captureScreen } from './support/accessibility';

const NOTES = 'Wants a refund for order 1234; promised a callback by Friday.';

test('notes typed during a call survive the app being killed: the call comes back in ACW with them', async ({
  browser,
  network,
}) => {
  const userDataDir = mkdtempSync(join(tmpdir(), 'openccp-crash-'));
  const journal = join(userDataDir, DRAFT_JOURNAL_FILE);
  const first = await startHarnessApp({
    browser,
    origin: network.origin,
    toneHz: TONES.agent,
    userDataDir,
  });
  const phoneContext = await browser.newContext();
  const customer = await TestPhone.open(phoneContext, network.engineUrl, TONES.customer);
  await customer.signIn(network.account('customer2'));
  await signIn(first, network, 'agent2');
  await setStatus(first.ui, 'available', 'registered');

  const callId = await customer.call(network.uri('agent2'));
  await first.ui.getByTestId('accept').click();
  await expect(first.ui.getByTestId('contact-view')).toHaveAttribute('data-state', 'connected');
  await customer.waitFor('confirmed', (event) => event.callId === callId);

  // Typed key by key, as the agent does: each pause saves, each save is journaled.
  await first.ui.getByTestId('call-notes-input').pressSequentially(NOTES, { delay: 15 });
  await expect
    .poll(() => (existsSync(journal) ? readFileSync(journal, 'utf8') : ''), {
      message: 'the journal holds the notes as typed',
    })
    .toContain(NOTES);

  // Killed: no sign-out, no shutdown, the pages just go.
  await first.crash();

  const second = await startHarnessApp({
    browser,
    origin: network.origin,
    toneHz: TONES.agent,
    userDataDir,
  });
  const notice = second.ui.getByTestId('notice');
  await expect(notice).toHaveAttribute('data-code', 'contactRestored');
  await expect(notice).toContainText('OpenCCP closed unexpectedly while you had a contact open');

  await signIn(second, network, 'agent2');
  await expect(second.ui.getByTestId('acw-view')).toBeVisible();
  await expect(second.ui.getByTestId('acw-notes')).toHaveValue(NOTES);
  await expect(second.ui.getByTestId('acw-peer')).toContainText('customer2');
  await expect(second.ui.getByTestId('end-reason')).toHaveText(
    'OpenCCP closed while this call was in progress, so the call could not continue.',
  );
  await expect(second.ui.getByTestId('notice')).toHaveAttribute('data-code', 'contactRestored');
  await captureScreen(second.ui, '17-interrupted-contact-restored');

  // The agent finishes the wrap-up and clears it: into the history, the journal emptied.
  await second.ui.getByTestId('acw-notes').pressSequentially(' Done.', { delay: 15 });
  await second.ui.getByTestId('clear-contact').click();
  await expect(second.ui.getByTestId('acw-view')).toBeHidden();
  const history = readFileSync(join(userDataDir, 'history', 'contacts.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.includes('"type":"contact"'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  expect(history).toEqual([
    expect.objectContaining({
      peer: expect.objectContaining({ number: 'customer2' }),
      outcome: 'handled',
      endCode: 'appInterrupted',
      notes: `${NOTES} Done.`,
    }),
  ]);
  await expect.poll(() => existsSync(journal), { message: 'the journal is gone' }).toBe(false);

  await phoneContext.close();
  await signOutAndClose(second);
});

/**
 * A damaged settings file (issue: Reliability, item 1): cut mid-write, or one value of the
 * wrong type. The app used to stop before any window opened (electron-store throws in its
 * constructor, and conf, the same library under the harness, does too). Now it starts, says
 * what happened in plain words, keeps the original for support, and the agent signs in.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signIn, signOutAndClose } from './agentSession';
import { expect, test, TONES } from './fixtures';
import { startHarnessApp } from './harness/HarnessApp';
import { captureScreen } from './support/accessibility';

for (const [damage, contents] of [
  ['cut mid-write', '{"schemaVersion":1,"lastStatusId":"lun'],
  ['holding one value of the wrong type', '{"schemaVersion":1,"ringTimeoutSec":"twenty"}'],
] as const) {
  test(`a settings file ${damage} is repaired at start, the agent is told and signs in`, async ({
    browser,
    network,
  }) => {
    const userDataDir = mkdtempSync(join(tmpdir(), 'openccp-damaged-'));
    writeFileSync(join(userDataDir, 'settings.json'), contents);
    const app = await startHarnessApp({
      browser,
      origin: network.origin,
      toneHz: TONES.agent,
      userDataDir,
    });
    const notice = app.ui.getByTestId('notice');
    await expect(notice).toHaveAttribute('data-code', 'settingsRepaired');
    await expect(notice).toContainText('Your settings file was damaged and has been repaired');
    const name = /as (settings\.damaged-\S+\.json)/.exec((await notice.textContent()) ?? '')?.[1];
    const backup = join(userDataDir, name ?? '(no file named)');
    expect(existsSync(backup), `backup at ${backup}`).toBe(true);
    expect(readFileSync(backup, 'utf8')).toBe(contents);
    await captureScreen(app.ui, '16-settings-repaired');

    await signIn(app, network, 'agent3');
    await signOutAndClose(app);
  });
}

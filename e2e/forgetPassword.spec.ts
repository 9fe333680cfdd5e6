/**
 * A2: on a shared workstation the agent signs out and forgets the saved password. The account
 * stays in the form; the password is gone from the settings file and across a restart.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signIn } from './agentSession';
import { expect, test, TONES } from './fixtures';
import { startHarnessApp } from './harness/HarnessApp';
import { captureScreen } from './support/accessibility';

test('after sign-out, Forget the saved password keeps the account, drops the password from disk, and the next sign-in asks for it', async ({
  browser,
  network,
}) => {
  const userDataDir = mkdtempSync(join(tmpdir(), 'openccp-forget-'));
  const app = await startHarnessApp({
    browser,
    origin: network.origin,
    toneHz: TONES.agent,
    userDataDir,
  });
  await signIn(app, network, 'agent3');
  await app.ui.getByTestId('signout').click();
  await expect(app.ui.getByTestId('signin-form')).toBeVisible();
  const settingsFile = join(userDataDir, 'settings.json');
  expect(readFileSync(settingsFile, 'utf8')).toContain('encryptedPassword');

  const forget = app.ui.getByTestId('signin-forget-password');
  await expect(app.ui.getByTestId('signin-password')).toHaveAttribute(
    'placeholder',
    'Saved password will be used',
  );
  await captureScreen(app.ui, '76-sign-in-saved-password');
  await forget.focus();
  await app.ui.keyboard.press('Enter');

  await expect(forget).toHaveCount(0);
  await expect(app.ui.getByTestId('signin-password')).toHaveAttribute('placeholder', '');
  await expect(app.ui.getByTestId('signin-uri')).toHaveValue(network.uri('agent3'));
  expect(readFileSync(settingsFile, 'utf8')).not.toContain('encryptedPassword');
  await app.ui.getByTestId('signin-submit').click();
  await expect(app.ui.getByTestId('field-error-password')).toBeVisible();
  await app.close();

  const again = await startHarnessApp({
    browser,
    origin: network.origin,
    toneHz: TONES.agent,
    userDataDir,
  });
  await expect(again.ui.getByTestId('signin-uri')).toHaveValue(network.uri('agent3'));
  await expect(again.ui.getByTestId('signin-forget-password')).toHaveCount(0);
  await again.close();
});

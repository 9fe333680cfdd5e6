/**
 * IT's machine policy over the agent's own settings (SPEC A3, G5), in the real app: the policy
 * file sets devices, ring and language; the settings screen shows each one locked with the
 * reason, and main refuses a renderer that changes them behind the form. A policy file that
 * cannot be parsed locks everything and says so.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { CcpApi } from '../common/contract';
import { expect, test, TONES } from './fixtures';
import { startHarnessApp } from './harness/HarnessApp';
import type { FakeAudioDevice } from './harness/fakeMediaDevices';
import { SIP_TEST_PASSWORDS } from './support/kamailio';
import { captureScreen } from './support/accessibility';

const DEVICES: FakeAudioDevice[] = [
  {
    deviceId: 'mic-laptop',
    groupId: 'laptop',
    kind: 'audioinput',
    label: 'Built-in Microphone',
    toneHz: TONES.agent,
  },
  {
    deviceId: 'mic-headset',
    groupId: 'headset',
    kind: 'audioinput',
    label: 'Jabra Evolve2 65 Microphone',
    toneHz: 1240,
  },
  { deviceId: 'out-laptop', groupId: 'laptop', kind: 'audiooutput', label: 'Built-in Speakers' },
];

function policyFile(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'openccp-policy-')), 'policy.json');
  writeFileSync(file, text);
  return file;
}

/** What a renderer that ignores the disabled controls would send, through the real preload. */
function behindTheForm(ui: Page) {
  return ui.evaluate(async () => {
    const settings = (window as unknown as { ccp: CcpApi }).ccp.settings;
    return {
      language: await settings.setLanguage('ja'),
      ringtone: await settings.setRing({ ringtone: 'classic' }),
      ringVolume: await settings.setRing({ ringVolume: 0.1 }),
      microphone: await settings.chooseAudioDevice('microphone', 'mic-laptop'),
    };
  });
}

const REFUSED = { ok: false, reason: 'settingLocked' };

test.describe('machine policy over the agent settings', () => {
  test('devices, ring and language set by the policy show locked in settings, and main refuses changing them behind the form', async ({
    browser,
    network,
  }) => {
    const policy = {
      servers: [network.wsUrl],
      audio: { microphone: 'Jabra Evolve2 65 Microphone', ringtone: 'chirp', ringVolume: 0.5 },
      language: 'en',
      desktop: { startAtLogin: true, widgetAlwaysOnTop: false },
      updates: { disabled: true },
    };
    const app = await startHarnessApp({
      browser,
      origin: network.origin,
      toneHz: TONES.agent,
      audioDevices: DEVICES,
      policyFile: policyFile(JSON.stringify(policy)),
    });
    const { ui } = app;
    await ui.getByTestId('settings-open').click();
    await expect(ui.getByTestId('settings-screen')).toBeVisible();

    const microphone = ui.getByTestId('settings-microphone');
    await expect(microphone).toHaveValue('mic-headset');
    await expect(microphone).toBeDisabled();
    await expect(ui.getByTestId('settings-microphone-note')).toHaveText(
      'Set by your IT department',
    );
    await expect(ui.getByTestId('settings-speaker')).toBeEnabled();
    await expect(ui.getByTestId('settings-ringtone')).toHaveValue('chirp');
    await expect(ui.getByTestId('settings-ringtone')).toBeDisabled();
    await expect(ui.getByTestId('settings-ringtone-locked')).toHaveText(
      'Set by your IT department',
    );
    await expect(ui.getByTestId('settings-ring-volume')).toHaveValue('50');
    await expect(ui.getByTestId('settings-ring-volume')).toBeDisabled();
    await expect(ui.getByTestId('settings-language')).toBeDisabled();
    await expect(ui.getByTestId('settings-language-locked')).toBeVisible();
    await captureScreen(ui, '64-settings-policy-locked');

    expect(await behindTheForm(ui)).toEqual({
      language: REFUSED,
      ringtone: REFUSED,
      ringVolume: REFUSED,
      microphone: REFUSED,
    });
    // Nothing changed on screen either.
    await expect(ui.getByTestId('settings-ringtone')).toHaveValue('chirp');
    await expect(microphone).toHaveValue('mic-headset');
    await app.close();
  });

  test('a policy file that cannot be parsed locks every setting and says so, shows the server field locked, and no typed server is accepted', async ({
    browser,
    network,
  }) => {
    const app = await startHarnessApp({
      browser,
      origin: network.origin,
      toneHz: TONES.agent,
      audioDevices: DEVICES,
      policyFile: policyFile('{ "servers": [ "wss://pbx.example.com" '),
    });
    const { ui } = app;
    await expect(ui.getByTestId('policy-problem')).toContainText(
      'Every setting it could set stays locked until your IT team fixes it.',
    );
    // The form shows the server locked, as main enforces it: nothing can be typed there.
    const server = ui.getByTestId('signin-server');
    await expect(server).toHaveAttribute('data-locked', 'true');
    await expect(server).not.toBeEditable();
    await expect(server).toHaveValue('');
    await expect(ui.getByText('(locked by your IT policy)')).toBeVisible();
    await captureScreen(ui, '65-policy-unreadable');

    const signIn = await ui.evaluate(
      ([uri, password]) =>
        (window as unknown as { ccp: CcpApi }).ccp.session.signIn({
          serverUrl: 'wss://elsewhere.example.com',
          sipUri: uri,
          authUser: 'agent1',
          password,
          displayName: '',
        }),
      [network.uri('agent1'), SIP_TEST_PASSWORDS.agent1] as const,
    );
    expect(signIn).toEqual({ ok: false, error: { code: 'lockedByPolicy', field: 'serverUrl' } });

    await ui.getByTestId('settings-open').click();
    for (const id of ['settings-microphone', 'settings-ringtone', 'settings-language']) {
      await expect(ui.getByTestId(id)).toBeDisabled();
    }
    expect(await behindTheForm(ui)).toEqual({
      language: REFUSED,
      ringtone: REFUSED,
      ringVolume: REFUSED,
      microphone: REFUSED,
    });
    await app.close();
  });
});

/**
 * The steps every scenario repeats with the agent's app: sign in through the form, go
 * Available, and sign out before closing (so Kamailio keeps no contact of a closed page).
 */
import type { Browser, Page } from '@playwright/test';
import type { HeadsetPort } from '../main/headset/HeadsetPort';
import type { Settings } from '../main/settings/settingsSchema';
import { expect, TONES, type TestNetwork } from './fixtures';
import type { FakeAudioDevice } from './harness/fakeMediaDevices';
import { startHarnessApp, type HarnessApp } from './harness/HarnessApp';
import { SIP_TEST_PASSWORDS, type SipTestUserName } from './support/kamailio';

export async function fillSignIn(
  ui: Page,
  network: TestNetwork,
  user: SipTestUserName,
  password: string,
): Promise<void> {
  await ui.getByTestId('signin-server').fill(network.wsUrl);
  await ui.getByTestId('signin-uri').fill(network.uri(user));
  await ui.getByTestId('signin-authuser').fill(user);
  await ui.getByTestId('signin-password').fill(password);
  await ui.getByTestId('signin-displayname').fill(`Agent ${user}`);
}

export async function signIn(
  app: HarnessApp,
  network: TestNetwork,
  user: SipTestUserName,
): Promise<void> {
  await fillSignIn(app.ui, network, user, SIP_TEST_PASSWORDS[user]);
  await app.ui.getByTestId('signin-submit').click();
  await expect(app.ui.getByTestId('status-select')).toBeVisible();
}

export async function setStatus(ui: Page, statusId: string, registration: string): Promise<void> {
  await ui.getByTestId('status-select').selectOption(statusId);
  await expect(ui.getByTestId('registration-state')).toHaveAttribute('data-state', registration);
}

/** A fresh app, signed in as `user` and Available. */
export async function availableAgent(
  browser: Browser,
  network: TestNetwork,
  user: SipTestUserName,
  options: {
    toneHz?: number;
    settings?: Partial<Settings>;
    headsetPort?: HeadsetPort;
    webHidHeadsets?: boolean;
    locale?: string;
    /** The user data folder to reuse: what an earlier run left there (history, settings). */
    userDataDir?: string;
    /** The OS's device list as a stand-in (fakeMediaDevices.ts), to hear what each output plays. */
    audioDevices?: readonly FakeAudioDevice[];
  } = {},
): Promise<HarnessApp> {
  const app = await startHarnessApp({
    browser,
    origin: network.origin,
    toneHz: options.toneHz ?? TONES.agent,
    ...(options.settings ? { settings: options.settings } : {}),
    ...(options.headsetPort ? { headsetPort: options.headsetPort } : {}),
    ...(options.webHidHeadsets ? { webHidHeadsets: true } : {}),
    ...(options.locale ? { locale: options.locale } : {}),
    ...(options.userDataDir ? { userDataDir: options.userDataDir } : {}),
    ...(options.audioDevices ? { audioDevices: options.audioDevices } : {}),
  });
  await signIn(app, network, user);
  await setStatus(app.ui, 'available', 'registered');
  return app;
}

export async function signOutAndClose(app: HarnessApp): Promise<void> {
  await app.ui.getByTestId('signout').click();
  await expect(app.ui.getByTestId('signin-form')).toBeVisible();
  await app.close();
}

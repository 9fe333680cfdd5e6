/**
 * The settings screen's Desktop section (G3, G5) through the real composition: a global
 * shortcut is recorded by pressing its keys, registered by the shell and answers a real call
 * through Kamailio with audio both ways; what is wrong with a shortcut (the same keys as another
 * action, a combination another application holds, no modifier) shows in plain words next to
 * it; start at login and the mini window's always-on-top reach the shell and are kept across a
 * restart. Everything is done with the keyboard, as an agent without a mouse would.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expectHears } from './audioAssertions';
import { availableAgent, signOutAndClose } from './agentSession';
import { expect, test, TONES } from './fixtures';
import { startHarnessApp } from './harness/HarnessApp';
import { measureOn } from './harness/audioProbe';
import { TestPhone } from './harness/TestPhone';
import { captureScreen } from './support/accessibility';

/** Opens the settings with the keyboard and goes to the Desktop section. */
async function openDesktopSettings(ui: Page): Promise<void> {
  await ui.getByTestId('settings-open').focus();
  await ui.keyboard.press('Enter');
  await expect(ui.getByTestId('settings-screen')).toBeVisible();
  await ui.getByRole('link', { name: 'Desktop' }).press('Enter');
  await expect(ui.getByTestId('settings-desktop')).toBeVisible();
}

/** Focuses a shortcut field and presses a combination in it, as the agent does. */
async function pressInField(ui: Page, action: string, keys: string): Promise<void> {
  const field = ui.getByTestId(`settings-shortcut-${action}`);
  await field.focus();
  await field.press(keys);
}

test.describe('settings: desktop section', () => {
  test('a shortcut recorded by pressing its keys in the settings is registered and answers a call with audio both ways', async ({
    browser,
    network,
  }) => {
    const app = await availableAgent(browser, network, 'agent2');
    const context = await browser.newContext();
    const customer = await TestPhone.open(context, network.engineUrl, TONES.customer);
    await customer.signIn(network.account('customer2'));

    await openDesktopSettings(app.ui);
    await pressInField(app.ui, 'answer', 'Alt+Shift+KeyA');
    await expect(app.ui.getByTestId('settings-shortcut-answer')).toHaveValue('Alt+Shift+A');
    await expect.poll(() => app.shell.shortcuts.get('answer')).toBe('Alt+Shift+A');
    // The old combination no longer answers anything; the others are untouched.
    expect([...app.shell.shortcuts.values()]).not.toContain('CommandOrControl+Shift+F7');
    expect(app.shell.shortcuts.get('hangUp')).toBe('CommandOrControl+Shift+F8');
    await app.ui.keyboard.press('Escape');
    app.shell.closeCcp();

    const callId = await customer.call(network.uri('agent2'));
    await expect
      .poll(() => app.main.desk.snapshot().contacts.some((c) => c.state === 'incoming'))
      .toBe(true);
    app.shell.pressShortcut('Alt+Shift+A');
    await customer.waitFor('confirmed', (event) => event.callId === callId);
    const [agentHears, customerHears] = await Promise.all([
      measureOn(app.engine, [TONES.customer]),
      customer.measure([TONES.agent]),
    ]);
    expectHears(agentHears, TONES.customer, 'agent');
    expectHears(customerHears, TONES.agent, 'customer');

    app.shell.pressShortcut('CommandOrControl+Shift+F8');
    await customer.waitFor('ended', (event) => event.callId === callId);
    app.shell.bringCcpToFront();
    await app.ui.getByTestId('clear-contact').click();
    await context.close();
    await signOutAndClose(app);
  });

  test('shortcut problems are named in plain words next to the field, and start at login and always-on-top reach the shell and survive a restart', async ({
    browser,
    network,
  }) => {
    const userDataDir = mkdtempSync(join(tmpdir(), 'openccp-desktop-settings-'));
    const start = () =>
      startHarnessApp({ browser, origin: network.origin, toneHz: TONES.agent, userDataDir });
    const app = await start();
    const { ui } = app;
    await openDesktopSettings(ui);
    await expect(ui.getByTestId('settings-shortcut-answer')).toHaveValue('Ctrl+Shift+F7');
    // Nothing chosen yet: the OS's login items are left alone.
    expect(app.shell.startAtLogin).toBeUndefined();

    // The same keys as Mute: Hold is not registered and the message names Mute.
    await pressInField(ui, 'toggleHold', 'Control+Shift+F9');
    await expect(ui.getByTestId('settings-shortcut-toggleHold-problem')).toHaveText(
      'These keys are already used for “Mute or unmute”. Press other keys.',
    );
    await expect(ui.getByTestId('settings-shortcut-toggleHold')).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    await expect.poll(() => app.shell.shortcuts.has('toggleHold')).toBe(false);

    // Held by another application: the OS refuses it when registering.
    app.shell.takenByOtherApps.add('CommandOrControl+Shift+K');
    await pressInField(ui, 'hangUp', 'Control+Shift+KeyK');
    await expect(ui.getByTestId('settings-shortcut-hangUp-problem')).toHaveText(
      'Another application already uses these keys. Press other keys, or close that application.',
    );

    // A plain key would swallow that key in every application.
    await pressInField(ui, 'answer', 'KeyJ');
    await expect(ui.getByTestId('settings-shortcut-answer-problem')).toContainText(
      'Add Ctrl, Alt or Shift',
    );
    await expect.poll(() => app.shell.shortcuts.has('answer')).toBe(false);

    // Start at login and always-on-top, with the space bar.
    await ui.getByTestId('settings-start-at-login').focus();
    await ui.keyboard.press('Space');
    await expect(ui.getByTestId('settings-start-at-login')).toBeChecked();
    await ui.keyboard.press('Tab');
    await expect(ui.getByTestId('settings-widget-on-top')).toBeFocused();
    await ui.keyboard.press('Space');
    await expect(ui.getByTestId('settings-widget-on-top')).toBeChecked();
    expect(app.shell.startAtLogin).toBe(true);
    expect(app.shell.widgetAlwaysOnTop).toBe(true);
    await captureScreen(ui, '63-settings-desktop');

    // Backspace switches a shortcut off; its problem goes with it.
    await pressInField(ui, 'answer', 'Backspace');
    await expect(ui.getByTestId('settings-shortcut-answer')).toHaveValue('Off');
    await expect(ui.getByTestId('settings-shortcut-answer-problem')).toHaveCount(0);
    await app.close();

    // The same settings folder: the choices are back, and the OS is told start at login again.
    const again = await start();
    expect(again.shell.startAtLogin).toBe(true);
    await openDesktopSettings(again.ui);
    await expect(again.ui.getByTestId('settings-start-at-login')).toBeChecked();
    await expect(again.ui.getByTestId('settings-widget-on-top')).toBeChecked();
    await expect(again.ui.getByTestId('settings-shortcut-answer')).toHaveValue('Off');
    await expect(again.ui.getByTestId('settings-shortcut-toggleHold')).toHaveValue('Ctrl+Shift+F9');
    await expect(again.ui.getByTestId('settings-shortcut-toggleHold-problem')).toBeVisible();
    await again.close();
    rmSync(userDataDir, { recursive: true, force: true });
  });
});

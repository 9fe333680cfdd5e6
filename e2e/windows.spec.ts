/**
 * The desktop around the desk: every UI window (the CCP window and, later, the compact widget)
 * renders the same DeskState and may act; a closed one drops out; launching the app again
 * brings the CCP window to the front.
 */
import type { Page } from '@playwright/test';
import type { CcpApi, DeskState } from '../common/contract';
import { setStatus, signIn, signOutAndClose } from './agentSession';
import { expect, test, TONES } from './fixtures';
import { startHarnessApp } from './harness/HarnessApp';

type Recording = { ccp: CcpApi; lastState?: DeskState };

/** Keeps the last DeskState the page was pushed, as its UI received it through the preload. */
async function recordStates(page: Page): Promise<void> {
  await page.evaluate(() => {
    const recording = window as unknown as Recording;
    recording.ccp.state.subscribe((state) => {
      recording.lastState = state;
    });
  });
}

const lastState = (page: Page) =>
  page.evaluate(() => (window as unknown as Recording).lastState ?? null);

/** Each page has been pushed the desk's current state. */
async function expectCurrent(desk: { snapshot(): DeskState }, ...pages: Page[]): Promise<void> {
  for (const page of pages) {
    await expect.poll(async () => (await lastState(page))?.revision).toBe(desk.snapshot().revision);
  }
}

test('two UI windows follow the same DeskState and both may act', async ({ browser, network }) => {
  const app = await startHarnessApp({ browser, origin: network.origin, toneHz: TONES.agent });
  const widget = await app.openUiWindow();
  await expect(widget.getByTestId('signin-form')).toBeVisible();
  await recordStates(app.ui);
  await recordStates(widget);

  // Signed in from the CCP window: the other window follows, at the same revision.
  await signIn(app, network, 'agent1');
  await expect(widget.getByTestId('status-select')).toHaveValue('offline');
  await expectCurrent(app.main.desk, app.ui, widget);
  expect(await lastState(widget)).toEqual(await lastState(app.ui));

  // An intent from the second window is the agent's too; the CCP window follows it.
  await setStatus(widget, 'available', 'registered');
  await expect(app.ui.getByTestId('status-select')).toHaveValue('available');
  await expectCurrent(app.main.desk, app.ui, widget);
  expect(await lastState(widget)).toEqual(await lastState(app.ui));

  // A closed window drops out; the CCP window goes on receiving.
  await widget.close();
  await setStatus(app.ui, 'break', 'registered');
  await expectCurrent(app.main.desk, app.ui);

  // Launching the app again brings the CCP window to the front.
  expect(app.shell.broughtToFront).toBe(0);
  app.shell.relaunch();
  expect(app.shell.broughtToFront).toBe(1);

  await signOutAndClose(app);
});

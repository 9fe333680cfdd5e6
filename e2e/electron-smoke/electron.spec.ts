/**
 * Electron smoke test: the built app in the real Electron binary. Run by `npm test` only where
 * that binary is installed (scripts/electronBinary.mjs decides and says so when it is not).
 */
import { _electron as electron, expect, test } from '@playwright/test';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

test('the app starts with its sign-in screen, both windows isolated, and the ccp API', async () => {
  const app = await electron.launch({ args: [ROOT], cwd: ROOT });
  try {
    const window = await app.firstWindow();
    await expect(window.getByTestId('signin-form')).toBeVisible();
    expect(await window.evaluate(() => typeof (window as unknown as { ccp?: unknown }).ccp)).toBe(
      'object',
    );
    // Both windows (the CCP and the hidden engine) are up, and neither page can reach Node.
    await expect.poll(() => app.windows().length).toBe(2);
    for (const page of app.windows()) {
      expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe(
        'undefined',
      );
    }
  } finally {
    await app.close();
  }
});

/**
 * The bench's agent signs in through the sign-in form like an agent would, and goes Available
 * with the line registered: the start of every row through the whole app.
 */
import type { Page } from '@playwright/test';
import type { EngineAccount } from '../common/contract';
import { SIP_DOMAIN, SIP_TEST_PASSWORDS, type SipTestUserName } from '../e2e/support/kamailio';

export async function signInAvailable(
  ui: Page,
  account: (user: SipTestUserName) => EngineAccount,
  user: 'agent1' | 'agent2',
): Promise<void> {
  await ui.getByTestId('signin-server').fill(account(user).serverUrls[0]!);
  await ui.getByTestId('signin-uri').fill(`sip:${user}@${SIP_DOMAIN}`);
  await ui.getByTestId('signin-authuser').fill(user);
  await ui.getByTestId('signin-password').fill(SIP_TEST_PASSWORDS[user]);
  await ui.getByTestId('signin-submit').click();
  await ui.getByTestId('status-select').selectOption('available');
  await ui.locator('[data-testid="registration-state"][data-state="registered"]').waitFor();
}

/**
 * Sign-in with the first server of the profile down (issue: Reliability, item 3): the engine
 * tries the servers in the profile's order and the agent signs in on the next one, every time.
 */
import { createServer, type AddressInfo } from 'node:net';
import { fillSignIn } from './agentSession';
import { expect, test, TONES } from './fixtures';
import { startHarnessApp } from './harness/HarnessApp';
import { SIP_TEST_PASSWORDS } from './support/kamailio';

/** A loopback port nothing listens on: connections to it are refused at once. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

test('with the first server down, sign-in moves on to the next server of the profile, three times out of three', async ({
  browser,
  network,
}) => {
  const down = `ws://127.0.0.1:${await closedPort()}/`;
  const app = await startHarnessApp({
    browser,
    origin: network.origin,
    toneHz: TONES.agent,
    settings: { profile: { schemaVersion: 1, servers: [down, network.wsUrl] } },
  });
  for (let attempt = 1; attempt <= 3; attempt++) {
    await fillSignIn(app.ui, network, 'agent2', SIP_TEST_PASSWORDS.agent2);
    await app.ui.getByTestId('signin-server').fill(down);
    await app.ui.getByTestId('signin-submit').click();
    await expect(app.ui.getByTestId('status-select'), `attempt ${attempt}`).toBeVisible();
    await expect(app.ui.getByTestId('registration-state')).not.toHaveAttribute(
      'data-state',
      'failed',
    );
    await app.ui.getByTestId('signout').click();
    await expect(app.ui.getByTestId('signin-form')).toBeVisible();
  }
  const log = await app.readLog();
  expect(log.match(/sign-in: server unreachable, trying the next/g)).toHaveLength(3);
  await app.close();
});

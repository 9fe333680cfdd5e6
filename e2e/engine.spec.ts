/**
 * Engine integration: the real engine bundle in Chromium pages against a real Kamailio.
 * No main process: each page is driven through a test bridge with the contract's commands.
 */
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import {
  signInErrorFromRegistration,
  signInErrorFromTransport,
} from '../main/desk/session/signInErrors';
import { expectHears } from './audioAssertions';
import { expect, test, TONES } from './fixtures';
import { TestPhone } from './harness/TestPhone';

test.describe('engine against Kamailio', () => {
  test('two engines register, call each other, and each hears the other one', async ({
    browser,
    network,
  }) => {
    const context = await browser.newContext();
    const agent = await TestPhone.open(context, network.engineUrl, TONES.agent);
    const customer = await TestPhone.open(context, network.engineUrl, TONES.customer);
    await agent.signIn(network.account('agent1'));
    await customer.signIn(network.account('customer1'));

    const outboundId = await customer.call(network.uri('agent1'));
    const offer = await agent.waitFor('incoming');
    expect(offer.from.user).toBe('customer1');
    await agent.command({ type: 'answer', callId: offer.callId });
    await agent.waitFor('confirmed', (event) => event.callId === offer.callId);
    await customer.waitFor('confirmed', (event) => event.callId === outboundId);

    const [agentHears, customerHears] = await Promise.all([
      agent.measure([TONES.customer, TONES.agent]),
      customer.measure([TONES.agent, TONES.customer]),
    ]);
    expectHears(agentHears, TONES.customer, 'agent');
    expectHears(customerHears, TONES.agent, 'customer');

    await customer.command({ type: 'hangup', callId: outboundId });
    const ended = await agent.waitFor('ended', (event) => event.callId === offer.callId);
    expect(ended).toMatchObject({ originator: 'remote', failed: false });
    await context.close();
  });

  test('a reject carries the status code the desk chose', async ({ browser, network }) => {
    const context = await browser.newContext();
    const agent = await TestPhone.open(context, network.engineUrl, TONES.agent);
    const customer = await TestPhone.open(context, network.engineUrl, TONES.customer);
    await agent.signIn(network.account('agent2'));
    await customer.signIn(network.account('customer2'));

    const callId = await customer.call(network.uri('agent2'));
    const offer = await agent.waitFor('incoming');
    await agent.command({ type: 'reject', callId: offer.callId, status: 486 });
    const failed = await customer.waitFor('ended', (event) => event.callId === callId);
    expect(failed).toMatchObject({ failed: true, statusCode: 486, cause: 'Busy' });
    await context.close();
  });

  test('a wrong password and an unreachable server fail differently', async ({
    browser,
    network,
  }) => {
    const context = await browser.newContext();
    const wrong = await TestPhone.open(context, network.engineUrl, TONES.agent);
    await wrong.command({
      type: 'connect',
      account: network.account('agent3', { password: 'not-the-password' }),
      register: true,
    });
    const refused = await wrong.waitFor('registration', (event) => event.state === 'failed');
    expect([401, 403, 407]).toContain(refused.statusCode);
    expect(signInErrorFromRegistration(refused).code).toBe('badCredentials');

    const closedPort = await freeLoopbackPort();
    const lost = await TestPhone.open(context, network.engineUrl, TONES.agent);
    await lost.command({
      type: 'connect',
      account: network.account('agent3', { serverUrls: [`ws://127.0.0.1:${closedPort}`] }),
      register: true,
    });
    const dropped = await lost.waitFor('transport', (event) => event.state === 'disconnected');
    expect(dropped.error).toBeTruthy();
    expect(signInErrorFromTransport(dropped.error).code).toBe('serverUnreachable');
    expect(
      (await lost.events()).some(
        (event) => event.type === 'registration' && event.state === 'registered',
      ),
    ).toBe(false);
    await context.close();
  });
});

/** A port nothing listens on: bound, read, and released again. */
async function freeLoopbackPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

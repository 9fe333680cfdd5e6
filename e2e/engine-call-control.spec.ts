/**
 * In-call control proven at the engine level (D3, D6): real engine pages on a real Kamailio,
 * driven with the contract's commands, and every claim checked by what the parties hear.
 *
 * Users: agent3 is the agent, customer3 the customer, supervisor1 the third party (the app
 * specs use agent1/agent2 with customer1/customer2 the most).
 */
import type { Browser, BrowserContext } from '@playwright/test';
import { expectDoesNotHear, expectHears, expectReceivesNothing } from './audioAssertions';
import { expect, test, type TestNetwork, TONES } from './fixtures';
import { TestPhone } from './harness/TestPhone';
import { ALL_TONES, drain, listen } from './listening';
import type { SipTestUserName } from './support/kamailio';

const AGENT = 'agent3';
const CUSTOMER = 'customer3';
const THIRD = 'supervisor1';

interface Parties {
  context: BrowserContext;
  agent: TestPhone;
  customer: TestPhone;
  third: TestPhone;
}

async function openParties(browser: Browser, network: TestNetwork): Promise<Parties> {
  const context = await browser.newContext();
  const open = async (user: SipTestUserName, tone: number) => {
    const phone = await TestPhone.open(context, network.engineUrl, tone);
    await phone.signIn(network.account(user));
    await phone.setAutoAnswer(true);
    return phone;
  };
  const [agent, customer, third] = await Promise.all([
    open(AGENT, TONES.agent),
    open(CUSTOMER, TONES.customer),
    open(THIRD, TONES.third),
  ]);
  return { context, agent, customer, third };
}

/** `from` calls `to` (who auto-answers); both callIds once both ends are confirmed. */
async function connect(
  network: TestNetwork,
  from: TestPhone,
  fromUser: SipTestUserName,
  to: TestPhone,
  toUser: SipTestUserName,
): Promise<{ fromCall: string; toCall: string }> {
  const fromCall = await from.call(network.uri(toUser), `${fromUser}-${toUser}-${Date.now()}`);
  const offer = await to.waitFor('incoming', (event) => event.from.user === fromUser);
  await from.waitFor('confirmed', (event) => event.callId === fromCall);
  await to.waitFor('confirmed', (event) => event.callId === offer.callId);
  return { fromCall, toCall: offer.callId };
}

function expectNotEnded(events: { type: string }[], who: string): void {
  expect(
    events.filter((event) => event.type === 'ended'),
    `${who}: no call ended`,
  ).toEqual([]);
}

test.describe('engine in-call control', () => {
  test('hold: the held side stops hearing the holder, resume brings audio back both ways', async ({
    browser,
    network,
  }) => {
    const { context, agent, customer } = await openParties(browser, network);
    const { fromCall: agentCall, toCall: customerCall } = await connect(
      network,
      agent,
      AGENT,
      customer,
      CUSTOMER,
    );
    let [agentHears, customerHears] = await listen(agent, customer);
    expectHears(agentHears, TONES.customer, 'agent');
    expectHears(customerHears, TONES.agent, 'customer');

    await agent.hold(agentCall, true);
    await agent.waitFor('hold', (event) => event.callId === agentCall && event.held);
    await customer.waitFor('remote-hold', (event) => event.callId === customerCall && event.held);
    await drain(agent.page);
    [agentHears, customerHears] = await listen(agent, customer);
    expectDoesNotHear(customerHears, TONES.agent, 'customer on hold');
    // a=sendonly: the holder does not take the held party's audio either; the call is up.
    expectReceivesNothing(agentHears, 'agent holding');
    expectNotEnded(await agent.events(), 'agent');

    await agent.hold(agentCall, false);
    await agent.waitFor('hold', (event) => event.callId === agentCall && !event.held);
    await customer.waitFor('remote-hold', (event) => event.callId === customerCall && !event.held);
    [agentHears, customerHears] = await listen(agent, customer);
    expectHears(agentHears, TONES.customer, 'agent after resume');
    expectHears(customerHears, TONES.agent, 'customer after resume');
    await context.close();
  });

  test('glare: both ends hold at once, both end up held after the RFC 3261 wait; resume too', async ({
    browser,
    network,
  }) => {
    const { context, agent, customer } = await openParties(browser, network);
    const { fromCall: agentCall, toCall: customerCall } = await connect(
      network,
      agent,
      AGENT,
      customer,
      CUSTOMER,
    );
    // A slow link: the two re-INVITEs cross on the wire, each end answers the other's 491.
    await Promise.all([agent.setSignalingDelay(150), customer.setSignalingDelay(150)]);

    for (const held of [true, false]) {
      const [agentAt, customerAt] = await Promise.all([
        agent.timedCommand({ type: 'hold', callId: agentCall, hold: held }),
        customer.timedCommand({ type: 'hold', callId: customerCall, hold: held }),
      ]);
      const [agentDone, customerDone] = await Promise.all([
        agent.waitFor('hold', (e) => e.callId === agentCall && e.held === held, 20_000),
        customer.waitFor('hold', (e) => e.callId === customerCall && e.held === held, 20_000),
      ]);
      for (const phone of [agent, customer]) {
        expect(await phone.sipSent(), 'each end refused the crossing re-INVITE').toContainEqual(
          expect.stringMatching(/SIP\/2\.0 491/),
        );
      }
      // The agent placed the call, owns the Call-ID and waits 2.1-4.0 s; the customer 0-2.0 s.
      expect(agentDone.at - agentAt).toBeGreaterThanOrEqual(2100);
      expect(customerDone.at - customerAt).toBeLessThan(agentDone.at - agentAt);
      expect(
        (await agent.events())
          .concat(await customer.events())
          .filter((e) => e.type === 'hold-failed'),
      ).toEqual([]);
      await Promise.all([agent.clearSipSent(), customer.clearSipSent()]);
      if (held) await drain(agent.page);
      const [agentHears, customerHears] = await listen(agent, customer);
      if (held) {
        // a=inactive both ways: neither side receives a track (the calls are checked below).
        expectReceivesNothing(agentHears, 'agent, both held');
        expectReceivesNothing(customerHears, 'customer, both held');
      } else {
        expectHears(agentHears, TONES.customer, 'agent, both resumed');
        expectHears(customerHears, TONES.agent, 'customer, both resumed');
      }
    }
    expectNotEnded(await agent.events(), 'agent');
    expectNotEnded(await customer.events(), 'customer');
    await context.close();
  });

  test('the far end re-INVITEs while we hold: our hold survives it', async ({
    browser,
    network,
  }) => {
    const { context, agent, customer } = await openParties(browser, network);
    const { fromCall: agentCall, toCall: customerCall } = await connect(
      network,
      agent,
      AGENT,
      customer,
      CUSTOMER,
    );
    await agent.hold(agentCall, true);
    await agent.waitFor('hold', (event) => event.callId === agentCall && event.held);

    // The customer's phone holds and resumes on its own: two re-INVITEs WebRTC answers for us.
    await customer.hold(customerCall, true);
    await customer.waitFor('hold', (event) => event.callId === customerCall && event.held);
    await agent.waitFor('remote-hold', (event) => event.callId === agentCall && event.held);
    await customer.hold(customerCall, false);
    await customer.waitFor('hold', (event) => event.callId === customerCall && !event.held);
    await agent.waitFor('remote-hold', (event) => event.callId === agentCall && !event.held);

    await drain(agent.page);
    let [agentHears, customerHears] = await listen(agent, customer);
    expectDoesNotHear(customerHears, TONES.agent, 'customer, still held by the agent');
    expectReceivesNothing(agentHears, 'agent, still holding');
    expectNotEnded(await agent.events(), 'agent');
    expectNotEnded(await customer.events(), 'customer');

    await agent.hold(agentCall, false);
    await agent.waitFor('hold', (event) => event.callId === agentCall && !event.held);
    [agentHears, customerHears] = await listen(agent, customer);
    expectHears(agentHears, TONES.customer, 'agent after resume');
    expectHears(customerHears, TONES.agent, 'customer after resume');
    await context.close();
  });

  test('mute silences the agent for the far side only; quality is reported', async ({
    browser,
    network,
  }) => {
    const { context, agent, customer } = await openParties(browser, network);
    const { fromCall: agentCall } = await connect(network, agent, AGENT, customer, CUSTOMER);

    await agent.mute(agentCall, true);
    await drain(agent.page);
    const [agentHears, customerHears] = await listen(agent, customer);
    expectDoesNotHear(customerHears, TONES.agent, 'customer, agent muted');
    expectHears(agentHears, TONES.customer, 'muted agent');

    await agent.mute(agentCall, false);
    expectHears(await customer.measure(ALL_TONES), TONES.agent, 'customer after unmute');

    // Loopback is a perfect network: the E-model says about 4.4.
    const quality = await agent.waitFor('quality', (event) => event.callId === agentCall);
    expect(quality.mos).toBeGreaterThan(4.2);
    expect(quality.lossPct).toBeLessThan(1);
    await context.close();
  });

  test('DTMF: SIP INFO digits arrive in order, RFC 4733 digits are heard in order', async ({
    browser,
    network,
  }) => {
    const { context, agent, customer } = await openParties(browser, network);
    const { fromCall: agentCall, toCall: customerCall } = await connect(
      network,
      agent,
      AGENT,
      customer,
      CUSTOMER,
    );
    // The agent's own tone would sit next to 697 Hz: keep only the digits on the line.
    await agent.setMicrophoneGain(0);

    await agent.sendDtmf(agentCall, '123#', 'info');
    await expect
      .poll(async () =>
        (await customer.events())
          .filter((e) => e.type === 'dtmf' && e.callId === customerCall)
          .map((e) => (e.type === 'dtmf' ? `${e.tone}/${e.originator}/${e.via}` : '')),
      )
      .toEqual(['1/remote/info', '2/remote/info', '3/remote/info', '#/remote/info']);

    // RFC 4733 in the audio stream: Chromium's NetEq plays the events out as tones.
    await agent.clearEvents();
    const heard = customer.listenForDtmf(3500);
    await agent.sendDtmf(agentCall, '123#', 'rfc4733');
    expect(await heard).toBe('123#');
    const sent = (await agent.events()).filter((e) => e.type === 'dtmf');
    expect(
      sent.map((e) => (e.type === 'dtmf' ? `${e.tone}/${e.originator}/${e.via}` : '')),
    ).toEqual(['1/local/rfc4733', '2/local/rfc4733', '3/local/rfc4733', '#/local/rfc4733']);

    // auto picks RFC 4733: both Chromium ends negotiate telephone-event.
    await agent.clearEvents();
    const heardAuto = customer.listenForDtmf(2500);
    await agent.sendDtmf(agentCall, '900', 'auto');
    expect(await heardAuto).toBe('900');
    await expect
      .poll(async () => (await agent.events()).filter((e) => e.type === 'dtmf').length)
      .toBe(3);
    expect((await agent.events()).every((e) => e.type !== 'dtmf' || e.via === 'rfc4733')).toBe(
      true,
    );
    await context.close();
  });

  test('mix: with two calls joined, customer and third party hear the agent and each other', async ({
    browser,
    network,
  }) => {
    const { context, agent, customer, third } = await openParties(browser, network);
    const { fromCall: customerLeg } = await connect(network, agent, AGENT, customer, CUSTOMER);
    const { fromCall: thirdLeg } = await connect(network, agent, AGENT, third, THIRD);

    let [customerHears, thirdHears] = await listen(customer, third);
    expectDoesNotHear(customerHears, TONES.third, 'customer before the join');
    expectDoesNotHear(thirdHears, TONES.customer, 'third party before the join');

    await agent.command({ type: 'mix', callIds: [customerLeg, thirdLeg] });
    [customerHears, thirdHears] = await listen(customer, third);
    expectHears(customerHears, TONES.agent, 'customer in the conference');
    expectHears(customerHears, TONES.third, 'customer in the conference');
    expectHears(thirdHears, TONES.agent, 'third party in the conference');
    expectHears(thirdHears, TONES.customer, 'third party in the conference');
    expectDoesNotHear(customerHears, TONES.customer, 'customer (no echo of themselves)');

    // Mute: the agent's voice leaves the mix, the parties still hear each other.
    await agent.mute(customerLeg, true);
    await agent.mute(thirdLeg, true);
    await drain(agent.page);
    [customerHears, thirdHears] = await listen(customer, third);
    expectDoesNotHear(customerHears, TONES.agent, 'customer, agent muted in the conference');
    expectHears(customerHears, TONES.third, 'customer, agent muted in the conference');
    expectHears(thirdHears, TONES.customer, 'third party, agent muted in the conference');
    await agent.mute(customerLeg, false);
    await agent.mute(thirdLeg, false);

    // Hold one leg: it sends nothing; resume brings the mix back, not just the microphone.
    await agent.hold(thirdLeg, true);
    await agent.waitFor('hold', (event) => event.callId === thirdLeg && event.held);
    await drain(agent.page);
    [customerHears, thirdHears] = await listen(customer, third);
    expectDoesNotHear(thirdHears, TONES.agent, 'third party on hold');
    expectDoesNotHear(thirdHears, TONES.customer, 'third party on hold');
    expectDoesNotHear(customerHears, TONES.third, 'customer while the third party is held');
    expectHears(customerHears, TONES.agent, 'customer while the third party is held');
    await agent.hold(thirdLeg, false);
    await agent.waitFor('hold', (event) => event.callId === thirdLeg && !event.held);
    [customerHears, thirdHears] = await listen(customer, third);
    expectHears(thirdHears, TONES.agent, 'third party after resume');
    expectHears(thirdHears, TONES.customer, 'third party after resume');
    expectHears(customerHears, TONES.third, 'customer after the third party resumed');

    // Unjoined: back to two separate calls.
    await agent.command({ type: 'mix', callIds: [] });
    await drain(agent.page);
    [customerHears, thirdHears] = await listen(customer, third);
    expectHears(customerHears, TONES.agent, 'customer after the split');
    expectDoesNotHear(customerHears, TONES.third, 'customer after the split');
    expectDoesNotHear(thirdHears, TONES.customer, 'third party after the split');
    await context.close();
  });

  test('attended transfer: REFER with Replaces connects customer and third party, agent drops', async ({
    browser,
    network,
  }) => {
    const { context, agent, customer, third } = await openParties(browser, network);
    await customer.setAcceptRefers(true);
    const { fromCall: customerLeg, toCall: customerCall } = await connect(
      network,
      agent,
      AGENT,
      customer,
      CUSTOMER,
    );
    const { fromCall: thirdLeg, toCall: thirdCall } = await connect(
      network,
      agent,
      AGENT,
      third,
      THIRD,
    );
    await agent.hold(customerLeg, true);
    await agent.waitFor('hold', (event) => event.callId === customerLeg && event.held);

    await agent.command({
      type: 'attended-transfer',
      callId: customerLeg,
      replacesCallId: thirdLeg,
    });
    const refer = await customer.waitFor('refer', (event) => event.callId === customerCall);
    expect(refer.replaces).toBe(true);
    expect(refer.target).toContain(THIRD);
    await customer.waitFor('replaced', (event) => event.callId === customerCall);
    const replaced = await third.waitFor('replaced', (event) => event.callId === thirdCall);
    expect(replaced.peer.user).toBe(CUSTOMER);
    await agent.waitFor('transfer', (event) => event.callId === customerLeg);
    expect(
      (await agent.events()).find((e) => e.type === 'transfer' && e.callId === customerLeg),
    ).toMatchObject({ outcome: 'accepted' });
    // The third party's INVITE with Replaces ended the agent's consult leg; main ends the other.
    await agent.waitFor('ended', (event) => event.callId === thirdLeg);
    await agent.command({ type: 'hangup', callId: customerLeg });
    await agent.waitFor('ended', (event) => event.callId === customerLeg);

    await drain(agent.page);
    const [customerHears, thirdHears] = await listen(customer, third);
    expectHears(customerHears, TONES.third, 'customer after the transfer');
    expectHears(thirdHears, TONES.customer, 'third party after the transfer');
    expectDoesNotHear(customerHears, TONES.agent, 'customer after the transfer');
    expectDoesNotHear(thirdHears, TONES.agent, 'third party after the transfer');
    // Same calls for the two parties: nothing ended, no new offer rang.
    expectNotEnded(await customer.events(), 'customer');
    expectNotEnded(await third.events(), 'third party');
    expect((await third.events()).filter((e) => e.type === 'incoming')).toHaveLength(1);
    await context.close();
  });

  test('blind transfer: the customer ends up talking to the target', async ({
    browser,
    network,
  }) => {
    const { context, agent, customer, third } = await openParties(browser, network);
    await customer.setAcceptRefers(true);
    const { fromCall: customerLeg, toCall: customerCall } = await connect(
      network,
      agent,
      AGENT,
      customer,
      CUSTOMER,
    );
    await agent.command({
      type: 'blind-transfer',
      callId: customerLeg,
      target: network.uri(THIRD),
    });
    const refer = await customer.waitFor('refer', (event) => event.callId === customerCall);
    expect(refer.replaces).toBe(false);
    const replaced = await customer.waitFor('replaced', (event) => event.callId === customerCall);
    expect(replaced.peer.user).toBe(THIRD);
    const outcome = await agent.waitFor('transfer', (event) => event.callId === customerLeg);
    expect(outcome.outcome).toBe('accepted');
    await agent.command({ type: 'hangup', callId: customerLeg });
    await agent.waitFor('ended', (event) => event.callId === customerLeg);

    await drain(agent.page);
    const [customerHears, thirdHears] = await listen(customer, third);
    expectHears(customerHears, TONES.third, 'customer after the blind transfer');
    expectHears(thirdHears, TONES.customer, 'target after the blind transfer');
    expectDoesNotHear(customerHears, TONES.agent, 'customer after the blind transfer');
    expectNotEnded(await customer.events(), 'customer');
    await context.close();
  });

  test('a refused or failing transfer is reported and the call goes on as it was', async ({
    browser,
    network,
  }) => {
    const { context, agent, customer } = await openParties(browser, network);
    const { fromCall: customerLeg, toCall: customerCall } = await connect(
      network,
      agent,
      AGENT,
      customer,
      CUSTOMER,
    );

    // The customer's side refuses to follow: NOTIFY 603.
    await agent.command({
      type: 'blind-transfer',
      callId: customerLeg,
      target: network.uri(THIRD),
    });
    await customer.waitFor('refer', (event) => event.callId === customerCall);
    await customer.command({ type: 'refer-answer', callId: customerCall, accept: false });
    const refused = await agent.waitFor('transfer', (event) => event.callId === customerLeg);
    expect(refused).toMatchObject({ outcome: 'failed', statusCode: 603 });

    // The customer's side follows, but the target does not exist: NOTIFY 404; the customer
    // stays on its call with the agent.
    await agent.clearEvents();
    await customer.clearEvents();
    await customer.setAcceptRefers(true);
    await agent.command({
      type: 'blind-transfer',
      callId: customerLeg,
      target: 'sip:nobody@openccp.test',
    });
    const failed = await agent.waitFor('transfer', (event) => event.callId === customerLeg);
    expect(failed).toMatchObject({ outcome: 'failed', statusCode: 404 });
    const error = await customer.waitFor(
      'command-error',
      (event) => event.command === 'refer-answer',
    );
    expect(error.message).toContain('transfer target failed');
    expect((await customer.events()).filter((e) => e.type === 'replaced')).toEqual([]);

    const [agentHears, customerHears] = await listen(agent, customer);
    expectHears(agentHears, TONES.customer, 'agent after the failed transfers');
    expectHears(customerHears, TONES.agent, 'customer after the failed transfers');
    expectNotEnded(await agent.events(), 'agent');
    expectNotEnded(await customer.events(), 'customer');
    await context.close();
  });
});

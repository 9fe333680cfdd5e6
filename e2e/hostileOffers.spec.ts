/**
 * Offers no real phone would send, from a caller written by hand (issue: Reliability): the
 * agent still sees them ring, and what the caller controls cannot deceive the agent.
 */
import { availableAgent, signOutAndClose } from './agentSession';
import { expectHears } from './audioAssertions';
import { expect, test, TONES } from './fixtures';
import { measureOn } from './harness/audioProbe';
import { TestPhone } from './harness/TestPhone';
import { sendRawInvite } from './support/rawSipCaller';
import { captureScreen } from './support/accessibility';

test('an offer with Expires past the timer limit rings the agent, and a bidi-override name is shown cleaned', async ({
  browser,
  network,
}) => {
  const agent = await availableAgent(browser, network, 'agent1');
  const caller = await sendRawInvite({
    sipPort: network.sipPort,
    to: 'sip:agent1@openccp.test',
    // U+202E turns what follows around: "knab" would read as "bank", a spoofed caller ID.
    displayName: 'Support \u202Eknab',
    fromUri: 'sip:+15550001@pstn.example',
    extraHeaders: ['Expires: 2147484'],
  });
  try {
    const banner = agent.ui.getByTestId('incoming-banner');
    await expect(banner).toBeVisible();
    await expect(banner).toContainText('Support knab');
    expect(await banner.textContent()).not.toContain('\u202E');
    // JsSIP's overflowing Expires timer used to answer 487 at once: the offer must keep ringing.
    await agent.ui.waitForTimeout(1_500);
    await expect(banner).toBeVisible();
    expect(caller.responses.some((line) => line.startsWith('SIP/2.0 487'))).toBe(false);
    expect(caller.responses).toContain('SIP/2.0 180 Ringing');

    await agent.ui.getByTestId('reject').click();
    await expect.poll(() => caller.responses.at(-1)).toMatch(/^SIP\/2\.0 486/);
  } finally {
    caller.close();
  }
  await signOutAndClose(agent);
});

test('an INVITE with Replaces for the agent call is refused with 403: the call stays with the agent, audio both ways', async ({
  browser,
  network,
}) => {
  const agent = await availableAgent(browser, network, 'agent1');
  const context = await browser.newContext();
  const customer = await TestPhone.open(context, network.engineUrl, TONES.customer);
  await customer.signIn(network.account('customer1'));
  const customerCall = await customer.call(network.uri('agent1'));
  await agent.ui.getByTestId('accept').click();
  const contact = agent.ui.getByTestId('contact-view');
  await expect(contact).toHaveAttribute('data-state', 'connected');
  await customer.waitFor('confirmed', (event) => event.callId === customerCall);

  // The customer's ACK names the dialog as Kamailio relayed it; seen from the agent, its own
  // tag is the To tag. A Replaces naming it is what an intruder who sniffed the call would send.
  const dialog = await customer.lastDialog();
  const intruder = await sendRawInvite({
    sipPort: network.sipPort,
    to: 'sip:agent1@openccp.test',
    displayName: 'Intruder',
    fromUri: 'sip:intruder@evil.example',
    extraHeaders: [`Replaces: ${dialog.callId};to-tag=${dialog.toTag};from-tag=${dialog.fromTag}`],
  });
  try {
    await expect
      .poll(() => intruder.responses.find((line) => /^SIP\/2\.0 [2-6]\d\d/.test(line)))
      .toBe('SIP/2.0 403 Replaces Not Allowed');
    await expect(agent.ui.getByTestId('notice')).toHaveAttribute('data-code', 'replacesRefused');
    await expect(agent.ui.getByTestId('notice')).toContainText('take over this call');
    await captureScreen(agent.ui, '40-replaces-refused');
    await expect(contact).toHaveAttribute('data-state', 'connected');
    await expect(contact).toContainText('customer1');
    expect(agent.main.desk.snapshot().contacts).toHaveLength(1);
    expect((await customer.events()).filter((event) => event.type === 'ended')).toEqual([]);
    const [agentHears, customerHears] = await Promise.all([
      measureOn(agent.engine, [TONES.customer]),
      customer.measure([TONES.agent]),
    ]);
    expectHears(agentHears, TONES.customer, 'agent after the refused takeover');
    expectHears(customerHears, TONES.agent, 'customer after the refused takeover');
  } finally {
    intruder.close();
  }
  await agent.ui.getByTestId('end-call').click();
  await expect(agent.ui.getByTestId('acw-view')).toBeVisible();
  await agent.ui.getByTestId('clear-contact').click();
  await context.close();
  await signOutAndClose(agent);
});

/** Offers whose SDP Chromium cannot apply, each a different way; the codec line is fine. */
const GARBAGE_SDP: Record<string, (port: number) => string> = {
  'a line that is not SDP at all': (port) =>
    ['v=0', 'garbage line', `m=audio ${port} RTP/AVP 0`, 'a=rtpmap:0 PCMU/8000', ''].join('\r\n'),
  'no connection address anywhere': (port) =>
    [
      'v=0',
      'o=- 1 1 IN IP4 127.0.0.1',
      's=-',
      't=0 0',
      `m=audio ${port} RTP/AVP 0`,
      'a=rtpmap:0 PCMU/8000',
      '',
    ].join('\r\n'),
  'broken ssrc, candidate and fingerprint attributes': (port) =>
    [
      'v=0',
      'o=- 1 1 IN IP4 127.0.0.1',
      's=-',
      'c=IN IP4 127.0.0.1',
      't=0 0',
      `m=audio ${port} RTP/AVP 0`,
      'a=rtpmap:0 PCMU/8000',
      'a=ssrc:notanumber cname:x',
      'a=candidate:garbage',
      'a=fingerprint:sha-256 ZZ',
      '',
    ].join('\r\n'),
};

for (const [damage, sdp] of Object.entries(GARBAGE_SDP)) {
  test(`an accepted offer with ${damage} in its SDP is refused 488 and the agent is told why`, async ({
    browser,
    network,
  }) => {
    const agent = await availableAgent(browser, network, 'agent1');
    const caller = await sendRawInvite({
      sipPort: network.sipPort,
      to: 'sip:agent1@openccp.test',
      displayName: 'Gateway',
      fromUri: 'sip:+15550001@pstn.example',
      sdp,
    });
    try {
      await agent.ui.getByTestId('accept').click();
      await expect(agent.ui.getByTestId('acw-view')).toBeVisible();
      await expect(agent.ui.getByTestId('end-message')).toHaveText(
        'No audio path could be agreed with the other side. Try the call again; if it keeps failing, tell IT.',
      );
      await expect(agent.ui.getByTestId('acw-view')).toContainText('setRemoteDescription');
      await expect.poll(() => caller.responses.at(-1)).toMatch(/^SIP\/2\.0 488/);
      await agent.ui.getByTestId('clear-contact').click();
    } finally {
      caller.close();
    }
    await signOutAndClose(agent);
  });
}

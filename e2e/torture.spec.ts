/**
 * A hostile SIP server (issue: Reliability): the agent signs in to a server written by hand,
 * which then sends down the agent's connection every torture message of RFC 4475 (valid but
 * tortuous, and invalid), then a good INVITE. The engine must survive them all, stay
 * registered, and ring for the good offer; refusing it reaches the server as 486.
 */
import { randomBytes } from 'node:crypto';
import { availableAgent, signOutAndClose } from './agentSession';
import { expect, test } from './fixtures';
import { startHostileSipServer } from './support/hostileSipServer';
import { TORTURE_MESSAGES } from './torture/rfc4475';

function goodInvite(callId: string): string {
  const body = [
    'v=0',
    'o=- 4242 1 IN IP4 192.0.2.10',
    's=-',
    'c=IN IP4 192.0.2.10',
    't=0 0',
    'm=audio 40000 RTP/AVP 0',
    'a=rtpmap:0 PCMU/8000',
    '',
  ].join('\r\n');
  return [
    'INVITE sip:agent1@openccp.test SIP/2.0',
    `Via: SIP/2.0/WSS hostile.invalid;branch=z9hG4bK${randomBytes(6).toString('hex')}`,
    'Max-Forwards: 70',
    'From: "Good Caller" <sip:+15550100@pstn.example>;tag=good1',
    'To: <sip:agent1@openccp.test>',
    `Call-ID: ${callId}`,
    'CSeq: 1 INVITE',
    'Contact: <sip:caller@hostile.invalid;transport=ws>',
    'Content-Type: application/sdp',
    `Content-Length: ${Buffer.byteLength(body)}`,
    '',
    body,
  ].join('\r\n');
}

test(`after RFC 4475's ${TORTURE_MESSAGES.length} torture messages from a hostile server, the agent stays registered and a good INVITE rings`, async ({
  browser,
  network,
}) => {
  const server = await startHostileSipServer();
  try {
    const agent = await availableAgent(browser, { ...network, wsUrl: server.url }, 'agent1');
    await server.registered();
    for (const torture of TORTURE_MESSAGES) server.send(torture.text);

    const callId = `good.${randomBytes(6).toString('hex')}@hostile.invalid`;
    server.send(goodInvite(callId));
    const banner = agent.ui.getByTestId('incoming-banner');
    await expect(banner).toBeVisible();
    await expect(banner).toContainText('Good Caller');
    await agent.ui.getByTestId('reject').click();
    await expect
      .poll(() => server.received.some((m) => m.startsWith('SIP/2.0 486') && m.includes(callId)))
      .toBe(true);

    await expect(agent.ui.getByTestId('registration-state')).toHaveAttribute(
      'data-state',
      'registered',
    );
    expect(agent.shell.engineRestarts).toBe(0);
    await expect(agent.ui.getByTestId('notice')).toHaveCount(0);
    // The torture requests were for other users: none of them may have rung.
    expect(agent.main.desk.snapshot().contacts).toEqual([]);
    await signOutAndClose(agent);
  } finally {
    await server.close();
  }
});

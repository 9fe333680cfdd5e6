/**
 * A caller written by hand on a UDP socket: it sends exactly the INVITE a test needs (hostile
 * headers a real phone would never produce), collects what comes back, and acknowledges final
 * failures, so the test server sees a well-behaved transaction around the odd request.
 */
import { randomBytes } from 'node:crypto';
import dgram from 'node:dgram';

export interface RawInvite {
  /** Kamailio's UDP port on 127.0.0.1. */
  sipPort: number;
  /** sip:agent1@openccp.test */
  to: string;
  /** The From header's display name, sent as is (UTF-8). */
  displayName: string;
  /** From a foreign domain: the test server lets unauthenticated callers reach its users. */
  fromUri: string;
  extraHeaders?: readonly string[];
}

export interface RawCall {
  /** Status lines received so far, in order ("SIP/2.0 180 Ringing"). */
  readonly responses: string[];
  close(): void;
}

const SDP = (port: number) =>
  [
    'v=0',
    `o=- ${port} 1 IN IP4 127.0.0.1`,
    's=-',
    'c=IN IP4 127.0.0.1',
    't=0 0',
    `m=audio ${port} RTP/AVP 0 101`,
    'a=rtpmap:0 PCMU/8000',
    'a=rtpmap:101 telephone-event/8000',
    'a=sendrecv',
    '',
  ].join('\r\n');

export async function sendRawInvite(invite: RawInvite): Promise<RawCall> {
  const socket = dgram.createSocket('udp4');
  await new Promise<void>((resolve) => socket.bind({ address: '127.0.0.1', port: 0 }, resolve));
  const local = socket.address().port;
  const id = randomBytes(8).toString('hex');
  const branch = `z9hG4bK${id}`;
  const fromTag = randomBytes(4).toString('hex');
  const responses: string[] = [];
  const body = SDP(local + 2);
  const headers = [
    `INVITE ${invite.to} SIP/2.0`,
    `Via: SIP/2.0/UDP 127.0.0.1:${local};branch=${branch};rport`,
    'Max-Forwards: 70',
    `From: "${invite.displayName}" <${invite.fromUri}>;tag=${fromTag}`,
    `To: <${invite.to}>`,
    `Call-ID: ${id}@127.0.0.1`,
    'CSeq: 1 INVITE',
    `Contact: <sip:caller@127.0.0.1:${local}>`,
    ...(invite.extraHeaders ?? []),
    'Content-Type: application/sdp',
    `Content-Length: ${Buffer.byteLength(body)}`,
  ];
  socket.on('message', (message) => {
    const text = message.toString('utf8');
    const statusLine = text.slice(0, text.indexOf('\r\n'));
    if (!statusLine.startsWith('SIP/2.0 ')) return;
    responses.push(statusLine);
    const status = Number(statusLine.split(' ')[1]);
    if (status >= 300) {
      // ACK for a final failure is part of the INVITE transaction: same branch, same CSeq.
      const toHeader = /^To:.*$/im.exec(text)?.[0] ?? `To: <${invite.to}>`;
      const ack = [
        `ACK ${invite.to} SIP/2.0`,
        `Via: SIP/2.0/UDP 127.0.0.1:${local};branch=${branch};rport`,
        'Max-Forwards: 70',
        `From: "${invite.displayName}" <${invite.fromUri}>;tag=${fromTag}`,
        toHeader,
        `Call-ID: ${id}@127.0.0.1`,
        'CSeq: 1 ACK',
        'Content-Length: 0',
        '',
        '',
      ].join('\r\n');
      socket.send(ack, invite.sipPort, '127.0.0.1');
    }
  });
  socket.send(`${headers.join('\r\n')}\r\n\r\n${body}`, invite.sipPort, '127.0.0.1');
  return { responses, close: () => socket.close() };
}

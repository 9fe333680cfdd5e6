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
  /** The offer's body as sent; a plain PCMU offer on the port beside the caller's by default. */
  sdp?: (port: number) => string;
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

/** What identifies one INVITE transaction on the wire. */
export interface InviteIds {
  /** Call-ID without the host part; also the branch's suffix. */
  id: string;
  fromTag: string;
}

export function newInviteIds(): InviteIds {
  return { id: randomBytes(8).toString('hex'), fromTag: randomBytes(4).toString('hex') };
}

/** The INVITE as sent from 127.0.0.1:`local`, with an SDP offer for a port beside it. */
export function inviteText(invite: RawInvite, local: number, ids: InviteIds): string {
  const body = (invite.sdp ?? SDP)(local + 2);
  const headers = [
    `INVITE ${invite.to} SIP/2.0`,
    `Via: SIP/2.0/UDP 127.0.0.1:${local};branch=z9hG4bK${ids.id};rport`,
    'Max-Forwards: 70',
    `From: "${invite.displayName}" <${invite.fromUri}>;tag=${ids.fromTag}`,
    `To: <${invite.to}>`,
    `Call-ID: ${ids.id}@127.0.0.1`,
    'CSeq: 1 INVITE',
    `Contact: <sip:caller@127.0.0.1:${local}>`,
    ...(invite.extraHeaders ?? []),
    'Content-Type: application/sdp',
    `Content-Length: ${Buffer.byteLength(body)}`,
  ];
  return `${headers.join('\r\n')}\r\n\r\n${body}`;
}

/**
 * The ACK of a final failure: part of the INVITE transaction (same branch, same CSeq), with
 * the To header of the response (its tag).
 */
export function ackText(
  invite: RawInvite,
  local: number,
  ids: InviteIds,
  response: string,
): string {
  const toHeader = /^To:.*$/im.exec(response)?.[0] ?? `To: <${invite.to}>`;
  return [
    `ACK ${invite.to} SIP/2.0`,
    `Via: SIP/2.0/UDP 127.0.0.1:${local};branch=z9hG4bK${ids.id};rport`,
    'Max-Forwards: 70',
    `From: "${invite.displayName}" <${invite.fromUri}>;tag=${ids.fromTag}`,
    toHeader,
    `Call-ID: ${ids.id}@127.0.0.1`,
    'CSeq: 1 ACK',
    'Content-Length: 0',
    '',
    '',
  ].join('\r\n');
}

/** A SIP MESSAGE (a text, as an SMS gateway sends one) from 127.0.0.1:`local`. */
export function messageText(
  invite: RawInvite,
  local: number,
  ids: InviteIds,
  text: string,
  /** A file instead of text: its own Content-Type and the extra headers (docs/chat.md). */
  body: { contentType: string; headers: readonly string[] } = {
    contentType: 'text/plain;charset=UTF-8',
    headers: [],
  },
): string {
  return [
    `MESSAGE ${invite.to} SIP/2.0`,
    `Via: SIP/2.0/UDP 127.0.0.1:${local};branch=z9hG4bK${ids.id};rport`,
    'Max-Forwards: 70',
    `From: "${invite.displayName}" <${invite.fromUri}>;tag=${ids.fromTag}`,
    `To: <${invite.to}>`,
    `Call-ID: ${ids.id}@127.0.0.1`,
    'CSeq: 1 MESSAGE',
    ...body.headers,
    `Content-Type: ${body.contentType}`,
    `Content-Length: ${Buffer.byteLength(text)}`,
    '',
    text,
  ].join('\r\n');
}

/** The status line of a response ("SIP/2.0 486 Busy Here"), or undefined for a request. */
export function statusLineOf(text: string): string | undefined {
  const line = text.slice(0, text.indexOf('\r\n'));
  return line.startsWith('SIP/2.0 ') ? line : undefined;
}

export async function sendRawInvite(invite: RawInvite): Promise<RawCall> {
  const socket = dgram.createSocket('udp4');
  await new Promise<void>((resolve) => socket.bind({ address: '127.0.0.1', port: 0 }, resolve));
  const local = socket.address().port;
  const ids = newInviteIds();
  const responses: string[] = [];
  socket.on('message', (message) => {
    const text = message.toString('utf8');
    const statusLine = statusLineOf(text);
    if (!statusLine) return;
    responses.push(statusLine);
    if (Number(statusLine.split(' ')[1]) >= 300) {
      socket.send(ackText(invite, local, ids, text), invite.sipPort, '127.0.0.1');
    }
  });
  socket.send(inviteText(invite, local, ids), invite.sipPort, '127.0.0.1');
  return { responses, close: () => socket.close() };
}

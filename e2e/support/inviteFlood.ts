/**
 * A flood of INVITEs (or MESSAGEs) from one hand-written UDP caller (rawSipCaller's messages), paced at a
 * fixed rate: what a misbehaving dialer or an attacker sends a contact center. Each INVITE is
 * its own transaction; final failures are acknowledged so the server stops retransmitting.
 * Over UDP a datagram may be lost (a receive buffer full while a process is starved of CPU):
 * like any SIP client (RFC 3261 timers A and E), the flood resends what is still unanswered,
 * every 500 ms doubling to 4 s, so "unanswered" counts requests the server never answered, not
 * datagrams the machine dropped.
 */
import dgram from 'node:dgram';
import {
  ackText,
  inviteText,
  newInviteIds,
  statusLineOf,
  type InviteIds,
  messageText,
  type RawInvite,
} from './rawSipCaller';
import { sleep } from './daemon';

/**
 * How long the flood waits for the last finals once it has sent everything. Past Kamailio's
 * fr_timer (30 s in the test server) a request the agent never answered gets its 408 from the
 * proxy, so every request has a final by then: "unanswered" means lost, never merely slow. On a
 * CPU-starved machine the agent's 486s trail the flood by seconds (a backlog, measured in
 * answerMs), which a 5 s wait once counted as unanswered. The wait ends as soon as all are in.
 */
const SETTLE_MS = 35_000;

/** RFC 3261's T1 and T2: the first resend after 500 ms, then doubling up to 4 s. */
const RETRANSMIT_FIRST_MS = 500;
const RETRANSMIT_MAX_MS = 4_000;

export interface FloodResult {
  sent: number;
  /** Final responses by status code ("486": 998). */
  finals: Record<string, number>;
  /** INVITEs that got no final response before the wait ended. */
  unanswered: number;
  /** Milliseconds from a request's first sending to its final response: median, p99 and the slowest. */
  answerMs: { p50: number; p99: number; max: number };
  /** Datagrams sent again because no final had come (RFC 3261 timers A and E). */
  resent: number;
}

/** The p-th percentile (nearest rank) of a sample; NaN when it is empty. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

export async function floodInvites(
  invite: RawInvite,
  options: { count: number; perSecond: number; settleMs?: number; method?: 'INVITE' | 'MESSAGE' },
): Promise<FloodResult> {
  const method = options.method ?? 'INVITE';
  const socket = dgram.createSocket('udp4');
  await new Promise<void>((resolve) => socket.bind({ address: '127.0.0.1', port: 0 }, resolve));
  const local = socket.address().port;
  const pending = new Map<string, InviteIds>();
  /** The text of each request still unanswered, resent as it was (same branch: a retransmission). */
  const texts = new Map<string, string>();
  const finals: Record<string, number> = {};
  const firstSentAt = new Map<string, number>();
  const answerMs: number[] = [];
  let resent = 0;
  socket.on('message', (message) => {
    const text = message.toString('utf8');
    const status = statusLineOf(text)?.split(' ')[1];
    const callId = /^Call-ID:\s*([^@\r\n]+)/im.exec(text)?.[1];
    if (!status || !callId || Number(status) < 200) return;
    const ids = pending.get(callId);
    if (!ids) return; // a retransmitted final, already counted
    pending.delete(callId);
    texts.delete(callId);
    finals[status] = (finals[status] ?? 0) + 1;
    answerMs.push(Date.now() - (firstSentAt.get(callId) ?? Date.now()));
    if (method === 'INVITE' && Number(status) >= 300)
      socket.send(ackText(invite, local, ids, text), invite.sipPort, '127.0.0.1');
  });
  const started = Date.now();
  for (let index = 0; index < options.count; index++) {
    const ids = newInviteIds();
    pending.set(ids.id, ids);
    const request =
      method === 'INVITE'
        ? inviteText(invite, local, ids)
        : messageText(invite, local, ids, `flood ${index}: ${'x'.repeat(200)}`);
    texts.set(ids.id, request);
    firstSentAt.set(ids.id, Date.now());
    socket.send(request, invite.sipPort, '127.0.0.1');
    const due = started + ((index + 1) * 1000) / options.perSecond;
    const wait = due - Date.now();
    if (wait > 0) await sleep(wait);
  }
  const settleUntil = Date.now() + (options.settleMs ?? SETTLE_MS);
  let interval = RETRANSMIT_FIRST_MS;
  let resendAt = Date.now() + interval;
  while (pending.size > 0 && Date.now() < settleUntil) {
    await sleep(100);
    if (Date.now() < resendAt) continue;
    for (const text of texts.values()) socket.send(text, invite.sipPort, '127.0.0.1');
    resent += texts.size;
    interval = Math.min(interval * 2, RETRANSMIT_MAX_MS);
    resendAt = Date.now() + interval;
  }
  socket.close();
  return {
    sent: options.count,
    finals,
    unanswered: pending.size,
    answerMs: {
      p50: percentile(answerMs, 50),
      p99: percentile(answerMs, 99),
      max: answerMs.length > 0 ? Math.max(...answerMs) : NaN,
    },
    resent,
  };
}

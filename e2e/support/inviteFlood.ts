/**
 * A flood of INVITEs (or MESSAGEs) from one hand-written UDP caller (rawSipCaller's messages), paced at a
 * fixed rate: what a misbehaving dialer or an attacker sends a contact center. Each INVITE is
 * its own transaction; final failures are acknowledged so the server stops retransmitting.
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

export interface FloodResult {
  sent: number;
  /** Final responses by status code ("486": 998). */
  finals: Record<string, number>;
  /** INVITEs that got no final response before the wait ended. */
  unanswered: number;
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
  const finals: Record<string, number> = {};
  socket.on('message', (message) => {
    const text = message.toString('utf8');
    const status = statusLineOf(text)?.split(' ')[1];
    const callId = /^Call-ID:\s*([^@\r\n]+)/im.exec(text)?.[1];
    if (!status || !callId || Number(status) < 200) return;
    const ids = pending.get(callId);
    if (!ids) return; // a retransmitted final, already counted
    pending.delete(callId);
    finals[status] = (finals[status] ?? 0) + 1;
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
    socket.send(request, invite.sipPort, '127.0.0.1');
    const due = started + ((index + 1) * 1000) / options.perSecond;
    const wait = due - Date.now();
    if (wait > 0) await sleep(wait);
  }
  const settleUntil = Date.now() + (options.settleMs ?? 5_000);
  while (pending.size > 0 && Date.now() < settleUntil) await sleep(100);
  socket.close();
  return { sent: options.count, finals, unanswered: pending.size };
}

/** Record builders shared by the history tests. */
import type { ChatContactRecord, StatusRecord, VoiceContactRecord } from './HistoryRecord';

export function statusAt(at: number, statusId = 'available', label = 'Available'): StatusRecord {
  return { type: 'status', at, statusId, label };
}

export function contactAt(
  at: number,
  contactId: string,
  extra: Partial<VoiceContactRecord> = {},
): VoiceContactRecord {
  return {
    type: 'contact',
    at,
    contactId,
    channel: 'voice',
    direction: 'inbound',
    peer: { number: '+442071838750', displayName: 'Jane Customer' },
    outcome: 'handled',
    ...extra,
  };
}

export function chatAt(
  at: number,
  contactId: string,
  extra: Partial<ChatContactRecord> = {},
): ChatContactRecord {
  return {
    type: 'contact',
    at,
    contactId,
    channel: 'chat',
    direction: 'inbound',
    peer: { number: 'sip:+15550010@sms.example', displayName: 'Jane Customer' },
    outcome: 'handled',
    conversationId: 'conv-1',
    transcript: [{ role: 'customer', text: 'Hello', at }],
    ...extra,
  };
}

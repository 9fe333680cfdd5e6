/** Record builders shared by the history tests. */
import type { StatusRecord, VoiceContactRecord } from './HistoryRecord';

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

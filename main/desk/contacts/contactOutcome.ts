/**
 * How a contact that leaves the desk is counted in the history (C4, H1): the state it left
 * from and the event that removed it say whether it was handled, missed, rejected, abandoned
 * or failed.
 */
import type { ContactState } from '../../../common/contract';
import type { ContactOutcome } from '../../history/HistoryRecord';
import type { ContactEvent } from './contactMachine';

export function contactOutcome(
  from: ContactState,
  event: ContactEvent,
  connected: boolean,
): ContactOutcome {
  if (from === 'incoming') return event === 'reject' ? 'rejected' : 'abandoned';
  if (from === 'missed') return 'missed';
  if (from === 'failed') return 'failed';
  return connected ? 'handled' : 'failed';
}

/**
 * contactRecord: the history line of a contact leaving the desk, field by field. Each optional
 * field is present exactly when the contact has it, and the durations are measured from the
 * right moments (handle time to the end of the call, ACW time from the end to the clear).
 */
import { describe, expect, it } from 'vitest';
import { contactRecord } from './contactRecord';
import type { DeskContact } from './DeskContact';

const OFFERED = 1_000_000;
const CONNECTED = OFFERED + 5_000;
const ENDED = CONNECTED + 60_000;
const CLEARED = ENDED + 20_000;

function contact(overrides: Partial<DeskContact> = {}): DeskContact {
  return {
    id: 'c1',
    channel: 'voice',
    direction: 'inbound',
    state: 'acw',
    peer: { number: '+17347644357', displayName: 'Ada' },
    createdAt: OFFERED,
    stateSince: ENDED,
    connectedAt: CONNECTED,
    endedAt: ENDED,
    hold: 'none',
    muted: false,
    details: { notes: '' },
    ...overrides,
  } as DeskContact;
}

describe('contactRecord', () => {
  it('records a handled inbound call cleared from ACW with its three durations', () => {
    expect(contactRecord(contact(), 'acw', 'clear', CLEARED)).toEqual({
      type: 'contact',
      at: OFFERED,
      contactId: 'c1',
      channel: 'voice',
      direction: 'inbound',
      peer: { number: '+17347644357', displayName: 'Ada' },
      outcome: 'handled',
      offeredAt: OFFERED,
      connectedAt: CONNECTED,
      handleMs: 60_000,
      endedAt: ENDED,
      acwEndedAt: CLEARED,
      acwMs: 20_000,
    });
  });

  it('has no offeredAt for an outbound call', () => {
    const record = contactRecord(contact({ direction: 'outbound' }), 'acw', 'clear', CLEARED);
    expect(record).not.toHaveProperty('offeredAt');
    expect(record.direction).toBe('outbound');
  });

  it('has no connection or handle time for a call never connected, and ends it now', () => {
    const never = contact({ state: 'missed', connectedAt: undefined, endedAt: undefined });
    const record = contactRecord(never, 'missed', 'clear', CLEARED);
    expect(record).not.toHaveProperty('connectedAt');
    expect(record).not.toHaveProperty('handleMs');
    expect(record).toMatchObject({ outcome: 'missed', endedAt: CLEARED });
  });

  it('has no ACW times when the contact left from another state than ACW', () => {
    const record = contactRecord(contact({ state: 'failed' }), 'failed', 'clear', CLEARED);
    expect(record).not.toHaveProperty('acwEndedAt');
    expect(record).not.toHaveProperty('acwMs');
  });

  it('carries what the agent recorded: notes, wrap-up code and a copy of the follow-up', () => {
    const followUp = { note: 'call back', dueAt: CLEARED + 86_400_000 };
    const withDetails = contact({ details: { notes: 'refund', wrapUpCode: 'sale', followUp } });
    const record = contactRecord(withDetails, 'acw', 'clear', CLEARED);
    expect(record).toMatchObject({ notes: 'refund', wrapUpCode: 'sale', followUp });
    expect(record.followUp).not.toBe(followUp);
  });

  it('leaves out empty notes and absent details', () => {
    const record = contactRecord(contact(), 'acw', 'clear', CLEARED);
    for (const key of ['notes', 'wrapUpCode', 'followUp']) expect(record).not.toHaveProperty(key);
  });

  it('carries the end, the queue and the flags of a call that has them', () => {
    const full = contact({
      endReason: '486 Busy Here',
      endCode: 'busy',
      queue: 'Sales',
      callback: true,
      voicemail: true,
      transferredTo: 'Billing',
    });
    expect(contactRecord(full, 'acw', 'clear', CLEARED)).toMatchObject({
      endReason: '486 Busy Here',
      endCode: 'busy',
      queue: 'Sales',
      callback: true,
      voicemail: true,
      transferredTo: 'Billing',
    });
  });

  it('leaves out the end, the queue and the flags a call does not have', () => {
    const record = contactRecord(
      contact({ callback: false, voicemail: false }),
      'acw',
      'clear',
      CLEARED,
    );
    for (const key of ['endReason', 'endCode', 'queue', 'callback', 'voicemail', 'transferredTo']) {
      expect(record).not.toHaveProperty(key);
    }
  });

  it('keeps a transfer to an empty name, which is still a transfer', () => {
    const record = contactRecord(contact({ transferredTo: '' }), 'acw', 'clear', CLEARED);
    expect(record).toHaveProperty('transferredTo', '');
  });

  it('counts an offer rejected by the agent as rejected, and one the caller left as abandoned', () => {
    const offer = contact({ state: 'incoming', connectedAt: undefined, endedAt: undefined });
    expect(contactRecord(offer, 'incoming', 'reject', CLEARED).outcome).toBe('rejected');
    expect(contactRecord(offer, 'incoming', 'remoteEnded', CLEARED).outcome).toBe('abandoned');
  });
});

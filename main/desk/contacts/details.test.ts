/** What the agent records on a contact through AgentDesk (D8): notes, wrap-up, follow-up. */
import { describe, expect, it } from 'vitest';
import { availableDesk } from '../desk.testkit';
import { contactRecords, CUSTOMER, onCall } from '../voice/inCall.testkit';

describe('contact details and wrap-up', () => {
  const wrapUp = {
    codes: [
      { id: 'resolved', label: 'Resolved' },
      { id: 'escalated', label: 'Escalated' },
    ],
    required: true,
  };

  it('saves notes during the call and in ACW, refuses unknown codes and cleared contacts', async () => {
    const { desk, contact, ended } = await onCall({ wrapUp });
    expect(desk.contactIntents.saveDetails(CUSTOMER, { notes: 'asked about invoice' })).toEqual({
      ok: true,
    });
    expect(contact().details).toEqual({ notes: 'asked about invoice' });
    ended(CUSTOMER);
    expect(desk.contactIntents.saveDetails(CUSTOMER, { notes: 'x', wrapUpCode: 'sold' })).toEqual({
      ok: false,
      reason: 'unknownWrapUpCode',
    });
    expect(contact().details.notes).toBe('asked about invoice');
    expect(
      desk.contactIntents.saveDetails(CUSTOMER, { notes: 'x', wrapUpCode: 'resolved' }),
    ).toEqual({
      ok: true,
    });
    desk.contactIntents.clear(CUSTOMER);
    expect(desk.contactIntents.saveDetails(CUSTOMER, { notes: 'late' })).toEqual({
      ok: false,
      reason: 'contactNotFound',
    });
  });

  it('refuses details on a ringing offer', async () => {
    const { desk } = await availableDesk();
    desk.handleEngineEvent({
      type: 'incoming',
      callId: 'r',
      from: { user: 'u', uri: 'sip:u@x', displayName: '' },
      headers: {},
    });
    expect(desk.contactIntents.saveDetails('r', { notes: 'x' })).toEqual({
      ok: false,
      reason: 'notEditable',
    });
  });

  it('blocks Clear until a required code is chosen', async () => {
    const { desk, contact, ended } = await onCall({ wrapUp });
    ended(CUSTOMER);
    expect(desk.contactIntents.clear(CUSTOMER)).toEqual({ ok: false, reason: 'wrapUpRequired' });
    expect(contact().state).toBe('acw');
    desk.contactIntents.saveDetails(CUSTOMER, { notes: '', wrapUpCode: 'escalated' });
    expect(desk.contactIntents.clear(CUSTOMER)).toEqual({ ok: true });
    expect(desk.snapshot().contacts).toEqual([]);
  });

  it('lets the ACW timeout clear without a code: routing comes back as IT promised', async () => {
    const { desk, ended, clock } = await onCall({ wrapUp, acwTimeoutMs: 30_000 });
    ended(CUSTOMER);
    clock.advance(30_000);
    expect(desk.snapshot().contacts).toEqual([]);
    expect(desk.snapshot().agent.routable).toBe(true);
  });

  it('keeps notes, code and follow-up in the history record; empty notes are left out', async () => {
    const { desk, ended, history } = await onCall({ wrapUp }, { 'x-queue-name': 'Sales' });
    const dueAt = Date.UTC(2030, 0, 2, 9);
    ended(CUSTOMER);
    desk.contactIntents.saveDetails(CUSTOMER, {
      notes: 'wants a quote',
      wrapUpCode: 'resolved',
      followUp: { note: 'send the quote', dueAt },
    });
    desk.contactIntents.clear(CUSTOMER);
    expect(contactRecords(history)[0]).toMatchObject({
      queue: 'Sales',
      notes: 'wants a quote',
      wrapUpCode: 'resolved',
      followUp: { note: 'send the quote', dueAt },
    });

    const other = await onCall();
    other.ended(CUSTOMER);
    other.desk.contactIntents.clear(CUSTOMER);
    const record = contactRecords(other.history)[0]!;
    expect(record).not.toHaveProperty('notes');
    expect(record).not.toHaveProperty('transferredTo');
    expect(record).not.toHaveProperty('callback');
  });
});

/**
 * Engine reports about calls, through AgentDesk: which ones change the desk (a new snapshot
 * goes out), which are ignored because no call of ours has that id, and what the log keeps.
 */
import { describe, expect, it } from 'vitest';
import { OFFLINE, type DeskState } from '../../../common/contract';
import { availableDesk, deskSteps, newDesk, RecordingLogger } from '../desk.testkit';
import { contactRecords, CUSTOMER, onCall } from './inCall.testkit';

/** Counts the snapshots the desk sends from now on. */
function snapshotsOf(desk: { subscribe(listener: () => void): () => void }) {
  let count = 0;
  desk.subscribe(() => void (count += 1));
  return () => count;
}

describe('call reports that change nothing', () => {
  it('sends no snapshot for call progress (180/183)', async () => {
    const { desk, emit } = await onCall();
    const snapshots = snapshotsOf(desk);
    emit({ type: 'progress', callId: CUSTOMER });
    expect(snapshots()).toBe(0);
  });

  it('ignores reports about a call id the desk does not have, sending no snapshot', async () => {
    const { desk, emit } = await onCall();
    const before = desk.snapshot().contacts;
    const snapshots = snapshotsOf(desk);
    const stranger = 'not-ours';
    emit({ type: 'confirmed', callId: stranger });
    emit({ type: 'hold', callId: stranger, held: true });
    emit({ type: 'remote-hold', callId: stranger, held: true });
    emit({ type: 'quality', callId: stranger, mos: 2, lossPct: 9, jitterMs: 40 });
    emit({ type: 'transfer', callId: stranger, outcome: 'accepted' });
    emit({ type: 'ended', callId: stranger, originator: 'remote', cause: 'BYE', failed: false });
    expect(snapshots()).toBe(0);
    expect(desk.snapshot().contacts).toEqual(before);
  });

  it('logs a DTMF tone with its call and side, never the digit, and sends no snapshot', async () => {
    const logger = new RecordingLogger();
    const { desk, emit } = await onCall({ logger });
    const snapshots = snapshotsOf(desk);
    emit({ type: 'dtmf', callId: CUSTOMER, tone: '7', originator: 'remote', via: 'rfc4733' });
    expect(snapshots()).toBe(0);
    expect(logger.named('dtmf')).toEqual([
      { level: 'info', message: 'dtmf', data: { callId: CUSTOMER, originator: 'remote' } },
    ]);
    expect(logger.text.join('\n')).not.toContain('"7"');
  });
});

describe('call reports that change the desk', () => {
  it('sends a snapshot for a hold, a far-end hold and a quality report on our call', async () => {
    const { desk, emit } = await onCall();
    const snapshots = snapshotsOf(desk);
    emit({ type: 'remote-hold', callId: CUSTOMER, held: true });
    emit({ type: 'quality', callId: CUSTOMER, mos: 2, lossPct: 9, jitterMs: 40 });
    desk.calls.hold(CUSTOMER, 'customer', true);
    const afterIntent = snapshots();
    emit({ type: 'hold', callId: CUSTOMER, held: true });
    expect(snapshots()).toBe(afterIntent + 1);
    expect(afterIntent).toBeGreaterThanOrEqual(2);
  });

  it('sends a snapshot showing the call connected when the customer answers our dial', async () => {
    const { desk, engine } = await availableDesk();
    const { emit } = deskSteps(() => desk);
    desk.dial('customer1');
    const callId = (engine.last() as { callId: string }).callId;
    const published: DeskState[] = [];
    desk.subscribe((state) => void published.push(state));
    emit({ type: 'confirmed', callId });
    expect(published.at(-1)?.contacts[0]).toMatchObject({ id: callId, state: 'connected' });
  });

  it('takes a transfer outcome only from the customer leg, never from the consulted party', async () => {
    const { desk, emit, contact, consult } = await onCall();
    const third = consult();
    desk.calls.join(CUSTOMER);
    desk.calls.leave(CUSTOMER);
    emit({ type: 'transfer', callId: third, outcome: 'accepted' });
    expect(contact()).toMatchObject({ state: 'connected', transfer: { state: 'pending' } });
    expect(contact().transferredTo).toBeUndefined();
  });
});

describe('ending a call', () => {
  it('marks the contact as a voicemail only when the agent says they left one', async () => {
    const plain = await onCall();
    plain.desk.contactIntents.end(CUSTOMER);
    plain.desk.contactIntents.clear(CUSTOMER);
    expect(contactRecords(plain.history)[0]).not.toHaveProperty('voicemail');
    const left = await onCall();
    left.desk.contactIntents.end(CUSTOMER, { voicemail: true });
    left.desk.contactIntents.clear(CUSTOMER);
    expect(contactRecords(left.history)[0]).toMatchObject({ voicemail: true });
  });
});

describe('requests from the far end', () => {
  it('refuses a REFER on our call with a warning, and logs it with whether it carried Replaces', async () => {
    const logger = new RecordingLogger();
    const { desk, emit, engine } = await onCall({ logger });
    const snapshots = snapshotsOf(desk);
    emit({ type: 'refer', callId: CUSTOMER, target: 'sip:900@evil.example', replaces: true });
    expect(engine.last()).toEqual({ type: 'refer-answer', callId: CUSTOMER, accept: false });
    expect(desk.snapshot().notice).toMatchObject({ level: 'warning', code: 'referRefused' });
    expect(snapshots()).toBe(1);
    expect(logger.named('refer refused')).toEqual([
      { level: 'warn', message: 'refer refused', data: { callId: CUSTOMER, replaces: true } },
    ]);
  });

  it('refuses a REFER on a call id it does not have without a notice or a snapshot', async () => {
    const { desk, emit, engine } = await onCall();
    const snapshots = snapshotsOf(desk);
    emit({ type: 'refer', callId: 'gone', target: 'sip:900@evil.example', replaces: false });
    expect(engine.last()).toEqual({ type: 'refer-answer', callId: 'gone', accept: false });
    expect(desk.snapshot().notice).toBeUndefined();
    expect(snapshots()).toBe(0);
  });

  it('logs a refused Replaces as a warning with its sender, and an accepted one as info without a notice', async () => {
    const refusing = new RecordingLogger();
    const refused = await onCall({ logger: refusing });
    refused.emit({ type: 'replaces', callId: CUSTOMER, from: 'sip:x@evil.example' });
    expect(refusing.named('replaces refused')).toEqual([
      {
        level: 'warn',
        message: 'replaces refused',
        data: { callId: CUSTOMER, from: 'sip:x@evil.example' },
      },
    ]);
    const accepting = new RecordingLogger();
    const accepted = await onCall({ logger: accepting, acceptReplaces: true });
    const snapshots = snapshotsOf(accepted.desk);
    accepted.emit({ type: 'replaces', callId: CUSTOMER, from: 'sip:pbx@example.com' });
    expect(accepting.named('replaces accepted')).toEqual([
      {
        level: 'info',
        message: 'replaces accepted',
        data: { callId: CUSTOMER, from: 'sip:pbx@example.com' },
      },
    ]);
    expect(accepted.desk.snapshot().notice).toBeUndefined();
    expect(snapshots()).toBe(0);
  });

  it('sends a snapshot with the notice when it refuses a Replaces on our call', async () => {
    const { desk, emit } = await onCall();
    const published: DeskState[] = [];
    desk.subscribe((state) => void published.push(state));
    emit({ type: 'replaces', callId: CUSTOMER, from: 'sip:x@evil.example' });
    expect(published.at(-1)?.notice).toMatchObject({ level: 'warning', code: 'replacesRefused' });
  });

  it('refuses a Replaces for a call id it does not have without a notice', async () => {
    const { desk, emit, engine } = await onCall();
    emit({ type: 'replaces', callId: 'gone', from: 'sip:x@evil.example' });
    expect(engine.last()).toEqual({ type: 'replaces-answer', callId: 'gone', accept: false });
    expect(desk.snapshot().notice).toBeUndefined();
  });
});

describe('an offer the agent is not routable for', () => {
  it('answers 486 and logs the call and the status the agent was in', async () => {
    const logger = new RecordingLogger();
    const { desk, engine } = newDesk({ logger });
    const { offer, signedIn } = deskSteps(() => desk);
    await signedIn();
    offer('call-9');
    expect(engine.last()).toEqual({ type: 'reject', callId: 'call-9', status: 486 });
    expect(logger.named('offer refused: agent not routable')).toEqual([
      {
        level: 'info',
        message: 'offer refused: agent not routable',
        data: { callId: 'call-9', statusId: OFFLINE },
      },
    ]);
  });
});

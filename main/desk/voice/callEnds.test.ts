/** How a contact reports the end of its calls: the code the agent reads and the SIP text. */
import { describe, expect, it } from 'vitest';
import {
  DeskState,
  type Contact,
  type EngineEndedEvent,
  type EngineEvent,
} from '../../../common/contract';
import { availableDesk, MemoryHistory } from '../desk.testkit';

const NO_BUNDLE = 'InvalidAccessError: Failed to set remote answer sdp: no BUNDLE group';

type Ended = EngineEndedEvent;

async function desk() {
  const history = new MemoryHistory();
  const kit = await availableDesk({ history });
  const emit = (event: EngineEvent) => kit.desk.handleEngineEvent(event);
  const contact = (): Contact => {
    const state = kit.desk.snapshot();
    DeskState.parse(state);
    return state.contacts[0]!;
  };
  const dial = (): string => {
    expect(kit.desk.dial('+17345550100')).toEqual({ ok: true });
    return (kit.engine.last() as { callId: string }).callId;
  };
  const ended = (callId: string, overrides: Partial<Ended>) =>
    emit({
      type: 'ended',
      callId,
      originator: 'remote',
      cause: 'Terminated',
      failed: false,
      ...overrides,
    });
  const offerAccepted = (callId = 'in-1') => {
    emit({
      type: 'incoming',
      callId,
      from: { user: '+15551230000', uri: 'sip:+15551230000@x', displayName: 'Jane' },
      headers: {},
    });
    kit.desk.contactIntents.accept(callId);
    return callId;
  };
  return { ...kit, history, emit, contact, dial, ended, offerAccepted };
}

describe('a dialled call that fails', () => {
  it('on the answer SDP: mediaFailed, the media error in the reason and no 200', async () => {
    const { contact, dial, ended } = await desk();
    const id = dial();
    // What an engine before this change sent: the 200 OK as the status.
    ended(id, {
      failed: true,
      cause: 'Bad Media Description',
      statusCode: 200,
      mediaError: NO_BUNDLE,
    });
    expect(contact()).toMatchObject({
      state: 'failed',
      endCode: 'mediaFailed',
      endReason: `Bad Media Description (${NO_BUNDLE})`,
      endedBy: 'customer',
    });
    expect(contact().endReason).not.toMatch(/^200/);
  });

  it('with 486: busy, and the SIP text kept', async () => {
    const { contact, dial, ended } = await desk();
    ended(dial(), { failed: true, cause: 'Busy', statusCode: 486 });
    expect(contact()).toMatchObject({ state: 'failed', endCode: 'busy', endReason: '486 Busy' });
  });

  it('with a response that has no plain words: the SIP text alone', async () => {
    const { contact, dial, ended } = await desk();
    ended(dial(), { failed: true, cause: 'SIP Failure Code', statusCode: 500 });
    expect(contact().endReason).toBe('500 SIP Failure Code');
    expect(contact().endCode).toBeUndefined();
  });

  it('keeps the SIP text as the end reason in the history', async () => {
    const { dial, ended, history, desk: agentDesk } = await desk();
    const id = dial();
    ended(id, { failed: true, cause: 'Not Found', statusCode: 404 });
    agentDesk.contactIntents.clear(id);
    expect(history.records.at(-1)).toMatchObject({ type: 'contact', endReason: '404 Not Found' });
  });
});

describe('an answered call that fails on media', () => {
  it('goes to ACW with mediaFailed when the answer cannot be built', async () => {
    const { contact, ended, offerAccepted } = await desk();
    const id = offerAccepted();
    ended(id, { failed: true, originator: 'system', cause: 'WebRTC Error', mediaError: 'x' });
    expect(contact()).toMatchObject({
      state: 'acw',
      endCode: 'mediaFailed',
      endedBy: 'system',
      endReason: 'WebRTC Error (x)',
    });
  });

  it('says the microphone could not be opened', async () => {
    const { contact, ended, offerAccepted } = await desk();
    const id = offerAccepted();
    ended(id, {
      failed: true,
      originator: 'system',
      cause: 'Microphone Unavailable',
      mediaError: 'NotFoundError: Requested device not found',
    });
    expect(contact()).toMatchObject({ state: 'acw', endCode: 'microphoneUnavailable' });
  });
});

describe('ends that are nobody’s failure', () => {
  it('carry no code: a hang-up after an earlier media error during the call', async () => {
    const { contact, ended, emit, offerAccepted } = await desk();
    const id = offerAccepted();
    emit({ type: 'confirmed', callId: id });
    ended(id, { mediaError: NO_BUNDLE });
    expect(contact()).toMatchObject({ state: 'acw', endReason: 'Terminated' });
    expect(contact().endCode).toBeUndefined();
  });

  it('keep the agent’s own end, not the failure the engine reports late', async () => {
    const { contact, dial, ended, desk: agentDesk } = await desk();
    const id = dial();
    agentDesk.contactIntents.end(id);
    ended(id, { failed: true, originator: 'local', cause: 'WebRTC Error', mediaError: 'x' });
    expect(contact()).toMatchObject({ state: 'acw', endCode: 'agentEnded' });
    expect(contact().endReason).toBeUndefined();
  });
});

describe('a blind transfer that succeeds after the customer leg dropped', () => {
  it('ends as Transferred, without the code of the drop', async () => {
    const kit = await desk();
    const id = kit.offerAccepted();
    kit.emit({ type: 'confirmed', callId: id });
    expect(kit.desk.calls.transfer(id, { via: 'number', number: '+442071838750' })).toEqual({
      ok: true,
    });
    kit.ended(id, { originator: 'system', cause: 'Connection Error' });
    expect(kit.contact()).toMatchObject({ state: 'acw', endCode: 'unreachable' });
    kit.emit({ type: 'transfer', callId: id, outcome: 'accepted' });
    expect(kit.contact()).toMatchObject({ state: 'acw', endCode: 'transferred' });
    expect(kit.contact().endReason).toBeUndefined();
  });
});

describe('a customer leg that fails while a third party stays', () => {
  it('reports the customer’s code once the last leg ends', async () => {
    const kit = await desk();
    const id = kit.offerAccepted();
    kit.emit({ type: 'confirmed', callId: id });
    expect(kit.desk.calls.consult(id, { via: 'number', number: '+442071838750' })).toEqual({
      ok: true,
    });
    const third = kit.contact().thirdParty!.callId;
    kit.emit({ type: 'confirmed', callId: third });
    kit.ended(id, { originator: 'system', cause: 'RTP Timeout' });
    expect(kit.contact()).toMatchObject({ state: 'connected', customerLeft: true });
    kit.ended(third, {});
    expect(kit.contact()).toMatchObject({
      state: 'acw',
      endCode: 'mediaFailed',
      endReason: 'RTP Timeout',
    });
  });
});

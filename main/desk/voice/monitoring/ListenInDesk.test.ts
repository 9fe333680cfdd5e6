/**
 * The agent's side of a supervisor's listen-in (F1), through the whole desk: what the engine
 * is told to do with each request, that the agent's desk never changes for it, and the log
 * lines that are the audit trail of who listened in on whom (and who was turned away, why).
 */
import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../../../common/contract';
import { availableDesk, RecordingLogger } from '../../desk.testkit';
import { CUSTOMER, onCall } from '../inCall.testkit';

const SUPERVISOR = 'sip:supervisor1@openccp.test';
const LISTEN_IN = { listenIn: { supervisors: [SUPERVISOR] } };

/** A listen-in INVITE from `uri`, which the server vouches for unless told otherwise. */
function listenInRequest(uri = SUPERVISOR, assertedIdentity: string | undefined = uri) {
  return {
    type: 'monitor-request' as const,
    callId: 'listen-1',
    from: { user: 'supervisor1', uri, displayName: 'Sup' },
    ...(assertedIdentity !== undefined ? { assertedIdentity } : {}),
  } satisfies EngineEvent;
}

/** How many snapshots the desk pushes while `act` runs. */
function snapshotsDuring(desk: { subscribe(listener: () => void): () => void }, act: () => void) {
  let snapshots = 0;
  const unsubscribe = desk.subscribe(() => void (snapshots += 1));
  act();
  unsubscribe();
  return snapshots;
}

describe('a listen-in request', () => {
  it("is answered for a listed, vouched-for supervisor with a feed of the agent's call", async () => {
    const { emit, mark } = await onCall(LISTEN_IN);
    const sent = mark();
    emit(listenInRequest());
    expect(sent()).toEqual([
      { type: 'monitor-answer', callId: 'listen-1', sourceCallIds: [CUSTOMER] },
    ]);
  });

  it('during a consult is fed both legs, the customer and the third party', async () => {
    const { emit, mark, consult } = await onCall(LISTEN_IN);
    const thirdParty = consult();
    const sent = mark();
    emit(listenInRequest());
    expect(sent()).toEqual([
      { type: 'monitor-answer', callId: 'listen-1', sourceCallIds: [CUSTOMER, thirdParty] },
    ]);
  });

  it('from someone the profile does not list is refused with a 403, on a call or not', async () => {
    const { emit, mark } = await onCall(LISTEN_IN);
    const sent = mark();
    emit(listenInRequest('sip:customer2@openccp.test'));
    expect(sent()).toEqual([{ type: 'monitor-end', callId: 'listen-1', refuse: true }]);
  });

  it('is refused while the agent is on no call, even from a listed supervisor', async () => {
    const { desk, engine } = await availableDesk(LISTEN_IN);
    const from = engine.commands.length;
    desk.handleEngineEvent(listenInRequest());
    expect(engine.since(from)).toEqual([{ type: 'monitor-end', callId: 'listen-1', refuse: true }]);
  });

  it("is refused while the agent's call only rings: there is nothing to listen to yet", async () => {
    const { desk, engine } = await availableDesk(LISTEN_IN);
    desk.handleEngineEvent({
      type: 'incoming',
      callId: 'ringing',
      from: { user: 'customer1', uri: 'sip:customer1@x', displayName: 'Customer' },
      headers: {},
    });
    const from = engine.commands.length;
    desk.handleEngineEvent(listenInRequest());
    expect(engine.since(from)).toEqual([{ type: 'monitor-end', callId: 'listen-1', refuse: true }]);
  });

  it('is refused by a profile that names no supervisors, the default', async () => {
    const { emit, mark } = await onCall();
    const sent = mark();
    emit(listenInRequest());
    expect(sent()).toEqual([{ type: 'monitor-end', callId: 'listen-1', refuse: true }]);
  });

  it("changes nothing on the agent's desk, answered or refused", async () => {
    const { desk, emit } = await onCall(LISTEN_IN);
    const before = desk.snapshot();
    expect(snapshotsDuring(desk, () => emit(listenInRequest()))).toBe(0);
    expect(snapshotsDuring(desk, () => emit(listenInRequest('sip:customer2@x')))).toBe(0);
    expect(desk.snapshot()).toEqual(before);
  });
});

describe('a listen-in ending', () => {
  it("sends the engine nothing and changes nothing on the agent's desk", async () => {
    const { desk, emit, mark } = await onCall(LISTEN_IN);
    emit(listenInRequest());
    const before = desk.snapshot();
    const sent = mark();
    expect(snapshotsDuring(desk, () => emit({ type: 'monitor-ended', callId: 'listen-1' }))).toBe(
      0,
    );
    expect(sent()).toEqual([]);
    expect(desk.snapshot()).toEqual(before);
  });
});

describe('the listen-in audit trail in the log', () => {
  /** The log lines written while `act` runs. */
  async function logged(act: (emit: (event: EngineEvent) => void) => void) {
    const logger = new RecordingLogger();
    const { emit } = await onCall({ ...LISTEN_IN, logger });
    const from = logger.entries().length;
    act(emit);
    return logger.entries().slice(from);
  }

  it('names the supervisor who listened in and on which listen-in', async () => {
    const entries = await logged((emit) => emit(listenInRequest()));
    expect(entries).toContainEqual(
      expect.objectContaining({ level: 'info', data: { callId: 'listen-1', from: SUPERVISOR } }),
    );
  });

  it('names who was refused, on which listen-in, and why', async () => {
    const intruder = 'sip:customer2@openccp.test';
    const entries = await logged((emit) => emit(listenInRequest(intruder)));
    expect(entries).toContainEqual(
      expect.objectContaining({
        level: 'warn',
        data: { callId: 'listen-1', from: intruder, refusal: 'notSupervisor' },
      }),
    );
  });

  it('notes when a listen-in ended', async () => {
    const entries = await logged((emit) => {
      emit(listenInRequest());
      emit({ type: 'monitor-ended', callId: 'listen-1' });
    });
    expect(entries.at(-1)).toEqual(
      expect.objectContaining({ level: 'info', data: { callId: 'listen-1' } }),
    );
  });
});

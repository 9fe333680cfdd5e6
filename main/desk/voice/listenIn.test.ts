/**
 * Listen-in (F1) through AgentDesk, from both ends: a supervisor's desk placing a listen-only
 * call (OutboundIntents.monitor, VoiceCalls.monitor), and an agent's desk answering or refusing
 * a supervisor's request (ListenInDesk behind VoiceCalls.handle).
 */
import { describe, expect, it } from 'vitest';
import {
  MONITOR_HEADER,
  type EngineCommand,
  type MonitoringEvent,
  type VoiceContact,
} from '../../../common/contract';
import type { AgentDeskOptions } from '../deskSettings';
import { availableDesk, deskSteps, newDesk, RecordingLogger } from '../desk.testkit';
import { CUSTOMER, onCall } from './inCall.testkit';

const ALLOWED = { monitor: { allowed: true } } satisfies Partial<AgentDeskOptions>;
const AGENT = '1002';

/** The calls a command list places, by type. */
const calls = (commands: EngineCommand[]) => commands.filter((c) => c.type === 'call');

describe('listening in on an agent (the supervisor desk)', () => {
  it('is refused before sign-in, saying so, and places nothing', () => {
    const { desk, engine } = newDesk(ALLOWED);
    expect(desk.monitor(AGENT)).toEqual({ ok: false, reason: 'notSignedIn' });
    expect(calls(engine.commands)).toEqual([]);
    expect(desk.snapshot().contacts).toEqual([]);
  });

  it('is refused to a user the profile does not allow to, the default', async () => {
    const { desk, engine } = await availableDesk();
    const from = engine.commands.length;
    expect(desk.monitor(AGENT)).toEqual({ ok: false, reason: 'notPermitted' });
    expect(engine.since(from)).toEqual([]);
    expect(desk.snapshot().contacts).toEqual([]);
  });

  it('is refused while a contact is on the desk, leaving that call alone', async () => {
    const { desk, mark, contact } = await onCall(ALLOWED);
    const sent = mark();
    expect(desk.monitor(AGENT)).toEqual({ ok: false, reason: 'contactActive' });
    expect(sent()).toEqual([]);
    expect(desk.snapshot().contacts).toHaveLength(1);
    expect(contact()).toMatchObject({ id: CUSTOMER, state: 'connected' });
  });

  it('is refused while the line is not registered', async () => {
    const { desk, engine } = newDesk(ALLOWED);
    const { signedIn } = deskSteps(() => desk);
    await signedIn();
    expect(desk.snapshot().registration).toBe('unregistered');
    const from = engine.commands.length;
    expect(desk.monitor(AGENT)).toEqual({ ok: false, reason: 'notRegistered' });
    expect(engine.since(from)).toEqual([]);
  });

  it('is refused while the engine page is being reloaded, saying so, and listens once it is back', async () => {
    const { desk, engine } = await availableDesk(ALLOWED);
    desk.engineLost('gone');
    const from = engine.commands.length;
    expect(desk.monitor(AGENT)).toEqual({ ok: false, reason: 'engineReloading' });
    expect(engine.since(from)).toEqual([]);
    desk.handleEngineEvent({ type: 'ready' });
    desk.handleEngineEvent({ type: 'registration', state: 'registered' });
    expect(desk.monitor(AGENT)).toEqual({ ok: true });
    expect(calls(engine.since(from))).toHaveLength(1);
  });

  it("calls the agent's own app marked for listen-in, with the microphone muted from the start", async () => {
    const { desk, engine } = await availableDesk(ALLOWED);
    const from = engine.commands.length;
    expect(desk.monitor(AGENT)).toEqual({ ok: true });
    const contact = desk.snapshot().contacts[0] as VoiceContact;
    expect(engine.since(from)).toEqual([
      { type: 'call', callId: contact.id, target: AGENT, headers: { [MONITOR_HEADER]: 'listen' } },
      { type: 'mute', callId: contact.id, muted: true },
    ]);
    expect(contact).toMatchObject({
      direction: 'outbound',
      state: 'dialing',
      monitoring: true,
      muted: true,
      peer: { number: AGENT, displayName: '' },
    });
  });

  it("dials the PBX's feature code before the extension, without the marker, and logs the extension dialled", async () => {
    const logger = new RecordingLogger();
    const { desk, engine } = await availableDesk({
      logger,
      monitor: { allowed: true, featureCode: '*33' },
    });
    const from = engine.commands.length;
    expect(desk.monitor(AGENT)).toEqual({ ok: true });
    const contact = desk.snapshot().contacts[0] as VoiceContact;
    expect(engine.since(from)).toEqual([
      { type: 'call', callId: contact.id, target: `*33${AGENT}` },
      { type: 'mute', callId: contact.id, muted: true },
    ]);
    expect(contact).toMatchObject({ monitoring: true, muted: true, peer: { number: AGENT } });
    expect(logger.named('call dialed')).toEqual([
      {
        level: 'info',
        message: 'call dialed',
        data: { callId: contact.id, leg: 'customer', target: AGENT },
      },
    ]);
  });
});

const SUPERVISOR = 'sip:sup1@example.com';
const SUPERVISED = { listenIn: { supervisors: [SUPERVISOR] } } satisfies Partial<AgentDeskOptions>;
const REQUEST: MonitoringEvent = {
  type: 'monitor-request',
  callId: 'm1',
  from: { user: 'sup1', uri: SUPERVISOR, displayName: 'Sup' },
  assertedIdentity: `<${SUPERVISOR}>`,
};

describe('a supervisor listening in on the agent (the agent desk)', () => {
  it("answers a listed supervisor the server vouches for with a feed of the agent's connected call", async () => {
    const { desk, emit, mark } = await onCall(SUPERVISED);
    const sent = mark();
    emit(REQUEST);
    expect(sent()).toEqual([{ type: 'monitor-answer', callId: 'm1', sourceCallIds: [CUSTOMER] }]);
    // Not one of the agent's contacts: nothing new on the desk.
    expect(desk.snapshot().contacts.map((contact) => contact.id)).toEqual([CUSTOMER]);
  });

  it('refuses a listed supervisor with 403 while the agent has no connected call', async () => {
    const { desk, engine } = await availableDesk(SUPERVISED);
    const { emit, offer } = deskSteps(() => desk);
    offer('ringing');
    const from = engine.commands.length;
    emit(REQUEST);
    expect(engine.since(from)).toEqual([{ type: 'monitor-end', callId: 'm1', refuse: true }]);
  });

  it('leaves who listened in, and when it ended, in the main log: a listen-in is in no history', async () => {
    const logger = new RecordingLogger();
    const { emit } = await onCall({ ...SUPERVISED, logger });
    emit(REQUEST);
    emit({ type: 'monitor-ended', callId: 'm1' });
    const trail = logger.entries().filter((entry) => entry.message.startsWith('listen-in'));
    expect(trail).toEqual([
      { level: 'info', message: 'listen-in answered', data: { callId: 'm1', from: SUPERVISOR } },
      { level: 'info', message: 'listen-in ended', data: { callId: 'm1' } },
    ]);
  });
});

/** DeskCommands on a real AgentDesk: the intents that name no contact, and the sign-in policy. */
import { describe, expect, it } from 'vitest';
import type { EngineEvent, SignInError } from '../../common/contract';
import { availableDesk, REQUEST } from '../desk/desk.testkit';
import { DeskCommands } from './DeskCommands';

async function commanded() {
  const kit = await availableDesk();
  const commands = new DeskCommands(kit.desk);
  const emit = (event: EngineEvent) => kit.desk.handleEngineEvent(event);
  const offer = (callId = 'in-1') =>
    emit({
      type: 'incoming',
      callId,
      from: { user: '+15551230000', uri: 'sip:+15551230000@x', displayName: 'Jane' },
      headers: {},
    });
  const contact = () => kit.desk.snapshot().contacts[0];
  return { ...kit, commands, emit, offer, contact };
}

describe('answer', () => {
  it('accepts the offer ringing', async () => {
    const { commands, engine, offer, contact } = await commanded();
    offer();
    expect(commands.answer()).toEqual({ ok: true });
    expect(engine.last()).toEqual({ type: 'answer', callId: 'in-1' });
    expect(contact()?.state).toBe('accepting');
  });

  it('is refused with noOffer when nothing rings, and sends nothing', async () => {
    const { commands, engine } = await commanded();
    const before = engine.commands.length;
    expect(commands.answer()).toEqual({ ok: false, reason: 'noOffer' });
    expect(engine.commands.length).toBe(before);
  });

  it('is refused with noOffer on a call: the call is not an offer', async () => {
    const { commands, offer, emit } = await commanded();
    offer();
    commands.answer();
    emit({ type: 'confirmed', callId: 'in-1' });
    expect(commands.answer()).toEqual({ ok: false, reason: 'noOffer' });
  });
});

describe('decline', () => {
  it('rejects the offer ringing with 486, and is refused when none rings', async () => {
    const { commands, engine, offer, desk } = await commanded();
    expect(commands.decline()).toEqual({ ok: false, reason: 'noOffer' });
    offer();
    expect(commands.decline()).toEqual({ ok: true });
    expect(engine.last()).toEqual({ type: 'reject', callId: 'in-1', status: 486 });
    expect(desk.snapshot().contacts).toEqual([]);
  });
});

describe('hang up', () => {
  it('ends the connected call into ACW as the agent', async () => {
    const { commands, engine, offer, emit, contact } = await commanded();
    offer();
    commands.answer();
    emit({ type: 'confirmed', callId: 'in-1' });
    expect(commands.hangUp()).toEqual({ ok: true });
    expect(engine.last()).toEqual({ type: 'hangup', callId: 'in-1' });
    expect(contact()).toMatchObject({ state: 'acw', endedBy: 'agent', endCode: 'agentEnded' });
  });

  it('ends a call still dialing', async () => {
    const { commands, desk, contact } = await commanded();
    desk.dial('+17345550100');
    expect(commands.hangUp()).toEqual({ ok: true });
    expect(contact()?.state).toBe('acw');
  });

  it('leaves a ringing offer alone (that is decline) and has nothing to end in ACW', async () => {
    const { commands, offer, emit } = await commanded();
    offer();
    expect(commands.hangUp()).toEqual({ ok: false, reason: 'noActiveCall' });
    commands.answer();
    emit({ type: 'confirmed', callId: 'in-1' });
    commands.hangUp();
    expect(commands.hangUp()).toEqual({ ok: false, reason: 'noActiveCall' });
  });
});

describe('toggle mute and toggle hold', () => {
  it('flip the connected call each time', async () => {
    const { commands, engine, offer, emit, contact } = await commanded();
    offer();
    commands.answer();
    emit({ type: 'confirmed', callId: 'in-1' });

    expect(commands.toggleMute()).toEqual({ ok: true });
    expect(engine.last()).toEqual({ type: 'mute', callId: 'in-1', muted: true });
    commands.toggleMute();
    expect(contact()?.muted).toBe(false);

    expect(commands.toggleHold()).toEqual({ ok: true });
    expect(engine.last()).toEqual({ type: 'hold', callId: 'in-1', hold: true });
    emit({ type: 'hold', callId: 'in-1', held: true });
    commands.toggleHold();
    expect(engine.last()).toEqual({ type: 'hold', callId: 'in-1', hold: false });
    expect(contact()?.hold).toBe('resuming');
  });

  it('are refused with noActiveCall without a call, and by the desk before it connects', async () => {
    const { commands, desk } = await commanded();
    expect(commands.toggleMute()).toEqual({ ok: false, reason: 'noActiveCall' });
    expect(commands.toggleHold()).toEqual({ ok: false, reason: 'noActiveCall' });
    desk.dial('+17345550100');
    expect(commands.toggleHold()).toEqual({ ok: false, reason: 'notConnected' });
  });
});

describe('sign-in', () => {
  it('refuses what the policy refuses without touching the desk, and passes its servers', async () => {
    const { desk, engine } = await commanded();
    desk.signOut();
    const locked: SignInError = { code: 'lockedByPolicy', field: 'serverUrl' };
    const refusing = new DeskCommands(desk, { refusal: () => locked, servers: () => [] });
    const before = engine.commands.length;
    expect(await refusing.signIn(REQUEST)).toEqual({ ok: false, error: locked });
    expect(engine.commands.length).toBe(before);

    const failover = new DeskCommands(desk, {
      refusal: () => undefined,
      servers: (request) => [request.serverUrl, 'wss://backup.example.com'],
    });
    void failover.signIn(REQUEST);
    expect(engine.last()).toMatchObject({
      type: 'connect',
      account: { serverUrls: [REQUEST.serverUrl, 'wss://backup.example.com'] },
    });
  });
});

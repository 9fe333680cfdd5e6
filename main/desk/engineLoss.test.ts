/** A hung, crashed or reloaded engine page: shown at once, its calls ended and released. */
import { beforeEach, describe, expect, it } from 'vitest';
import type { SipDialog } from '../../common/contract';
import type { AgentDesk } from './AgentDesk';
import { availableDesk, deskSteps, newDesk, type RecordingEngine } from './desk.testkit';

const DIALOG: SipDialog = {
  callId: 'a84b4c76e66710@pc33',
  localTag: '1928301774',
  remoteTag: 'a6c85cf',
  localUri: 'sip:agent1@openccp.test',
  remoteUri: 'sip:customer1@openccp.test',
  remoteTarget: 'sip:k3l9@df7jal23ls0d.invalid;transport=ws',
  routeSet: ['<sip:127.0.0.1:5060;lr;r2=on>'],
  localSeq: 2,
};

describe('AgentDesk when the engine page is lost', () => {
  let engine: RecordingEngine;
  let desk: AgentDesk;
  const { emit, available, offer } = deskSteps(() => desk);

  beforeEach(async () => {
    ({ engine, desk } = newDesk());
    emit({ type: 'ready' });
    await available();
  });

  async function onCall(): Promise<string> {
    offer('call-1');
    const contact = desk.snapshot().contacts[0];
    expect(desk.contactIntents.accept(contact?.id ?? '')).toEqual({ ok: true });
    emit({ type: 'confirmed', callId: 'call-1' });
    emit({ type: 'dialog', callId: 'call-1', dialog: DIALOG });
    return contact?.id ?? '';
  }

  it('shows the loss at once: the call ends as engine-restarted, the line is down, the agent is told', async () => {
    await onCall();
    desk.engineLost('notResponding');
    const state = desk.snapshot();
    expect(state.contacts[0]).toMatchObject({ endCode: 'engineRestarted' });
    expect(state.registration).toBe('unregistered');
    expect(state.agent.routable).toBe(false);
    expect(state.notice).toMatchObject({ code: 'engineStopped', level: 'error' });
  });

  it('has the new engine connect and hang up (BYE) the dialog the lost one left', async () => {
    await onCall();
    desk.engineLost('notResponding');
    const from = engine.commands.length;
    emit({ type: 'ready' });
    expect(engine.since(from)).toEqual([
      expect.objectContaining({ type: 'connect', register: true }),
      { type: 'release-dialogs', dialogs: [DIALOG] },
    ]);
    expect(desk.snapshot().notice?.code).toBe('engineRestarted');
  });

  it('releases the dialogs after a plain reload too (the page reloaded by itself)', async () => {
    await onCall();
    const from = engine.commands.length;
    emit({ type: 'ready' });
    expect(engine.since(from)).toContainEqual({ type: 'release-dialogs', dialogs: [DIALOG] });
  });

  it('releases nothing for a call that ended normally before the loss', async () => {
    await onCall();
    emit({
      type: 'ended',
      callId: 'call-1',
      originator: 'remote',
      cause: 'Terminated',
      failed: false,
    });
    desk.engineLost('notResponding');
    const from = engine.commands.length;
    emit({ type: 'ready' });
    expect(engine.since(from).map((command) => command.type)).not.toContain('release-dialogs');
  });

  it('releases a dialog once: a second reload has nothing left to hang up', async () => {
    await onCall();
    emit({ type: 'ready' });
    const from = engine.commands.length;
    emit({ type: 'ready' });
    expect(engine.since(from).map((command) => command.type)).not.toContain('release-dialogs');
  });

  it('reports a second loss before the new page is up only once', async () => {
    await onCall();
    desk.engineLost('notResponding');
    const before = desk.snapshot().revision;
    desk.engineLost('gone');
    expect(desk.snapshot().revision).toBe(before);
  });

  it('refuses a dial while the page is being reloaded, saying so, and dials again once it is up', async () => {
    desk.engineLost('gone');
    const from = engine.commands.length;
    expect(desk.dial('customer1')).toEqual({ ok: false, reason: 'engineReloading' });
    expect(engine.since(from).map((command) => command.type)).not.toContain('call');
    emit({ type: 'ready' });
    emit({ type: 'registration', state: 'registered' });
    expect(desk.dial('customer1')).toEqual({ ok: true });
  });

  it('refuses a chat line while the page is being reloaded, rather than losing it', async () => {
    ({ engine, desk } = await availableDesk({ chatSlots: 1 }));
    emit({ type: 'ready' });
    emit({
      type: 'chat-message',
      messageId: 'm1',
      from: { user: 'alice', uri: 'sip:alice@example.com', displayName: 'Alice' },
      headers: {},
      text: 'hello',
    });
    const chatId = desk.snapshot().chats[0]?.id ?? '';
    expect(desk.contactIntents.accept(chatId)).toEqual({ ok: true });
    desk.engineLost('gone');
    const from = engine.commands.length;
    expect(desk.chats.send(chatId, 'one moment')).toEqual({
      ok: false,
      reason: 'engineReloading',
    });
    expect(engine.since(from).map((command) => command.type)).not.toContain('chat-send');
    emit({ type: 'ready' });
    expect(desk.chats.send(chatId, 'one moment')).toEqual({ ok: true });
  });
});

/**
 * AgentDesk's own decisions around its parts: snapshots to subscribers, when the line is still
 * needed, the dial intent's refusals, restoring the same contact twice, and what it logs.
 */
import { describe, expect, it } from 'vitest';
import { AVAILABLE, OFFLINE } from '../../common/contract';
import type { ContactDraft } from './contacts/contactDraft';
import { availableDesk, deskSteps, newDesk, RecordingLogger, REQUEST } from './desk.testkit';

describe('AgentDesk', () => {
  it('stops sending snapshots to a listener once it unsubscribes', async () => {
    const { desk } = await availableDesk();
    let snapshots = 0;
    const unsubscribe = desk.subscribe(() => void (snapshots += 1));
    desk.setStatus('break');
    expect(snapshots).toBe(1);
    unsubscribe();
    desk.setStatus(AVAILABLE);
    expect(snapshots).toBe(1);
  });

  it('sends no snapshot and changes no registration when the agent picks the status they are in', async () => {
    const { desk, engine } = await availableDesk();
    let snapshots = 0;
    desk.subscribe(() => void (snapshots += 1));
    const sent = engine.commands.length;
    expect(desk.setStatus(AVAILABLE)).toEqual({ ok: true });
    expect(snapshots).toBe(0);
    expect(engine.commands.length).toBe(sent);
  });

  it('posts a notice from outside with a snapshot (the composition at start)', () => {
    const { desk } = newDesk();
    let snapshots = 0;
    desk.subscribe(() => void (snapshots += 1));
    desk.notify('warning', 'settingsRepaired');
    expect(desk.snapshot().notice).toMatchObject({ level: 'warning', code: 'settingsRepaired' });
    expect(snapshots).toBe(1);
  });

  it("signs in to the form's own server when no list is given", () => {
    const { desk, engine } = newDesk();
    void desk.signIn(REQUEST);
    expect(engine.last()).toMatchObject({
      type: 'connect',
      account: { serverUrls: [REQUEST.serverUrl] },
    });
  });

  it('keeps the line registered for a contact in ACW after the agent goes Offline, and unregisters once it is cleared', async () => {
    const { desk, engine } = await availableDesk();
    desk.handleEngineEvent({
      type: 'incoming',
      callId: 'call-1',
      from: { user: '100', uri: 'sip:100@x', displayName: '' },
      headers: {},
    });
    desk.contactIntents.accept('call-1');
    desk.handleEngineEvent({ type: 'confirmed', callId: 'call-1' });
    desk.contactIntents.end('call-1');
    desk.setStatus(OFFLINE);
    expect(engine.types()).not.toContain('unregister');
    desk.contactIntents.clear('call-1');
    expect(engine.last()).toEqual({ type: 'unregister' });
  });

  it('refuses to clear a contact it does not have', async () => {
    const { desk } = await availableDesk();
    expect(desk.contactIntents.clear('nobody')).toEqual({ ok: false, reason: 'contactNotFound' });
  });

  it('refuses in-call intents for a contact it does not have, sending no snapshot', async () => {
    const { desk } = await availableDesk();
    let snapshots = 0;
    desk.subscribe(() => void (snapshots += 1));
    expect(desk.calls.mute('nobody', true)).toEqual({ ok: false, reason: 'contactNotFound' });
    expect(desk.contactIntents.accept('nobody')).toEqual({ ok: false, reason: 'contactNotFound' });
    expect(snapshots).toBe(0);
  });

  it('sends no snapshot for an in-call intent the call refuses', async () => {
    const { desk } = await availableDesk();
    desk.dial('+17347644357');
    const callId = desk.snapshot().contacts[0]!.id;
    let snapshots = 0;
    desk.subscribe(() => void (snapshots += 1));
    expect(desk.calls.join(callId).ok).toBe(false);
    expect(snapshots).toBe(0);
  });

  describe('dial', () => {
    it('refuses before sign-in', () => {
      const { desk } = newDesk();
      expect(desk.dial('+17347644357')).toEqual({ ok: false, reason: 'notSignedIn' });
    });

    it('refuses while the line is not registered, placing nothing', async () => {
      const { desk, engine } = newDesk();
      const { signedIn } = deskSteps(() => desk);
      await signedIn();
      desk.setStatus(AVAILABLE);
      const sent = engine.commands.length;
      expect(desk.dial('+17347644357')).toEqual({ ok: false, reason: 'notRegistered' });
      expect(engine.commands.length).toBe(sent);
    });

    it('logs a number the dialing rules refuse, with the reason', async () => {
      const logger = new RecordingLogger();
      const { desk } = await availableDesk({ logger });
      desk.dial('911');
      expect(logger.named('dial refused')).toEqual([
        { level: 'info', message: 'dial refused', data: { reason: 'emergency' } },
      ]);
    });

    it('shows a SIP address as dialled, with no display name', async () => {
      const { desk, engine } = await availableDesk();
      desk.dial('sip:bob@example.com');
      expect(engine.last()).toMatchObject({ type: 'call', target: 'sip:bob@example.com' });
      expect(desk.snapshot().contacts[0]!.peer).toEqual({
        number: 'sip:bob@example.com',
        displayName: '',
      });
    });
  });

  describe('restoring interrupted contacts', () => {
    const draft: ContactDraft = {
      id: 'crashed-call',
      channel: 'voice',
      direction: 'inbound',
      state: 'acw',
      peer: { number: '+17347644357', displayName: 'Jane' },
      createdAt: 1_699_999_000_000,
      connectedAt: 1_699_999_005_000,
      endedAt: 1_699_999_060_000,
      details: { notes: 'refund' },
    };

    it('restores a contact once even when handed it twice, and logs each one restored', () => {
      const logger = new RecordingLogger();
      const { desk } = newDesk({ logger });
      desk.contactIntents.restoreInterrupted([draft], draft.endedAt!);
      desk.contactIntents.restoreInterrupted([draft], draft.endedAt!);
      expect(desk.snapshot().contacts).toHaveLength(1);
      expect(logger.named('contact restored after the app closed')).toEqual([
        {
          level: 'warn',
          message: 'contact restored after the app closed',
          data: { contactId: 'crashed-call', state: 'acw' },
        },
      ]);
    });
  });

  describe('engine reports', () => {
    it('logs a command the engine refused, with the report', async () => {
      const logger = new RecordingLogger();
      const { desk } = await availableDesk({ logger });
      desk.handleEngineEvent({ type: 'command-error', command: 'hold', message: 'no such call' });
      expect(logger.named('engine refused a command')).toEqual([
        {
          level: 'warn',
          message: 'engine refused a command',
          data: { type: 'command-error', command: 'hold', message: 'no such call' },
        },
      ]);
    });

    it('logs a lost engine page with the reason, once', async () => {
      const logger = new RecordingLogger();
      const { desk } = await availableDesk({ logger });
      desk.engineLost('no pong for 3 s');
      desk.engineLost('render process gone');
      expect(logger.named('engine lost')).toEqual([
        { level: 'warn', message: 'engine lost', data: { reason: 'no pong for 3 s' } },
      ]);
    });

    it('logs that the machine woke up when it tries the line again', async () => {
      const logger = new RecordingLogger();
      const { desk } = await availableDesk({ logger });
      desk.systemResumed();
      expect(logger.named('connection: trying now')).toEqual([
        { level: 'info', message: 'connection: trying now', data: { reason: 'resumed' } },
      ]);
    });
  });
});

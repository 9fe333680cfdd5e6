/**
 * The session's edges through AgentDesk: a second sign-in, a cancelled one, late and stray
 * engine reports, registration failures while signed in, and what the main log says about them.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { AVAILABLE } from '../../../common/contract';
import type { AgentDesk } from '../AgentDesk';
import {
  deskSteps,
  MemoryStub,
  newDesk,
  RecordingLogger,
  REQUEST,
  type RecordingEngine,
} from '../desk.testkit';
import type { FakeClock } from '../FakeClock.testkit';

describe('Session (through AgentDesk)', () => {
  let engine: RecordingEngine;
  let clock: FakeClock;
  let logger: RecordingLogger;
  let desk: AgentDesk;
  const { emit, signedIn, available } = deskSteps(() => desk);

  beforeEach(() => {
    logger = new RecordingLogger();
    ({ engine, clock, desk } = newDesk({ logger }));
  });

  const connects = () => engine.commands.filter((command) => command.type === 'connect').length;

  describe('signing in', () => {
    it('refuses a second sign-in while the first is under way, and once signed in, sending nothing', async () => {
      const first = desk.signIn(REQUEST);
      const refused = { ok: false, error: { code: 'rejected', detail: 'already signed in' } };
      expect(await desk.signIn(REQUEST)).toEqual(refused);
      emit({ type: 'registration', state: 'registered' });
      expect(await first).toEqual({ ok: true });
      expect(await desk.signIn(REQUEST)).toEqual(refused);
      expect(connects()).toBe(1);
    });

    it('connects with no ICE servers unless the desk was given some', () => {
      void desk.signIn(REQUEST);
      expect(engine.last()).toMatchObject({ type: 'connect', account: { iceServers: [] } });
    });

    it('gives up after the sign-in timeout pointing at the server address field', async () => {
      const pending = desk.signIn(REQUEST);
      clock.advance(14_999);
      expect(desk.snapshot().session.phase).toBe('signingIn');
      clock.advance(1);
      expect(await pending).toEqual({ ok: false, error: { code: 'timeout', field: 'serverUrl' } });
    });

    it('keeps signing in through an unregistered report, and signs in at the registered one', async () => {
      const pending = desk.signIn(REQUEST);
      emit({ type: 'registration', state: 'unregistered' });
      expect(desk.snapshot().session.phase).toBe('signingIn');
      emit({ type: 'registration', state: 'registered' });
      expect(await pending).toEqual({ ok: true });
    });

    it('logs the refused sign-in with its error, and the successful one with the address', async () => {
      const refused = desk.signIn(REQUEST);
      emit({ type: 'registration', state: 'failed', statusCode: 403, cause: 'Forbidden' });
      const { error } = (await refused) as { error: Record<string, unknown> };
      expect(logger.named('sign-in failed')).toEqual([
        { level: 'warn', message: 'sign-in failed', data: error },
      ]);
      await signedIn();
      expect(logger.named('signed in')).toEqual([
        { level: 'info', message: 'signed in', data: { uri: REQUEST.sipUri } },
      ]);
    });

    it('logs each unreachable server of the list while it moves on to the next', () => {
      void desk.signIn(REQUEST, ['wss://a.example.net', 'wss://b.example.net']);
      emit({ type: 'transport', state: 'disconnected', error: 'WebSocket error 1006' });
      expect(logger.named('sign-in: server unreachable, trying the next')).toEqual([
        {
          level: 'warn',
          message: 'sign-in: server unreachable, trying the next',
          data: { failed: 1, of: 2, error: 'WebSocket error 1006' },
        },
      ]);
    });

    it("asks the engine for the next server at once, not after JsSIP's 10 s recovery wait", () => {
      void desk.signIn(REQUEST, ['wss://a.example.net', 'wss://b.example.net']);
      engine.commands.length = 0;
      emit({ type: 'transport', state: 'disconnected', error: 'WebSocket error 1006' });
      expect(engine.commands).toEqual([{ type: 'reconnect', register: true }]);
    });

    it('asks for no further server once the last one failed: the sign-in fails instead', () => {
      void desk.signIn(REQUEST, ['wss://a.example.net', 'wss://b.example.net']);
      emit({ type: 'transport', state: 'disconnected', error: 'WebSocket error 1006' });
      engine.commands.length = 0;
      emit({ type: 'transport', state: 'disconnected', error: 'WebSocket error 1006' });
      expect(engine.commands.filter((command) => command.type === 'reconnect')).toEqual([]);
      expect(desk.snapshot().session.phase).toBe('signedOut');
    });
  });

  describe('a password the computer could not keep (no protected storage)', () => {
    beforeEach(() => {
      // What the last run left: the form, with the password stored empty.
      const memory = new MemoryStub(false);
      const { password: _password, ...form } = REQUEST;
      memory.save(form, 'secret');
      ({ engine, clock, desk } = newDesk({ logger, memory }));
    });

    it('says no password is saved, and refuses an empty field without connecting', async () => {
      expect(desk.snapshot().session.form).toMatchObject({
        sipUri: REQUEST.sipUri,
        hasSavedPassword: false,
      });
      expect(await desk.signIn({ ...REQUEST, password: '' })).toEqual({
        ok: false,
        error: { code: 'badCredentials', field: 'password' },
      });
      expect(connects()).toBe(0);
    });
  });

  describe('signing out', () => {
    it('refuses sign-out and status changes before any sign-in', () => {
      expect(desk.signOut()).toEqual({ ok: false, reason: 'notSignedIn' });
      expect(desk.setStatus(AVAILABLE)).toEqual({ ok: false, reason: 'notSignedIn' });
    });

    it('cancels a sign-in under way: the pending sign-in answers cancelled and the engine disconnects', async () => {
      const pending = desk.signIn(REQUEST);
      expect(desk.signOut()).toEqual({ ok: true });
      expect(await pending).toEqual({
        ok: false,
        error: { code: 'rejected', detail: 'cancelled' },
      });
      expect(desk.snapshot().session.phase).toBe('signedOut');
      expect(engine.last()).toEqual({ type: 'disconnect' });
      // A late answer from the server changes nothing.
      emit({ type: 'registration', state: 'registered' });
      expect(desk.snapshot()).toMatchObject({
        session: { phase: 'signedOut' },
        registration: 'unregistered',
      });
    });

    it('ignores the reports of a connection it has left: no lost-connection notice, no retry', async () => {
      await available();
      desk.signOut();
      const sent = engine.commands.length;
      emit({ type: 'transport', state: 'disconnected', error: 'WebSocket error 1006' });
      emit({ type: 'registration', state: 'failed', statusCode: 503 });
      clock.advance(60_000);
      expect(desk.snapshot().notice).toBeUndefined();
      expect(desk.snapshot().registration).toBe('unregistered');
      expect(engine.commands.length).toBe(sent);
    });
  });

  describe('the engine page loading', () => {
    it('takes the first load after a sign-in for a start, not a reload', async () => {
      await available();
      const sent = engine.commands.length;
      emit({ type: 'ready' });
      expect(engine.commands.length).toBe(sent);
      expect(desk.snapshot().notice).toBeUndefined();
    });

    it('does not connect a reloaded engine for an agent who signed out, or whose sign-in failed', async () => {
      emit({ type: 'ready' });
      await signedIn();
      desk.signOut();
      emit({ type: 'ready' });
      const refused = desk.signIn(REQUEST);
      emit({ type: 'registration', state: 'failed', statusCode: 401 });
      await refused;
      const sent = connects();
      emit({ type: 'ready' });
      expect(connects()).toBe(sent);
      expect(desk.snapshot().notice).toBeUndefined();
    });

    it('connects a page reloaded during sign-in again, registering, and the sign-in completes', async () => {
      emit({ type: 'ready' });
      const pending = desk.signIn(REQUEST);
      emit({ type: 'ready' });
      expect(engine.last()).toMatchObject({
        type: 'connect',
        register: true,
        account: { sipUri: REQUEST.sipUri },
      });
      expect(desk.snapshot().registration).toBe('registering');
      emit({ type: 'registration', state: 'registered' });
      expect(await pending).toEqual({ ok: true });
    });
  });

  describe('while signed in', () => {
    it('shows a refused re-registration with its code and reason, and each repeat of it', async () => {
      await available();
      let snapshots = 0;
      desk.subscribe(() => void (snapshots += 1));
      emit({ type: 'registration', state: 'failed', statusCode: 403, cause: 'Forbidden' });
      expect(desk.snapshot().notice).toMatchObject({
        level: 'error',
        code: 'registrationFailed',
        values: { cause: '403 Forbidden' },
      });
      emit({ type: 'registration', state: 'failed', cause: 'Request Timeout' });
      expect(desk.snapshot().notice?.values).toEqual({ cause: 'Request Timeout' });
      expect(snapshots).toBe(2);
    });

    it('says reconnected when the line registers again after a refused registration', async () => {
      await available();
      emit({ type: 'registration', state: 'failed', statusCode: 503 });
      emit({ type: 'registration', state: 'registered' });
      expect(desk.snapshot().notice).toMatchObject({ level: 'info', code: 'reconnected' });
    });

    it('does not say reconnected for a registration that was never lost, or on an unregistered report', async () => {
      await available();
      emit({ type: 'transport', state: 'disconnected', error: 'WebSocket error 1006' });
      emit({ type: 'registration', state: 'unregistered' });
      expect(desk.snapshot().notice?.code).toBe('connectionLost');
      desk.notify('info', 'passwordNotRemembered');
      emit({ type: 'registration', state: 'registered' });
      expect(desk.snapshot().notice?.code).toBe('passwordNotRemembered');
    });

    it('logs a lost connection with its error, and a network that came back', async () => {
      await available();
      emit({ type: 'transport', state: 'disconnected', error: 'WebSocket error 1006' });
      emit({ type: 'network', online: true });
      expect(logger.named('connection lost')).toEqual([
        { level: 'warn', message: 'connection lost', data: { error: 'WebSocket error 1006' } },
      ]);
      expect(logger.named('connection: trying now')).toEqual([
        { level: 'info', message: 'connection: trying now', data: { reason: 'online' } },
      ]);
    });

    it('does not try the connection again on a network report while signed out', () => {
      emit({ type: 'network', online: true });
      desk.systemResumed();
      expect(engine.commands).toEqual([]);
      expect(logger.named('connection: trying now')).toEqual([]);
    });
  });
});

describe('Session: a status chosen while the line is unregistering', () => {
  it('registers once the un-REGISTER completes when the agent chose Available meanwhile (sign-in then Available at once)', async () => {
    const { desk, engine } = newDesk();
    const pending = desk.signIn(REQUEST);
    desk.handleEngineEvent({ type: 'registration', state: 'registered' });
    await pending;
    expect(desk.snapshot().registration).toBe('unregistering');
    expect(desk.setStatus(AVAILABLE)).toEqual({ ok: true });
    desk.handleEngineEvent({ type: 'registration', state: 'unregistered' });
    expect(engine.last()).toEqual({ type: 'register' });
    expect(desk.snapshot().registration).toBe('registering');
  });

  it('stays unregistered after the un-REGISTER when the agent is still Offline', async () => {
    const { desk, engine } = newDesk();
    const pending = desk.signIn(REQUEST);
    desk.handleEngineEvent({ type: 'registration', state: 'registered' });
    await pending;
    desk.handleEngineEvent({ type: 'registration', state: 'unregistered' });
    expect(engine.last()).toEqual({ type: 'unregister' });
    expect(desk.snapshot().registration).toBe('unregistered');
  });
});

/** Signing in and out through AgentDesk, and the engine page reloading under a session. */
import { beforeEach, describe, expect, it } from 'vitest';
import { AVAILABLE, DeskState, OFFLINE } from '../../../common/contract';
import type { AgentDesk } from '../AgentDesk';
import {
  deskSteps,
  newDesk,
  REQUEST,
  type MemoryStub,
  type RecordingEngine,
} from '../desk.testkit';
import type { FakeClock } from '../FakeClock.testkit';

describe('AgentDesk', () => {
  let engine: RecordingEngine;
  let clock: FakeClock;
  let memory: MemoryStub;
  let desk: AgentDesk;
  const { emit, signedIn, available, offer } = deskSteps(() => desk);

  beforeEach(() => {
    ({ engine, clock, memory, desk } = newDesk());
  });

  describe('sign-in', () => {
    it('registers, then goes Offline and unregisters, and remembers the form', async () => {
      const pending = desk.signIn(REQUEST);
      expect(desk.snapshot().session.phase).toBe('signingIn');
      expect(engine.last()).toMatchObject({
        type: 'connect',
        register: true,
        account: { password: 'secret' },
      });
      emit({ type: 'registration', state: 'registered' });
      expect(await pending).toEqual({ ok: true });
      const state = desk.snapshot();
      expect(state.session.phase).toBe('signedIn');
      expect(state.agent.statusId).toBe(OFFLINE);
      expect(engine.last()).toEqual({ type: 'unregister' });
      expect(memory.saved?.password).toBe('secret');
      expect(memory.saved?.form).not.toHaveProperty('password');
      expect(state.session.form).toMatchObject({ sipUri: REQUEST.sipUri, hasSavedPassword: true });
      expect(() => DeskState.parse(state)).not.toThrow();
    });

    it('maps a refused password to badCredentials and forgets nothing typed', async () => {
      const pending = desk.signIn(REQUEST);
      emit({
        type: 'registration',
        state: 'failed',
        cause: 'Authentication Error',
        statusCode: 401,
      });
      const result = await pending;
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'badCredentials', field: 'password' },
      });
      expect(desk.snapshot().session).toMatchObject({
        phase: 'signedOut',
        error: { code: 'badCredentials' },
      });
      expect(engine.last()).toEqual({ type: 'disconnect' });
      expect(memory.saved).toBeUndefined();
    });

    it('maps a socket that never opens to serverUnreachable', async () => {
      const pending = desk.signIn(REQUEST);
      emit({ type: 'transport', state: 'disconnected', error: 'WebSocket error 1006' });
      expect(await pending).toMatchObject({
        ok: false,
        error: { code: 'serverUnreachable', field: 'serverUrl' },
      });
    });

    it('moves on to the next server of the list when one is unreachable, and signs in there', async () => {
      const servers = ['wss://down.example.net/ws', 'wss://up.example.net/ws'];
      const pending = desk.signIn(REQUEST, servers);
      expect(engine.last()).toMatchObject({ type: 'connect', account: { serverUrls: servers } });
      emit({ type: 'transport', state: 'disconnected', error: 'WebSocket error 1006' });
      expect(desk.snapshot().session.phase).toBe('signingIn');
      emit({ type: 'transport', state: 'connected' });
      emit({ type: 'registration', state: 'registered' });
      expect(await pending).toEqual({ ok: true });
    });

    it('fails with serverUnreachable only once every server of the list has failed', async () => {
      const servers = [
        'wss://a.example.net/ws',
        'wss://b.example.net/ws',
        'wss://c.example.net/ws',
      ];
      const pending = desk.signIn(REQUEST, servers);
      emit({ type: 'transport', state: 'disconnected', error: 'WebSocket error 1006' });
      emit({ type: 'transport', state: 'disconnected', error: 'WebSocket error 1006' });
      expect(desk.snapshot().session.phase).toBe('signingIn');
      emit({ type: 'transport', state: 'disconnected', error: 'WebSocket error 1006' });
      expect(await pending).toMatchObject({
        ok: false,
        error: { code: 'serverUnreachable', field: 'serverUrl' },
      });
    });

    it('counts failed servers afresh at each sign-in', async () => {
      const servers = ['wss://a.example.net/ws', 'wss://b.example.net/ws'];
      const first = desk.signIn(REQUEST, servers);
      emit({ type: 'transport', state: 'disconnected', error: 'WebSocket error 1006' });
      emit({ type: 'transport', state: 'disconnected', error: 'WebSocket error 1006' });
      expect(await first).toMatchObject({ ok: false });
      const second = desk.signIn(REQUEST, servers);
      emit({ type: 'transport', state: 'disconnected', error: 'WebSocket error 1006' });
      expect(desk.snapshot().session.phase).toBe('signingIn');
      emit({ type: 'registration', state: 'registered' });
      expect(await second).toEqual({ ok: true });
    });

    it('gives up with timeout when the server never answers', async () => {
      const pending = desk.signIn(REQUEST);
      clock.advance(15_000);
      expect(await pending).toMatchObject({ ok: false, error: { code: 'timeout' } });
      expect(desk.snapshot().session.phase).toBe('signedOut');
    });

    it('uses the saved password when the field is left empty, and refuses without one', async () => {
      expect(await desk.signIn({ ...REQUEST, password: '' })).toMatchObject({
        ok: false,
        error: { code: 'badCredentials' },
      });
      await signedIn();
      desk.signOut();
      const pending = desk.signIn({ ...REQUEST, password: '' });
      expect(engine.last()).toMatchObject({ type: 'connect', account: { password: 'secret' } });
      emit({ type: 'registration', state: 'registered' });
      expect(await pending).toEqual({ ok: true });
    });
  });

  describe('sign-out and engine restarts', () => {
    it('refuses sign-out during a contact, then sets Offline and disconnects', async () => {
      await available();
      offer();
      expect(desk.signOut()).toEqual({ ok: false, reason: 'contactActive' });
      desk.contactIntents.reject('call-1');
      expect(desk.signOut()).toEqual({ ok: true });
      const state = desk.snapshot();
      expect(state.session.phase).toBe('signedOut');
      expect(state.agent.statusId).toBe(OFFLINE);
      expect(engine.last()).toEqual({ type: 'disconnect' });
    });

    it('reconnects a reloaded engine and closes the calls it lost', async () => {
      emit({ type: 'ready' });
      await available();
      offer();
      desk.contactIntents.accept('call-1');
      emit({ type: 'confirmed', callId: 'call-1' });
      emit({ type: 'ready' });
      expect(engine.last()).toMatchObject({ type: 'connect', register: true });
      expect(desk.snapshot().contacts[0]).toMatchObject({
        state: 'acw',
        endCode: 'engineRestarted',
      });
      expect(desk.snapshot().notice?.code).toBe('engineRestarted');
    });

    it('reconnects a reloaded engine while Offline unregistered, and registers on Available', async () => {
      emit({ type: 'ready' });
      await signedIn();
      emit({ type: 'ready' });
      expect(engine.last()).toMatchObject({ type: 'connect', register: false });
      expect(desk.snapshot().registration).toBe('unregistered');
      expect(desk.setStatus(AVAILABLE)).toEqual({ ok: true });
      expect(engine.last()).toEqual({ type: 'register' });
      expect(desk.snapshot().registration).toBe('registering');
    });

    it('shows a lost connection at once and its recovery', async () => {
      await available();
      emit({ type: 'transport', state: 'disconnected', error: 'WebSocket error 1006' });
      expect(desk.snapshot()).toMatchObject({
        registration: 'registering',
        notice: { code: 'connectionLost', level: 'error' },
      });
      expect(desk.snapshot().agent.routable).toBe(false);
      emit({ type: 'registration', state: 'registered' });
      expect(desk.snapshot()).toMatchObject({
        registration: 'registered',
        notice: { code: 'reconnected' },
      });
    });
  });
});

/** The agent's status through AgentDesk: the line registers for it, unknown ones are refused. */
import { beforeEach, describe, expect, it } from 'vitest';
import { AVAILABLE, OFFLINE } from '../../../common/contract';
import type { AgentDesk } from '../AgentDesk';
import { deskSteps, newDesk, type RecordingEngine } from '../desk.testkit';
import type { FakeClock } from '../FakeClock.testkit';

describe('AgentDesk', () => {
  let engine: RecordingEngine;
  let clock: FakeClock;
  let desk: AgentDesk;
  const { emit, signedIn } = deskSteps(() => desk);

  beforeEach(() => {
    ({ engine, clock, desk } = newDesk());
  });

  describe('status', () => {
    it('registers on Available and unregisters on Offline, with a status timer', async () => {
      await signedIn();
      clock.advance(5_000);
      desk.setStatus(AVAILABLE);
      expect(engine.last()).toEqual({ type: 'register' });
      expect(desk.snapshot().agent.statusSince).toBe(clock.now());
      emit({ type: 'registration', state: 'registered' });
      desk.setStatus(OFFLINE);
      expect(engine.last()).toEqual({ type: 'unregister' });
      expect(desk.snapshot().registration).toBe('unregistering');
    });

    it('refuses an unknown status', async () => {
      await signedIn();
      expect(desk.setStatus('nap')).toEqual({ ok: false, reason: 'unknownStatus' });
    });
  });
});

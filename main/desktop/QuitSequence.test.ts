/** Quitting: contacts ended, Offline, sign-out with un-REGISTER, waited for only so long. */
import { describe, expect, it } from 'vitest';
import type { DeskState, IntentResult } from '../../common/contract';
import { FakeClock } from '../desk/FakeClock.testkit';
import { deskState, voiceContact } from './deskState.testkit';
import { QuitSequence, type QuitCommands } from './QuitSequence';

/** A desk whose state the test moves, recording the commands it gets in order. */
class ScriptedDesk implements QuitCommands {
  calls: string[] = [];
  private listeners = new Set<(state: DeskState) => void>();
  constructor(public state: DeskState) {}
  snapshot = () => this.state;
  subscribe = (listener: (state: DeskState) => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };
  move(next: Partial<DeskState>): void {
    this.state = { ...this.state, ...next };
    for (const listener of [...this.listeners]) listener(this.state);
  }
  private ok(call: string): IntentResult {
    this.calls.push(call);
    return { ok: true };
  }
  reject = (id: string) => this.ok(`reject ${id}`);
  end = (id: string) => this.ok(`end ${id}`);
  setStatus = (id: string) => this.ok(`status ${id}`);
  signOut = () => this.ok('signOut');
}

describe('QuitSequence', () => {
  it('goes Offline, signs out and finishes when the line says unregistered', async () => {
    const desk = new ScriptedDesk(deskState());
    const clock = new FakeClock();
    const done = new QuitSequence(desk, desk, clock).run();
    expect(desk.calls).toEqual([]);
    await Promise.resolve();
    expect(desk.calls).toEqual(['status offline', 'signOut']);
    desk.move({ registration: 'unregistering' });
    desk.move({ registration: 'unregistered', session: { phase: 'signedOut' } });
    await expect(done).resolves.toEqual({ unregistered: true, endedContacts: 0 });
  });

  it('a server that never answers the un-REGISTER holds the quit only for the bound', async () => {
    const desk = new ScriptedDesk(deskState());
    const clock = new FakeClock();
    const done = new QuitSequence(desk, desk, clock, 3_000).run();
    await Promise.resolve();
    desk.move({ registration: 'unregistering' });
    clock.advance(2_999);
    let settled = false;
    void done.then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    clock.advance(1);
    await expect(done).resolves.toEqual({ unregistered: false, endedContacts: 0 });
  });

  it('rejects a ringing offer and ends a live call first, and signs out once they have ended', async () => {
    const desk = new ScriptedDesk(
      deskState({ contacts: [voiceContact(), voiceContact({ id: 'c2', state: 'connected' })] }),
    );
    const clock = new FakeClock();
    const done = new QuitSequence(desk, desk, clock).run();
    expect(desk.calls).toEqual(['reject c1', 'end c2']);
    desk.move({ contacts: [voiceContact({ id: 'c2', state: 'acw' })] });
    await Promise.resolve();
    await Promise.resolve();
    expect(desk.calls).toEqual(['reject c1', 'end c2', 'status offline', 'signOut']);
    desk.move({ registration: 'unregistered' });
    await expect(done).resolves.toEqual({ unregistered: true, endedContacts: 2 });
  });

  it('signed out already: nothing to un-REGISTER, done at once', async () => {
    const desk = new ScriptedDesk(
      deskState({ session: { phase: 'signedOut' }, registration: 'unregistered' }),
    );
    await expect(new QuitSequence(desk, desk, new FakeClock()).run()).resolves.toEqual({
      unregistered: true,
      endedContacts: 0,
    });
    expect(desk.calls).toEqual([]);
  });

  it('a second Quit joins the first: the commands are sent once', async () => {
    const desk = new ScriptedDesk(deskState());
    const quit = new QuitSequence(desk, desk, new FakeClock());
    const first = quit.run();
    expect(quit.run()).toBe(first);
    await Promise.resolve();
    desk.move({ registration: 'unregistered' });
    await first;
    expect(desk.calls).toEqual(['status offline', 'signOut']);
  });
});

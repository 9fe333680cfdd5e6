/** AgentStatus on its own: the choice, its memory, its history line and the profile's list. */
import { beforeEach, describe, expect, it } from 'vitest';
import { AVAILABLE, OFFLINE } from '../../../common/contract';
import { MemoryHistory, RecordingLogger } from '../desk.testkit';
import { FakeClock } from '../FakeClock.testkit';
import { HistoryRecorder } from '../HistoryRecorder';
import { AgentStatus, type StatusMemory } from './AgentStatus';

class RememberedStatus implements StatusMemory {
  saves: string[] = [];
  constructor(private remembered?: string) {}
  load() {
    return this.remembered;
  }
  save(statusId: string) {
    this.saves.push(statusId);
    this.remembered = statusId;
  }
}

describe('AgentStatus', () => {
  let clock: FakeClock;
  let history: MemoryHistory;
  let logger: RecordingLogger;
  let memory: RememberedStatus;
  let status: AgentStatus;

  const make = (remembered?: string) => {
    memory = new RememberedStatus(remembered);
    status = new AgentStatus(clock, logger, new HistoryRecorder(history, logger), memory);
  };

  beforeEach(() => {
    clock = new FakeClock();
    history = new MemoryHistory();
    logger = new RecordingLogger();
    make();
  });

  it('offers Available, Offline and the default Break, Lunch and Training before any profile', () => {
    expect(status.snapshot(false).statuses.map((s) => s.id)).toEqual([
      AVAILABLE,
      OFFLINE,
      'break',
      'lunch',
      'training',
    ]);
  });

  it("replaces the default custom statuses with the profile's, and restores the defaults when it has none", () => {
    status.useCustomStatuses([{ id: 'coaching', label: 'Coaching', kind: 'custom' }]);
    expect(status.snapshot(false).statuses.map((s) => s.id)).toEqual([
      AVAILABLE,
      OFFLINE,
      'coaching',
    ]);
    expect(status.choose('break')).toEqual({ ok: false, reason: 'unknownStatus' });
    expect(status.choose('coaching')).toEqual({ ok: true });
    status.useCustomStatuses(undefined);
    expect(status.snapshot(false).statuses.map((s) => s.id)).toContain('break');
  });

  it('writes a status line with the label the agent saw, at the time of the change, and logs it', () => {
    status.useCustomStatuses([{ id: 'coaching', label: 'Coaching session', kind: 'custom' }]);
    clock.advance(1_000);
    status.choose('coaching');
    expect(history.records).toEqual([
      { type: 'status', at: clock.now(), statusId: 'coaching', label: 'Coaching session' },
    ]);
    expect(logger.entries()).toContainEqual({
      level: 'info',
      message: 'status',
      data: { statusId: 'coaching' },
    });
  });

  it('labels a status the list no longer has with its id (a restored status the profile dropped)', () => {
    status.set('retired');
    expect(history.records.at(-1)).toMatchObject({ statusId: 'retired', label: 'retired' });
  });

  it('choosing the current status again neither remembers it again nor writes a second line', () => {
    status.choose('lunch');
    clock.advance(60_000);
    expect(status.choose('lunch')).toEqual({ ok: true });
    expect(memory.saves).toEqual(['lunch']);
    expect(history.records).toHaveLength(1);
    expect(status.snapshot(false).statusSince).toBe(clock.now() - 60_000);
  });

  it('set() does not remember the status for the next sign-in; choose() does', () => {
    status.set(AVAILABLE);
    expect(memory.saves).toEqual([]);
    status.choose('break');
    expect(memory.saves).toEqual(['break']);
  });

  it('restores the remembered status when it still exists, Offline when it does not', () => {
    make('lunch');
    status.restore();
    expect(status.id).toBe('lunch');
    make('gone');
    status.set(AVAILABLE);
    status.restore();
    expect(status.id).toBe(OFFLINE);
  });

  it('says whether the agent is Offline or Available', () => {
    expect([status.isOffline, status.isAvailable]).toEqual([true, false]);
    status.choose(AVAILABLE);
    expect([status.isOffline, status.isAvailable]).toEqual([false, true]);
    status.choose('break');
    expect([status.isOffline, status.isAvailable]).toEqual([false, false]);
  });
});

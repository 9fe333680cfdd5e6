import { describe, expect, it } from 'vitest';
import type { EngineCommand } from '../../../common/contract';
import { FakeClock } from '../FakeClock.testkit';
import { LegReaper, TRANSFERRED_LEG_GRACE_MS } from './LegReaper';

describe('LegReaper', () => {
  it('hangs a leg up after the grace period, unless it ended first', () => {
    const clock = new FakeClock();
    const sent: EngineCommand[] = [];
    const reaper = new LegReaper(clock, { send: (command) => sent.push(command) });
    reaper.hangUpLater('stuck');
    reaper.hangUpLater('polite');
    clock.advance(TRANSFERRED_LEG_GRACE_MS - 1);
    expect(reaper.ended('polite')).toBe(true);
    expect(reaper.ended('never-watched')).toBe(false);
    expect(sent).toEqual([]);
    clock.advance(1);
    expect(sent).toEqual([{ type: 'hangup', callId: 'stuck' }]);
    expect(reaper.ended('stuck')).toBe(false);
    expect(clock.pendingTimers()).toBe(0);
  });
});

/** Call setup as the engine sees it: the `call` command to `confirmed`, one call at a time. */
import type { TestPhone } from '../e2e/harness/TestPhone';

export async function engineCallSetup(
  caller: TestPhone,
  callee: TestPhone,
  target: string,
  runs: number,
): Promise<number[]> {
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    await caller.clearEvents();
    await callee.clearEvents();
    const callId = `bench-${run}`;
    const sentAt = await caller.timedCommand({ type: 'call', callId, target });
    const confirmed = await caller.waitFor('confirmed', (event) => event.callId === callId, 30_000);
    times.push(confirmed.at - sentAt);
    await caller.command({ type: 'hangup', callId });
    await callee.waitFor('ended');
  }
  return times;
}

/** Call setup as the engine sees it: the `call` command to `confirmed`, one call at a time. */
import type { TestPhone } from '../e2e/harness/TestPhone';
import { callerSteps, type CallerSteps, takeCallerStamps } from './callerSteps';
import type { EngineProfiler } from './answerSteps';

export interface EngineCallSetup {
  readonly times: number[];
  /** Per call, where its page stamps its INVITE and 200 OK (installSipTimer); else empty. */
  readonly steps: (CallerSteps | undefined)[];
}

export async function engineCallSetup(
  caller: TestPhone,
  callee: TestPhone,
  target: string,
  runs: number,
  profiler?: EngineProfiler,
): Promise<EngineCallSetup> {
  const times: number[] = [];
  const steps: (CallerSteps | undefined)[] = [];
  const stamped = await caller.page.evaluate(() => '__sipTimes' in window);
  for (let run = 0; run < runs; run += 1) {
    await caller.clearEvents();
    await callee.clearEvents();
    if (stamped) await takeCallerStamps(caller.page);
    const callId = `bench-${run}`;
    await profiler?.start();
    const sentAt = await caller.timedCommand({ type: 'call', callId, target });
    const confirmed = await caller.waitFor('confirmed', (event) => event.callId === callId, 30_000);
    await profiler?.stop();
    times.push(confirmed.at - sentAt);
    if (stamped) steps.push(callerSteps(sentAt, confirmed.at, await takeCallerStamps(caller.page)));
    await caller.command({ type: 'hangup', callId });
    await callee.waitFor('ended');
  }
  return { times, steps };
}

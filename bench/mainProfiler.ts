/**
 * `BENCH_PROFILE=main-offer`: a CPU profile of main (this process: main runs in the bench's
 * process behind the harness) from each call placed until its banner shows, summed over the
 * calls and printed as the functions with the most self time. Playwright's client shares the
 * process, so its frames (node_modules/playwright-core) show too: they are the harness's.
 */
import { Session } from 'node:inspector/promises';
import { SelfTimes, type CpuProfile } from './selfTimes';

export class MainProfiler {
  private readonly times = new SelfTimes();
  private readonly session = new Session();
  private connected = false;

  async start(): Promise<void> {
    if (!this.connected) {
      this.session.connect();
      this.connected = true;
      await this.session.post('Profiler.enable');
      await this.session.post('Profiler.setSamplingInterval', { interval: 100 });
    }
    await this.session.post('Profiler.start');
  }

  async stop(): Promise<void> {
    const { profile } = (await this.session.post('Profiler.stop')) as { profile: CpuProfile };
    this.times.add(profile, (url) =>
      url.replace(/^.*\/(node_modules\/[^/]+|[^/]+\/[^/]+)\//, '$1/'),
    );
  }

  report(top = 30): string {
    return this.times.report('main (bench process), call placed to banner', top);
  }
}

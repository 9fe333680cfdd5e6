/**
 * `BENCH_PROFILE=main-offer`: a CPU profile of main (this process: main runs in the bench's
 * process behind the harness) from each call placed until its banner shows, summed over the
 * calls and printed as the functions with the most self time. Playwright's client shares the
 * process, so its frames (node_modules/playwright-core) show too: they are the harness's.
 */
import { Session } from 'node:inspector/promises';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export class MainProfiler {
  private readonly selfMs = new Map<string, number>();
  private totalMs = 0;
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
    const byId = new Map(profile.nodes.map((node) => [node.id, node]));
    profile.samples.forEach((id, index) => {
      const frame = byId.get(id)!.callFrame;
      const file = frame.url.replace(/^.*\/(node_modules\/[^/]+|[^/]+\/[^/]+)\//, '$1/');
      const name = `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}`;
      const ms = (profile.timeDeltas[index] ?? 0) / 1000;
      this.selfMs.set(name, (this.selfMs.get(name) ?? 0) + ms);
      this.totalMs += ms;
    });
  }

  report(top = 30): string {
    const rows = [...this.selfMs.entries()].sort((a, b) => b[1] - a[1]).slice(0, top);
    return [
      `main (bench process), call placed to banner, ${this.totalMs.toFixed(1)} ms sampled:`,
      ...rows.map(([name, ms]) => `${ms.toFixed(1).padStart(8)} ms  ${name}`),
    ].join('\n');
  }
}

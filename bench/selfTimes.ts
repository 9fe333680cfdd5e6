/**
 * CPU profiles (the DevTools protocol's Profiler.stop result) summed by function: the self time
 * of each, over as many profiles as are added, for the bench's BENCH_PROFILE tables.
 */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export class SelfTimes {
  private readonly selfMs = new Map<string, number>();
  private totalMs = 0;

  /** `fileOf` shortens a frame's URL to what the table shows. */
  add(profile: CpuProfile, fileOf: (url: string) => string): void {
    const byId = new Map(profile.nodes.map((node) => [node.id, node]));
    profile.samples.forEach((id, index) => {
      const frame = byId.get(id)!.callFrame;
      const name = `${frame.functionName || '(anonymous)'} ${fileOf(frame.url)}:${frame.lineNumber + 1}`;
      const ms = (profile.timeDeltas[index] ?? 0) / 1000;
      this.selfMs.set(name, (this.selfMs.get(name) ?? 0) + ms);
      this.totalMs += ms;
    });
  }

  /** The functions with the most self time, under `title` and the time sampled. */
  report(title: string, top: number): string {
    const rows = [...this.selfMs.entries()].sort((a, b) => b[1] - a[1]).slice(0, top);
    return [
      `${title}, ${this.totalMs.toFixed(1)} ms sampled:`,
      ...rows.map(([name, ms]) => `${ms.toFixed(1).padStart(8)} ms  ${name}`),
    ].join('\n');
  }
}

/**
 * Decides when an offer or answer may leave without waiting for ICE gathering to finish.
 *
 * JsSIP by default sends the SDP only when gathering completes, which with a slow or dead
 * STUN/TURN server costs seconds on every call. We send as soon as the candidates that matter
 * exist: any candidate when no STUN/TURN is configured; otherwise the first server-reflexive
 * or relay candidate, or whatever we have once `boundMs` has passed since the first one.
 */
export interface GatheringCandidate {
  readonly type: string | null;
}

export class IceGatheringPolicy {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private done = false;
  private readonly startedAt = performance.now();

  constructor(
    private readonly hasIceServers: boolean,
    private readonly boundMs: number,
    private readonly release: (waitedMs: number) => void,
  ) {}

  onCandidate(candidate: GatheringCandidate): void {
    if (this.done) return;
    const useful = !this.hasIceServers || candidate.type === 'srflx' || candidate.type === 'relay';
    if (useful) {
      this.finish();
      return;
    }
    this.timer ??= setTimeout(() => this.finish(), this.boundMs);
  }

  private finish(): void {
    if (this.done) return;
    this.done = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.release(performance.now() - this.startedAt);
  }
}

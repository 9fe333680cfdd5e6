/**
 * One IceGatheringPolicy per offer or answer JsSIP builds. JsSIP hands out a fresh `ready`
 * callback for every round, so a policy is keyed by it, and released the moment the policy
 * says the candidates suffice.
 */
import type { IceCandidateEvent } from 'jssip/lib/RTCSession';
import { IceGatheringPolicy } from './IceGatheringPolicy';

export interface GatheringSettings {
  readonly hasIceServers: boolean;
  readonly boundMs: number;
}

export class IceGatheringRounds {
  /** Measured ICE wait of every offer/answer, for the bench and diagnostics. */
  readonly waits: number[] = [];
  private readonly rounds = new WeakMap<() => void, IceGatheringPolicy>();

  onCandidate(event: IceCandidateEvent, settings: GatheringSettings): void {
    let policy = this.rounds.get(event.ready);
    if (!policy) {
      policy = new IceGatheringPolicy(settings.hasIceServers, settings.boundMs, (waitedMs) => {
        this.waits.push(waitedMs);
        event.ready();
      });
      this.rounds.set(event.ready, policy);
    }
    policy.onCandidate(event.candidate);
  }
}

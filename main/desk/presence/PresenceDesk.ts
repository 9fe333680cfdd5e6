/**
 * Presence at the desk (D5): tells the engine which colleagues to watch (the targets of the
 * profile's agent quick connects) and what to publish for the agent, each time only when it
 * changed; keeps what the engine last reported per target, and gives the UI the presence of
 * each agent quick connect. Everything it does not know yet is `unknown`.
 */
import type {
  DeskState,
  EngineEvent,
  PresencePublication,
  QuickConnect,
} from '../../../common/contract';
import type { EnginePort } from '../ports';
import { presencePublication } from './presencePublication';

type Seen = NonNullable<DeskState['quickConnectPresence']>[string];
type PresenceReport = Extract<EngineEvent, { type: 'presence' }>;

export class PresenceDesk {
  private readonly seen = new Map<string, Seen>();
  /** What the engine page was last told (undefined: a fresh page, told nothing). */
  private sentTargets: string | undefined;
  private sentPublication: string | undefined;

  constructor(private readonly engine: EnginePort) {}

  /** After a desk change: the watch list, and the agent's publication from their status. */
  follow(
    quickConnects: readonly QuickConnect[],
    signedIn: boolean,
    status: { snapshot(routable: boolean): Pick<DeskState['agent'], 'statusId' | 'statuses'> },
  ): void {
    this.sync(quickConnects, presencePublication(signedIn, status.snapshot(false)));
  }

  /** Sends the watch list and the publication where they differ from what the page has. */
  sync(quickConnects: readonly QuickConnect[], publication: PresencePublication | null): void {
    const targets = agentTargets(quickConnects);
    const targetsKey = JSON.stringify(targets);
    if (targetsKey !== this.sentTargets) {
      this.sentTargets = targetsKey;
      this.engine.send({ type: 'presence-watch', targets });
    }
    const publicationKey = JSON.stringify(publication);
    if (publicationKey !== this.sentPublication) {
      this.sentPublication = publicationKey;
      this.engine.send({ type: 'presence-publish', publication });
    }
  }

  /** A report from the engine; false when it changed nothing the UI shows. */
  onReport(event: PresenceReport): boolean {
    const before = this.seen.get(event.target);
    const next: Seen = event.note
      ? { state: event.state, note: event.note }
      : { state: event.state };
    if (before?.state === next.state && before.note === next.note) return false;
    this.seen.set(event.target, next);
    return true;
  }

  /** A new engine page knows nothing: tell it everything again, and forget what was seen. */
  engineReloaded(): void {
    this.sentTargets = undefined;
    this.sentPublication = undefined;
    this.seen.clear();
  }

  /** The presence of each agent quick connect shown, by its id. */
  snapshot(shown: readonly QuickConnect[]): DeskState['quickConnectPresence'] {
    const agents = shown.filter((entry) => entry.kind === 'agent');
    if (agents.length === 0) return undefined;
    return Object.fromEntries(
      agents.map((entry) => [entry.id, this.seen.get(entry.target) ?? { state: 'unknown' }]),
    );
  }
}

/** Each agent quick connect's target once, in the profile's order. */
function agentTargets(quickConnects: readonly QuickConnect[]): string[] {
  return [...new Set(quickConnects.filter((entry) => entry.kind === 'agent').map((e) => e.target))];
}

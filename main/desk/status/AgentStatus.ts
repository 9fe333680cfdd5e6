/**
 * The agent's status (A4, C4): the one they chose, since when, the statuses they may choose
 * from, and the memory that restores the last choice at the next sign-in. Every change is
 * written to the history, so reporting sees how long the agent spent in each.
 */
import {
  AVAILABLE,
  OFFLINE,
  type AgentStatusDefinition,
  type DeskState,
  type IntentResult,
} from '../../../common/contract';
import type { HistoryRecorder } from '../HistoryRecorder';
import type { Clock, DeskLogger } from '../ports';
import { BUILT_IN_STATUSES, DEFAULT_CUSTOM_STATUSES } from './defaultStatuses';

/** Where the agent's last chosen status is kept, so the next sign-in restores it (A4). */
export interface StatusMemory {
  load(): string | undefined;
  save(statusId: string): void;
}

export class AgentStatus {
  private current: string = OFFLINE;
  private since: number;
  private statuses: AgentStatusDefinition[] = [...BUILT_IN_STATUSES, ...DEFAULT_CUSTOM_STATUSES];

  constructor(
    private readonly clock: Clock,
    private readonly logger: DeskLogger,
    private readonly history: HistoryRecorder,
    private readonly memory: StatusMemory | undefined,
  ) {
    this.since = clock.now();
  }

  get id(): string {
    return this.current;
  }

  get isOffline(): boolean {
    return this.current === OFFLINE;
  }

  get isAvailable(): boolean {
    return this.current === AVAILABLE;
  }

  /**
   * The profile's custom statuses next to the built-in ones. The chosen status stays even if
   * the new list dropped it, until the agent picks another.
   */
  useCustomStatuses(custom: readonly AgentStatusDefinition[] | undefined): void {
    this.statuses = [...BUILT_IN_STATUSES, ...(custom ?? DEFAULT_CUSTOM_STATUSES)];
  }

  private exists(statusId: string): boolean {
    return this.statuses.some((status) => status.id === statusId);
  }

  /** The agent picks a status; remembered for the next sign-in. */
  choose(statusId: string): IntentResult {
    if (!this.exists(statusId)) return { ok: false, reason: 'unknownStatus' };
    if (statusId === this.current) return { ok: true };
    this.set(statusId);
    this.memory?.save(statusId);
    return { ok: true };
  }

  /** Sets the status without remembering it: Offline at sign-out, the restored one at sign-in. */
  set(statusId: string): void {
    if (statusId === this.current) return;
    this.current = statusId;
    this.since = this.clock.now();
    this.logger.info('status', { statusId });
    const label = this.statuses.find((status) => status.id === statusId)?.label ?? statusId;
    this.history.append({ type: 'status', at: this.since, statusId, label });
  }

  /** The status the agent last chose, when it still exists; Offline otherwise. */
  restore(): void {
    const remembered = this.memory?.load();
    this.set(remembered && this.exists(remembered) ? remembered : OFFLINE);
  }

  snapshot(routable: boolean): DeskState['agent'] {
    return {
      statusId: this.current,
      statusSince: this.since,
      statuses: this.statuses,
      routable,
    };
  }
}

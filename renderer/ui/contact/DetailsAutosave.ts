/**
 * Saves the contact details the agent types (D8) without a Save button: each edit waits a
 * short pause, then the latest draft goes to main. One request at a time, latest draft wins,
 * so nothing typed is lost and main never sees an older draft after a newer one.
 *
 * Framework-free on purpose: the timing rules are tested with fake timers, the React hook only
 * mirrors `snapshot` into state.
 */
import type { ContactDetails, IntentResult } from '../../../common/contract';
import { errorMessage } from '../shared/errorMessage';
import type { IntentFailure } from '../shared/useIntent';

export type SaveState =
  /** Nothing typed since the contact opened: what main has is what is shown. */
  | 'idle'
  /** Typed; waiting for the pause before sending. */
  | 'pending'
  /** A save is in flight (more typing may be queued behind it). */
  | 'saving'
  | 'saved'
  /** The last save was refused or failed; the draft is kept and sent again on the next edit. */
  | 'failed';

type SaveEvent = 'edit' | 'send' | 'succeeded' | 'failed';

const transitions: Readonly<Record<SaveState, Partial<Record<SaveEvent, SaveState>>>> = {
  idle: { edit: 'pending' },
  pending: { edit: 'pending', send: 'saving' },
  // Typing during a save stays `saving`: the newer draft is sent as soon as this one answers.
  saving: { edit: 'saving', succeeded: 'saved', failed: 'failed' },
  saved: { edit: 'pending' },
  failed: { edit: 'pending', send: 'saving' },
};

export interface SaveSnapshot {
  state: SaveState;
  failure?: IntentFailure;
}

export interface AutosaveTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface DetailsAutosaveOptions {
  save(details: ContactDetails): Promise<IntentResult>;
  onChange(snapshot: SaveSnapshot): void;
  /** The pause after the last keystroke; long enough not to send every character. */
  delayMs?: number;
  timers?: AutosaveTimers;
}

export const AUTOSAVE_DELAY_MS = 400;

export class DetailsAutosave {
  private state: SaveState = 'idle';
  private failure: IntentFailure | undefined;
  /** The newest draft not yet sent; undefined when main has (or is getting) the latest. */
  private unsent: ContactDetails | undefined;
  private timer: unknown;
  private inFlight: Promise<void> | undefined;
  private readonly delayMs: number;
  private readonly timers: AutosaveTimers;

  constructor(private readonly options: DetailsAutosaveOptions) {
    this.delayMs = options.delayMs ?? AUTOSAVE_DELAY_MS;
    this.timers = options.timers ?? {
      setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
      clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
    };
  }

  get snapshot(): SaveSnapshot {
    return this.failure ? { state: this.state, failure: this.failure } : { state: this.state };
  }

  /** The agent changed something: restart the pause, remember only the newest draft. */
  edit(details: ContactDetails): void {
    this.unsent = details;
    this.move('edit');
    this.cancelTimer();
    if (this.state === 'pending') {
      this.timer = this.timers.setTimeout(() => {
        this.timer = undefined;
        this.sendUnsent();
      }, this.delayMs);
    }
  }

  /**
   * Sends whatever is waiting now and resolves once main has the newest draft (true) or the
   * save failed (false). Clear Contact awaits it so the last words typed are in the history.
   * A refused draft is tried once more here, not in a loop: main would refuse it again.
   */
  async flush(): Promise<boolean> {
    this.cancelTimer();
    await this.settled();
    if (this.unsent) {
      this.sendUnsent();
      await this.settled();
    }
    return this.state !== 'failed';
  }

  /** Sends what is waiting at once (the contact's view is closing), without waiting. */
  dispose(): void {
    this.cancelTimer();
    if (this.unsent && this.state === 'pending') this.sendUnsent();
  }

  private async settled(): Promise<void> {
    // A save that answers may start the next one (typed meanwhile): wait for the whole chain.
    while (this.inFlight) await this.inFlight;
  }

  private sendUnsent(): void {
    const details = this.unsent;
    if (!details || this.inFlight) return;
    this.unsent = undefined;
    this.move('send');
    this.inFlight = this.options
      .save(details)
      .then(
        (result) => (result.ok ? undefined : ({ kind: 'refused', reason: result.reason } as const)),
        (error: unknown) => ({ kind: 'exception', message: errorMessage(error) }) as const,
      )
      .then((failure) => {
        this.inFlight = undefined;
        const typedMeanwhile = this.unsent !== undefined;
        // A refused draft stays the one to send (by the next edit or a flush), never dropped.
        if (failure && !typedMeanwhile) this.unsent = details;
        this.failure = failure;
        this.move(failure ? 'failed' : 'succeeded');
        if (typedMeanwhile) {
          this.move('edit');
          this.sendUnsent();
        }
      });
  }

  private cancelTimer(): void {
    if (this.timer === undefined) return;
    this.timers.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private move(event: SaveEvent): void {
    const next = transitions[this.state][event];
    if (!next)
      throw new Error(`DetailsAutosave: '${event}' is not allowed in state '${this.state}'`);
    if (event === 'edit' || event === 'send') this.failure = undefined;
    const changed = next !== this.state;
    this.state = next;
    if (changed || event !== 'edit') this.options.onChange(this.snapshot);
  }
}

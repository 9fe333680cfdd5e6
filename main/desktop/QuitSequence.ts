/**
 * Quitting the app (tray, menu, OS logoff or shutdown), in the order the server and the
 * reports need: offers are rejected and calls ended (the customer hears the call end instead
 * of dead air), the agent goes Offline (the status change is recorded in the history), signs
 * out (un-REGISTER, so the server stops routing at once instead of for up to the REGISTER's
 * expiry), and the un-REGISTER is waited for, but only for a short bound: a dead server must
 * not keep the app from closing. Then the caller flushes and exits.
 *
 * Runs once: a second Quit (the OS asking again during shutdown) joins the first.
 */
import type { DeskState, IntentResult } from '../../common/contract';
import type { Clock } from '../desk/ports';
import { isLive, isOffer } from './contactMoments';

export interface QuitCommands {
  reject(contactId: string): IntentResult;
  end(contactId: string): IntentResult;
  setStatus(statusId: string): IntentResult;
  signOut(): IntentResult;
}

export interface QuitDesk {
  snapshot(): DeskState;
  subscribe(listener: (state: DeskState) => void): () => void;
}

export interface QuitReport {
  /** The server confirmed the un-REGISTER (or there was nothing registered). */
  unregistered: boolean;
  /** Contacts the sequence ended or rejected on the way out. */
  endedContacts: number;
}

/** Long enough for a REGISTER round trip over a slow VPN, short enough that logoff is not held. */
export const UNREGISTER_BOUND_MS = 3_000;

export class QuitSequence {
  private running: Promise<QuitReport> | undefined;

  constructor(
    private readonly commands: QuitCommands,
    private readonly desk: QuitDesk,
    private readonly clock: Clock,
    private readonly boundMs = UNREGISTER_BOUND_MS,
  ) {}

  get started(): boolean {
    return this.running !== undefined;
  }

  run(): Promise<QuitReport> {
    this.running ??= this.leave();
    return this.running;
  }

  private async leave(): Promise<QuitReport> {
    const deadline = this.clock.now() + this.boundMs;
    let endedContacts = 0;
    for (const contact of this.desk.snapshot().contacts) {
      if (isOffer(contact) && this.commands.reject(contact.id).ok) endedContacts += 1;
      else if (isLive(contact) && this.commands.end(contact.id).ok) endedContacts += 1;
    }
    // A call ends when the engine says so; sign-out is refused while one is still live.
    await this.until((state) => !state.contacts.some((c) => isOffer(c) || isLive(c)), deadline);
    if (this.desk.snapshot().session.phase === 'signedOut') {
      return { unregistered: true, endedContacts };
    }
    this.commands.setStatus('offline');
    this.commands.signOut();
    const unregistered = await this.until(
      (state) => state.registration === 'unregistered' || state.registration === 'failed',
      deadline,
    );
    return { unregistered, endedContacts };
  }

  /** Resolves true once the desk's state passes `test`, false when the deadline comes first. */
  private until(test: (state: DeskState) => boolean, deadline: number): Promise<boolean> {
    if (test(this.desk.snapshot())) return Promise.resolve(true);
    const left = deadline - this.clock.now();
    if (left <= 0) return Promise.resolve(false);
    return new Promise((resolve) => {
      const unsubscribe = this.desk.subscribe((state) => {
        if (!test(state)) return;
        timer.cancel();
        unsubscribe();
        resolve(true);
      });
      const timer = this.clock.after(left, () => {
        unsubscribe();
        resolve(false);
      });
    });
  }
}

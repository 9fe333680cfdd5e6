/**
 * The SIP dialogs of the calls the engine has up, as the engine reported them. An engine page
 * that reloads or crashes takes its calls' state with it, and the far end would stay on the
 * line until it gives up by itself (session timers are off): the next engine ends each dialog
 * left here with a BYE (`release-dialogs`).
 */
import type { SipDialog } from '../../../common/contract';

export class DialogLedger {
  private readonly dialogs = new Map<string, SipDialog>();

  /** A call's dialog is up, or changed (a transfer replaced its session). */
  record(callId: string, dialog: SipDialog): void {
    this.dialogs.set(callId, dialog);
  }

  /** The engine reported the call ended: its dialog is gone with it. */
  forget(callId: string): void {
    this.dialogs.delete(callId);
  }

  /** The dialogs an engine left behind, handed over once. */
  takeAll(): SipDialog[] {
    const left = [...this.dialogs.values()];
    this.dialogs.clear();
    return left;
  }
}

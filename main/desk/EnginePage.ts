/**
 * The engine page as the desk keeps track of it: whether it is lost, what it was last told
 * about offers ringing, and the dialogs of its calls, which a page that replaces it must hang
 * up (BYE) so no customer stays on a dead line.
 */
import type { EngineEvent } from '../../common/contract';
import type { DeskLogger, EnginePort } from './ports';
import { DialogLedger } from './voice/DialogLedger';
import { warmMicrophoneWanted, type WarmMicrophoneFacts } from './warmMicrophoneRule';

export class EnginePage {
  private readonly dialogs = new DialogLedger();
  /** What the page was last told (undefined: a fresh page, told nothing, its gate open). */
  private gateOpen: boolean | undefined;
  /** Whether the page was last told to keep the microphone open (undefined: told nothing). */
  private microphoneWarm: boolean | undefined;
  private down = false;

  constructor(
    private readonly engine: EnginePort,
    private readonly logger: DeskLogger,
  ) {}

  /** After a desk change: whether offers may ring, and whether to keep the microphone open. */
  follow(desk: WarmMicrophoneFacts & { readonly routable: boolean }): void {
    this.syncOfferGate(desk.routable);
    this.syncMicrophoneWarm(warmMicrophoneWanted(desk));
  }

  /**
   * Tells the page whether offers may ring, when that changed: behind a closed gate it answers
   * INVITEs 486 by itself. The desk still checks each offer that reaches it; the gate only
   * spares it the ones it would refuse anyway.
   */
  syncOfferGate(open: boolean): void {
    if (open === this.gateOpen) return;
    this.gateOpen = open;
    this.engine.send({ type: 'offer-gate', ring: open });
  }

  /**
   * Tells the page whether to keep the microphone open between calls, when that changed. A
   * fresh page holds it closed, so only `true` needs saying to one.
   */
  syncMicrophoneWarm(on: boolean): void {
    if (on === (this.microphoneWarm ?? false)) return;
    this.microphoneWarm = on;
    this.engine.send({ type: 'microphone-warm', on });
  }

  /** Takes in what this page's bookkeeping needs from every event. */
  observe(event: EngineEvent): void {
    switch (event.type) {
      case 'dialog':
        this.dialogs.record(event.callId, event.dialog);
        return;
      case 'pong':
        return;
      case 'offers-refused':
        this.logger.info('offers refused by the engine: agent not routable', {
          count: event.count,
          lastFrom: event.lastFrom,
        });
        return;
      case 'ended':
        this.dialogs.forget(event.callId);
        return;
      default:
        return;
    }
  }

  /** Lost and not yet replaced by a page that said `ready`: commands would go nowhere. */
  get lost(): boolean {
    return this.down;
  }

  /** The page is hung or gone; false when that was already known. */
  markLost(): boolean {
    if (this.down) return false;
    this.down = true;
    return true;
  }

  /** A page said `ready`: it is up, with its gate open until told otherwise. */
  loaded(): void {
    this.down = false;
    this.gateOpen = undefined;
    this.microphoneWarm = undefined;
  }

  /** Has the page just loaded hang up (BYE) the dialogs an earlier page left behind. */
  releaseOrphans(): void {
    const orphans = this.dialogs.takeAll();
    if (orphans.length === 0) return;
    this.logger.info('releasing dialogs of the previous engine', { count: orphans.length });
    this.engine.send({ type: 'release-dialogs', dialogs: orphans });
  }
}

/**
 * When a downloaded update may restart the app (SPEC G5). An update never restarts OpenCCP
 * during a contact (ringing, connected or in after contact work), nor while the agent is
 * Available or signed in, unless the agent asked for it ("Restart to update"); and even then
 * it waits for the contact to end. Without consent, the update installs when the app quits.
 *
 * Pure: the Electron side feeds it the updater's events and the desk's state and does what it
 * answers (restartNow), nothing else.
 */

/** What the gate needs to know about the desk. */
export interface DeskMoment {
  signedIn: boolean;
  /** Any contact: offered, connected, on hold or in after contact work. */
  contactActive: boolean;
}

export type UpdatePhase =
  | { kind: 'idle' }
  | { kind: 'checking' }
  | { kind: 'downloading'; version: string }
  | { kind: 'ready'; version: string; consented: boolean }
  | { kind: 'failed'; reason: string };

export type UpdateEvent =
  | { type: 'checking' }
  | { type: 'available'; version: string }
  | { type: 'notAvailable' }
  | { type: 'downloaded'; version: string }
  | { type: 'error'; reason: string }
  /** The agent chose "Restart to update". */
  | { type: 'consent' };

export function nextPhase(phase: UpdatePhase, event: UpdateEvent): UpdatePhase {
  switch (event.type) {
    case 'checking':
      // A check while an update waits changes nothing: it is still ready to install.
      return phase.kind === 'ready' ? phase : { kind: 'checking' };
    case 'available':
      return phase.kind === 'ready' ? phase : { kind: 'downloading', version: event.version };
    case 'notAvailable':
      return phase.kind === 'ready' ? phase : { kind: 'idle' };
    case 'downloaded':
      return {
        kind: 'ready',
        version: event.version,
        // Consent was for a version the agent saw; a newer download asks again.
        consented: phase.kind === 'ready' && phase.version === event.version && phase.consented,
      };
    case 'error':
      return phase.kind === 'ready' ? phase : { kind: 'failed', reason: event.reason };
    case 'consent':
      return phase.kind === 'ready' ? { ...phase, consented: true } : phase;
  }
}

/** Whether the app may quit and install now. */
export function mayRestartNow(phase: UpdatePhase, desk: DeskMoment): boolean {
  if (phase.kind !== 'ready' || desk.contactActive) return false;
  return phase.consented || !desk.signedIn;
}

/** Holds the phase; `restart` is called once, at the first moment the gate allows it. */
export class UpdateGate {
  private phase: UpdatePhase = { kind: 'idle' };
  private desk: DeskMoment = { signedIn: false, contactActive: false };
  private restarted = false;

  constructor(
    private readonly restart: () => void,
    private readonly changed: (phase: UpdatePhase) => void = () => undefined,
  ) {}

  current(): UpdatePhase {
    return this.phase;
  }

  handle(event: UpdateEvent): void {
    this.phase = nextPhase(this.phase, event);
    this.changed(this.phase);
    this.settle();
  }

  deskChanged(desk: DeskMoment): void {
    this.desk = desk;
    this.settle();
  }

  private settle(): void {
    if (this.restarted || !mayRestartNow(this.phase, this.desk)) return;
    this.restarted = true;
    this.restart();
  }
}

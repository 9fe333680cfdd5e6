/**
 * The app's own updates, between the updater, the gate and the desk (SPEC G5): the policy's
 * settings decide whether to look at all, the gate decides when a downloaded update may
 * restart the app, and the desk shows the offer ("Restart to update") or, for an install IT
 * updates (MSI, deb, rpm), that IT does. The agent's consent arrives through DeskCommands.
 */
import type { DeskState, IntentResult, UpdateOffer } from '../../common/contract';
import type { Logger } from '../log/Logger';
import { deskMoment } from './deskMoment';
import { UpdateGate, type UpdatePhase } from './UpdateGate';
import type { UpdaterPort } from './UpdaterPort';
import type { UpdateSettings } from './updateSettings';

/** What AppUpdates needs of the desk: its state to judge the moment, and a place to show. */
export interface UpdatesDesk {
  snapshot(): DeskState;
  subscribe(listener: (state: DeskState) => void): () => void;
  setUpdateOffer(offer: UpdateOffer | undefined): void;
}

/** DeskCommands' side: the agent's "Restart to update". */
export interface UpdateConsent {
  restartToUpdate(): IntentResult;
}

/** What the desk shows for a phase: only a downloaded update is the agent's business. */
export function offerOf(phase: UpdatePhase): UpdateOffer | undefined {
  return phase.kind === 'ready'
    ? { kind: 'ready', version: phase.version, consented: phase.consented }
    : undefined;
}

export class AppUpdates implements UpdateConsent {
  private gate: UpdateGate | undefined;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly settings: UpdateSettings,
    private readonly updater: UpdaterPort | undefined,
    private readonly desk: UpdatesDesk,
    private readonly logger: Logger,
  ) {}

  start(): void {
    const { settings, updater } = this;
    if (!settings.enabled || !updater) {
      const why = settings.enabled ? 'noUpdater' : settings.why;
      // For an MSI install this is the answer to "why does it not update": IT deploys updates.
      this.logger.info('updates: off', { why });
      if (why === 'itManaged' || why === 'packageManager') {
        this.desk.setUpdateOffer({ kind: 'itManaged' });
      }
      return;
    }
    updater.configure({ url: settings.feedUrl, channel: settings.channel });
    const gate = new UpdateGate(
      () => {
        this.logger.info('updates: restarting to install');
        updater.quitAndInstall();
      },
      (phase) => {
        this.logger.info('updates: phase', { ...phase });
        this.desk.setUpdateOffer(offerOf(phase));
      },
    );
    this.gate = gate;
    updater.onEvent((event) => gate.handle(event));
    gate.deskChanged(deskMoment(this.desk.snapshot()));
    this.desk.subscribe((state) => gate.deskChanged(deskMoment(state)));
    const check = () => {
      updater.check().catch((error: unknown) => {
        this.logger.warn('updates: check failed', { error: String(error) });
      });
    };
    check();
    this.timer = setInterval(check, settings.checkIntervalMs);
    this.timer.unref?.();
  }

  /** The agent's consent: the gate restarts now, or as soon as no contact is open. */
  restartToUpdate(): IntentResult {
    if (this.gate?.current().kind !== 'ready') return { ok: false, reason: 'noUpdateReady' };
    this.gate.handle({ type: 'consent' });
    return { ok: true };
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }
}

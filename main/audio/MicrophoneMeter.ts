/**
 * Main's side of the settings screen's microphone meter (B1). The engine measures only while
 * someone looks: the settings screen turns the meter on and off, and main turns it off too when
 * the CCP window is closed (to the tray or for good) or its page is gone, so a screen that can
 * no longer be seen never keeps the engine measuring. Levels go to the UI on their own channel
 * (MICROPHONE_LEVEL_CHANNEL), never through the desk's snapshot.
 */
import type { EngineCommand, EngineEvent, IntentResult } from '../../common/contract';

export interface MicrophoneMeterOptions {
  engine: { send(command: EngineCommand): void };
  /** Pushes one level to the UI windows. */
  show(level: number): void;
}

export class MicrophoneMeter {
  private on = false;

  constructor(private readonly options: MicrophoneMeterOptions) {}

  get watching(): boolean {
    return this.on;
  }

  /** The settings screen opened (`true`) or closed (`false`) its meter. */
  watch(on: boolean): IntentResult {
    if (on !== this.on) {
      this.on = on;
      this.options.engine.send({ type: 'microphone-meter', on });
    }
    return { ok: true };
  }

  /** The CCP window was closed or its page is gone: nobody can see the meter any more. */
  stop(): void {
    this.watch(false);
  }

  handleEngineEvent(event: EngineEvent): void {
    // A new engine page knows nothing of the meter: it is turned on again there.
    if (event.type === 'ready' && this.on) {
      this.options.engine.send({ type: 'microphone-meter', on: true });
    }
    // A level that arrives after the screen closed (it was on its way) is dropped.
    if (event.type === 'microphone-level' && this.on) this.options.show(event.level);
  }
}

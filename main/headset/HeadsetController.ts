/**
 * One open headset between the device and DeskCommands. Pure and Electron-free: it reads input
 * reports through the telephony map, acts through DeskCommands (which decide, as for every
 * input), and writes the lights from DeskState.
 *
 * The rules real devices need:
 * - The host is the authority on hook and mute. Jabra-type devices flip their own hook or mute
 *   state on a press and revert unless the host writes the lights back, and they follow the
 *   Off-Hook and Mute lights the host writes, reporting the new state back. So after every
 *   press the lights are written whole again, and the device's absolute hook (and mute) state
 *   is taken to be what was last written: the report that follows our own write, or the
 *   Jabra's repeat of a hook report 2 s later, says the same state and does nothing; only a
 *   change from it is a press.
 * - Absolute switches give their state in the bit; relative ones send one non-zero value per
 *   press, so a relative hook is resolved against the desk: answer what rings, else hang up.
 *   Other absolute buttons (the Poly's Flash) press on a rising edge only.
 * - Mute-lock: a mute press within 500 ms of writing the Mute light off is the device refusing
 *   the unmute. The light is written off once more; a second refusal ends the desk muted (the
 *   microphone is muted in the headset anyway) and the agent is told why.
 */
import type { DeskState, IntentResult } from '../../common/contract';
import type { Clock } from '../desk/ports';
import type { DeskCommands } from '../commands/DeskCommands';
import { outputReports, readButtons, type LightState } from './headsetReports';
import { lightsFor } from './headsetLights';
import type { HidDevice } from './HidDevice';
import type { TelephonyMap } from './telephonyMap';
import type { HeadsetButton } from './usages';

/** The intents a headset sends. */
export type HeadsetCommands = Pick<
  DeskCommands,
  'answer' | 'hangUpActiveLeg' | 'toggleMute' | 'setMute' | 'flash'
>;

export interface HeadsetEvents {
  /** A button was pressed (shown in the settings as the headset's last press). */
  pressed(button: HeadsetButton, result: IntentResult | undefined): void;
  /** The headset kept refusing an unmute: the desk is muted again. */
  muteLocked(): void;
  /** The device stopped answering (unplugged): the owner closes this controller. */
  lost(error: unknown): void;
}

/** How soon after the Mute light is written off a mute press is the device refusing the unmute. */
export const MUTE_REFUSAL_WINDOW_MS = 500;
/** Refused unmutes in a row that make a mute-lock. */
export const MUTE_LOCK_REFUSALS = 2;

export class HeadsetController {
  private lights: LightState | undefined;
  private contacts: DeskState['contacts'] = [];
  /** The last bytes written per output report id. */
  private readonly written = new Map<number, string>();
  /** What the device's absolute hook and mute are taken to be (what the host last wrote). */
  private hookOffHook = false;
  private deviceMuted = false;
  /** Last value of every button, for edges of absolute buttons. */
  private readonly previous = new Map<HeadsetButton, number>();
  private unmuteWrittenAt: number | undefined;
  private refusals = 0;
  /** Settles when the last write queued has been written (or failed). */
  private writing: Promise<unknown> = Promise.resolve();
  /** Writes queued or under way: the next one goes to the device at once when there are none. */
  private writesInFlight = 0;
  private closed = false;
  /** While an intent runs (act): the reports its desk change has already written. */
  private writtenByIntent: Map<number, string> | undefined;

  constructor(
    private readonly device: HidDevice,
    private readonly map: TelephonyMap,
    private readonly commands: HeadsetCommands,
    private readonly clock: Pick<Clock, 'now'>,
    private readonly events: HeadsetEvents,
  ) {
    device.on('data', (report) => this.onReport(report));
    device.on('error', (error) => this.fail(error));
  }

  /** The desk changed: the lights follow. Only reports whose bytes change are written. */
  show(state: Pick<DeskState, 'contacts'>): void {
    this.contacts = state.contacts;
    this.writeLights(lightsFor(state), false);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.device.removeAllListeners();
    // An 'error' event with no listener would throw in main: one late error must stay harmless.
    this.device.on('error', () => undefined);
    await this.writing;
    await this.device.close().catch(() => undefined);
  }

  private onReport(report: Uint8Array): void {
    if (this.closed) return;
    const values = readButtons(this.map, report);
    const hook = values.hookSwitch;
    if (hook !== undefined) this.onHook(hook);
    const mute = values.phoneMute;
    if (mute !== undefined) this.onMute(mute);
    for (const [name, value] of Object.entries(values)) {
      const button = name as HeadsetButton;
      if (button === 'hookSwitch' || button === 'phoneMute') continue;
      if (this.isPress(button, value)) {
        this.events.pressed(
          button,
          button === 'flash' ? this.act(() => this.commands.flash()) : undefined,
        );
      }
    }
  }

  private onHook(value: number): void {
    const control = this.map.buttons.hookSwitch!;
    if (control.mode === 'relative') {
      if (value === 0) return;
      const ringing = this.contacts.some((contact) => contact.state === 'incoming');
      this.events.pressed(
        'hookSwitch',
        this.act(() => (ringing ? this.commands.answer() : this.commands.hangUpActiveLeg())),
      );
      return;
    }
    const offHook = value !== 0;
    if (offHook === this.hookOffHook) return;
    this.hookOffHook = offHook;
    this.events.pressed(
      'hookSwitch',
      this.act(() => (offHook ? this.commands.answer() : this.commands.hangUpActiveLeg())),
    );
  }

  private onMute(value: number): void {
    const control = this.map.buttons.phoneMute!;
    let wantsMuted: boolean | undefined;
    if (control.mode === 'relative') {
      if (value === 0) return;
    } else {
      wantsMuted = value !== 0;
      if (wantsMuted === this.deviceMuted) return;
      this.deviceMuted = wantsMuted;
    }
    const now = this.clock.now();
    const refusing =
      this.unmuteWrittenAt !== undefined &&
      now - this.unmuteWrittenAt <= MUTE_REFUSAL_WINDOW_MS &&
      wantsMuted !== false &&
      this.lights?.mute === false;
    if (refusing) {
      this.refusals += 1;
      if (this.refusals >= MUTE_LOCK_REFUSALS) {
        this.refusals = 0;
        this.unmuteWrittenAt = undefined;
        const result = this.act(() => this.commands.setMute(true));
        this.events.pressed('phoneMute', result);
        this.events.muteLocked();
      } else {
        this.events.pressed('phoneMute', undefined);
        this.writeLights(this.lights, true);
        this.unmuteWrittenAt = now;
      }
      return;
    }
    this.refusals = 0;
    this.events.pressed(
      'phoneMute',
      this.act(() =>
        wantsMuted === undefined ? this.commands.toggleMute() : this.commands.setMute(wantsMuted),
      ),
    );
  }

  /** Runs the intent, then writes the lights whole whatever came of it (the device reverts otherwise). */
  private act(intent: () => IntentResult): IntentResult {
    const written = new Map<number, string>();
    this.writtenByIntent = written;
    let result: IntentResult;
    try {
      result = intent();
    } finally {
      this.writtenByIntent = undefined;
    }
    // A report the intent's own change just wrote is already whole on the device: once is enough.
    this.writeLights(this.lights ?? {}, true, written);
    return result;
  }

  /** A press of a button other than hook and mute: any non-zero relative value, or a rising edge. */
  private isPress(button: HeadsetButton, value: number): boolean {
    const control = this.map.buttons[button]!;
    const before = this.previous.get(button) ?? 0;
    this.previous.set(button, value);
    return control.mode === 'relative' ? value !== 0 : before === 0 && value !== 0;
  }

  private writeLights(
    next: LightState | undefined,
    force: boolean,
    alreadyWritten?: ReadonlyMap<number, string>,
  ): void {
    if (this.closed || next === undefined) return;
    const wasMuted = this.lights?.mute === true;
    this.lights = next;
    this.hookOffHook = next.offHook === true;
    this.deviceMuted = next.mute === true;
    const reports = outputReports(this.map, next);
    const offHookReport = this.map.lights.offHook?.reportId;
    // Off-Hook goes first: some devices act on Mute only while off-hook.
    reports.sort((a, b) => Number(b[0] === offHookReport) - Number(a[0] === offHookReport));
    let wroteMute = false;
    for (const report of reports) {
      const bytes = report.join(',');
      const id = report[0] ?? 0;
      if (!force && this.written.get(id) === bytes) continue;
      if (alreadyWritten?.get(id) === bytes) continue;
      this.written.set(id, bytes);
      this.writtenByIntent?.set(id, bytes);
      if (id === this.map.lights.mute?.reportId) wroteMute = true;
      this.write(report);
    }
    if (wroteMute && wasMuted && next.mute !== true) {
      this.unmuteWrittenAt = this.clock.now();
    }
  }

  /**
   * One report to the device, in order after those before it (a later light state must not be
   * overtaken by an earlier one). With nothing being written it goes at once: queued behind a
   * settled promise it would wait until everything else the desk's change set off in this turn
   * (the UI's state, the tray, the rest of the engine event) had run, and the Ring light came
   * on that much after the ringer (issue 18).
   */
  private write(report: Uint8Array): void {
    const write = (): Promise<unknown> => this.device.write([...report]);
    const started = this.writesInFlight === 0 ? attempt(write) : this.writing.then(write);
    this.writesInFlight += 1;
    this.writing = started
      .catch((error: unknown) => this.fail(error))
      .finally(() => {
        this.writesInFlight -= 1;
      });
  }

  private fail(error: unknown): void {
    if (this.closed) return;
    this.events.lost(error);
  }
}

/** What `run` returns, or its throw as a rejection: a device that throws fails as one that rejects. */
function attempt(run: () => Promise<unknown>): Promise<unknown> {
  try {
    return run();
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}

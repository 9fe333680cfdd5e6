/**
 * A stand-in for a USB headset behind node-hid's HIDAsync (there is no USB or uhid here): it
 * records every report the host writes and sends the input reports a test gives it, built from
 * the real device's descriptor (inputReport). Like a real headset it keeps the state of its
 * absolute switches in every report it sends, and like Jabra-type headsets it follows the
 * Off-Hook light the host writes and reports its hook state back right after. Unplugging it
 * errors like node-hid does when the device goes away, and it then refuses writes.
 */
import { EventEmitter } from 'node:events';
import { inputReport } from './headsetReports';
import type { HidDevice } from './HidDevice';
import { readBits } from './reportBits';
import type { TelephonyMap } from './telephonyMap';
import type { HeadsetButton } from './usages';

export class StandInHidDevice extends EventEmitter implements HidDevice {
  /** Every report written, in order, report id first. */
  readonly writes: number[][] = [];
  /** When each of `writes` arrived, epoch ms with sub-ms precision (the bench's timings). */
  readonly writeTimes: number[] = [];
  /** Every report sent, in order. */
  readonly sent: number[][] = [];
  closed = false;
  unplugged = false;
  /** The absolute switches' positions, carried in every report. */
  private readonly held = new Map<HeadsetButton, number>();

  constructor(
    readonly map: TelephonyMap,
    private readonly followsOffHookLight = true,
  ) {
    super();
  }

  write(values: number[]): Promise<number> {
    if (this.unplugged || this.closed) {
      return Promise.reject(new Error('Cannot write to hid device'));
    }
    this.writes.push([...values]);
    this.writeTimes.push(performance.timeOrigin + performance.now());
    const offHook = this.map.lights.offHook;
    const hook = this.map.buttons.hookSwitch;
    if (
      this.followsOffHookLight &&
      offHook &&
      hook?.mode === 'absolute' &&
      values[0] === offHook.reportId
    ) {
      const state = readBits(Uint8Array.from(values.slice(1)), offHook.bitOffset, offHook.bitSize);
      if (state !== (this.held.get('hookSwitch') ?? 0)) {
        this.held.set('hookSwitch', state);
        queueMicrotask(() => this.send({}));
      }
    }
    return Promise.resolve(values.length);
  }

  close(): Promise<void> {
    this.closed = true;
    return Promise.resolve();
  }

  /** Where an absolute switch stands now (the hook, as the device sees it). */
  position(button: HeadsetButton): number {
    return this.held.get(button) ?? 0;
  }

  /** The device sends the input report that sets these buttons, with its switches as they stand. */
  send(buttons: Partial<Record<HeadsetButton, number>>): void {
    for (const [name, value] of Object.entries(buttons)) {
      if (this.map.buttons[name as HeadsetButton]?.mode === 'absolute') {
        this.held.set(name as HeadsetButton, value ?? 0);
      }
    }
    const reportId =
      this.map.buttons[(Object.keys(buttons)[0] ?? 'hookSwitch') as HeadsetButton]?.reportId ??
      this.map.inputReports[0]?.reportId;
    const switches = Object.fromEntries(
      [...this.held].filter(([name]) => this.map.buttons[name]?.reportId === reportId),
    );
    this.sendBytes([...inputReport(this.map, { ...switches, ...buttons })]);
  }

  /** The device sends these bytes as they are. */
  sendBytes(bytes: readonly number[]): void {
    this.sent.push([...bytes]);
    this.emit('data', Buffer.from(bytes));
  }

  /** A relative button pressed and released: one report with it set, one without. */
  tap(button: HeadsetButton): void {
    this.send({ [button]: 1 });
    this.send({ [button]: 0 });
  }

  /** The cable is pulled: node-hid reports a read error. */
  unplug(): void {
    this.unplugged = true;
    this.emit('error', new Error('could not read from HID device'));
  }

  /** The last report written with this id, if any. */
  lastWrite(reportId: number): number[] | undefined {
    return this.writes.findLast((report) => report[0] === reportId);
  }
}

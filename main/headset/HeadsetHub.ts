/**
 * Finds the telephony headset and keeps one HeadsetController on it: polls the HID devices
 * (hot-plug), reads each new device's descriptor once into its telephony map (a device with
 * none is remembered as no phone), opens the chosen one, and closes it when it goes.
 *
 * Polling every second keeps a headset plugged in mid-call lit with the call's state within
 * about a second (the issue asks for 3 s). Its cost is one HID enumeration a second (node-hid
 * `devicesAsync`, off the main thread) and nothing else while nothing changes: descriptors are
 * read only for devices not seen before.
 *
 * Unplugging the headset in use never touches a call: the call goes on (its audio falls back
 * to another device, an engine matter) and, during a call, the agent is told.
 */
import type { DeskState, HeadsetStatus, Notice, NoticeCode } from '../../common/contract';
import { activeCall } from '../commands/resolveIntent';
import type { Clock, DeskLogger, TimerHandle } from '../desk/ports';
import { chooseHeadset, deviceKey } from './chooseHeadset';
import { headsetForMicrophone, type MicrophoneInUse } from './headsetForMicrophone';
import { HeadsetController, type HeadsetCommands } from './HeadsetController';
import type { HeadsetCandidate, HeadsetPort } from './HeadsetPort';
import { mapFromDescriptor } from './readHeadsetDescriptor';
import type { TelephonyMap } from './telephonyMap';

export const HEADSET_POLL_MS = 1000;

/** What the hub tells the desk: the headset in use, and notices. */
export interface HeadsetDeskPort {
  setHeadset(headset: HeadsetStatus | undefined): void;
  notify(level: Notice['level'], code: NoticeCode, values?: Notice['values']): void;
}

export interface HeadsetHubOptions {
  port: HeadsetPort;
  commands: HeadsetCommands;
  desk: HeadsetDeskPort;
  clock: Clock;
  logger: DeskLogger;
  /** The settings' choice among several headsets (`vendorId:productId`), read at each poll. */
  preferred?: () => string | undefined;
  /** The microphone in use and the OS's audio devices: its headset comes next (read each poll). */
  microphone?: () => MicrophoneInUse;
  pollMs?: number;
}

interface OpenHeadset {
  candidate: HeadsetCandidate;
  controller: HeadsetController;
  status: HeadsetStatus;
}

export class HeadsetHub {
  /** Each device's map by path, read once; null for a device that is no phone. */
  private readonly maps = new Map<string, TelephonyMap | null>();
  private current: OpenHeadset | undefined;
  private state: Pick<DeskState, 'contacts'> = { contacts: [] };
  private timer: TimerHandle | undefined;
  private stopped = true;
  private opening = false;

  constructor(private readonly options: HeadsetHubOptions) {}

  start(): void {
    this.stopped = false;
    void this.tick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.timer?.cancel();
    // Through close(): the desk stops showing a headset the hub no longer drives.
    if (this.current) await this.close();
  }

  /** The desk changed: the headset's lights follow. */
  show(state: Pick<DeskState, 'contacts'>): void {
    this.state = state;
    this.current?.controller.show(state);
  }

  /** One poll now (the tests and the harness call it instead of waiting a second). */
  async poll(): Promise<void> {
    if (this.opening) return;
    const candidates = await this.options.port.list();
    const paths = new Set(candidates.map((candidate) => candidate.path));
    // A device that went away is read afresh if it comes back (it may be another one).
    for (const path of this.maps.keys()) if (!paths.has(path)) this.maps.delete(path);
    for (const candidate of candidates) {
      if (!this.maps.has(candidate.path))
        this.maps.set(candidate.path, await this.mapOf(candidate));
    }
    if (this.current && !paths.has(this.current.candidate.path)) await this.lost();
    const phones = candidates.filter((candidate) => this.maps.get(candidate.path));
    const inUse = this.options.microphone?.();
    const byMicrophone = inUse && headsetForMicrophone(phones, inUse.microphone, inUse.devices);
    const chosen = chooseHeadset(phones, this.options.preferred?.(), byMicrophone);
    if (!chosen || chosen.path === this.current?.candidate.path || this.stopped) return;
    await this.open(chosen, this.maps.get(chosen.path)!);
  }

  private async tick(): Promise<void> {
    try {
      await this.poll();
    } catch (error) {
      this.options.logger.warn('headset: poll failed', { error: String(error) });
    }
    if (this.stopped) return;
    this.timer = this.options.clock.after(this.options.pollMs ?? HEADSET_POLL_MS, () => {
      void this.tick();
    });
  }

  private async mapOf(candidate: HeadsetCandidate): Promise<TelephonyMap | null> {
    const device = { device: deviceKey(candidate), path: candidate.path };
    const descriptor = await this.options.port.readDescriptor(candidate).catch((error: unknown) => {
      this.options.logger.warn('headset: descriptor unreadable', {
        ...device,
        error: String(error),
      });
      return undefined;
    });
    if (!descriptor) return null;
    const reading = mapFromDescriptor(descriptor);
    if (!reading.ok) {
      if (reading.reason === 'broken') {
        this.options.logger.warn('headset: descriptor broken', {
          ...device,
          detail: reading.detail,
        });
      }
      return null;
    }
    this.options.logger.info('headset: telephony device found', {
      ...device,
      buttons: Object.keys(reading.map.buttons),
      lights: Object.keys(reading.map.lights),
    });
    return reading.map;
  }

  private async open(candidate: HeadsetCandidate, map: TelephonyMap): Promise<void> {
    this.opening = true;
    try {
      if (this.current) await this.close();
      const device = await this.options.port.open(candidate);
      const status: HeadsetStatus = {
        name: candidate.product.slice(0, 256) || deviceKey(candidate),
        vendorId: candidate.vendorId,
        productId: candidate.productId,
      };
      const controller = new HeadsetController(
        device,
        map,
        this.options.commands,
        this.options.clock,
        {
          pressed: (button) => {
            if (this.current?.controller !== controller) return;
            this.current.status = {
              ...status,
              lastPress: { button, at: this.options.clock.now() },
            };
            this.options.desk.setHeadset(this.current.status);
          },
          muteLocked: () => this.options.desk.notify('warning', 'headsetMuteLocked'),
          lost: (error) => {
            if (this.current?.controller !== controller) return;
            this.options.logger.warn('headset: device lost', { error: String(error) });
            void this.lost();
          },
        },
      );
      this.current = { candidate, controller, status };
      // Lit with the desk's state at once: a headset plugged in mid-call shows the call.
      controller.show(this.state);
      this.options.desk.setHeadset(status);
      this.options.logger.info('headset: in use', { device: deviceKey(candidate) });
    } catch (error) {
      this.options.logger.warn('headset: could not open', {
        device: deviceKey(candidate),
        error: String(error),
      });
      // Read afresh at the next poll: it may open then (permissions, a busy device).
      this.maps.delete(candidate.path);
    } finally {
      this.opening = false;
    }
  }

  /** The headset in use is gone (unplugged, or it stopped answering). */
  private async lost(): Promise<void> {
    const current = this.current;
    if (!current) return;
    await this.close();
    this.maps.delete(current.candidate.path);
    if (activeCall(this.state.contacts).ok) {
      this.options.desk.notify('warning', 'headsetUnplugged', { name: current.status.name });
    }
  }

  private async close(): Promise<void> {
    const current = this.current;
    this.current = undefined;
    this.options.desk.setHeadset(undefined);
    await current?.controller.close();
  }
}

/**
 * The HeadsetPort of Windows and macOS: node-hid gives no report descriptor there, so the
 * devices are reached through Chromium's WebHID in the hidden engine page (always running),
 * whose `HIDDevice.collections` carry the parsed descriptor. Main asks over the HID channels
 * (common/contract/hidProtocol.ts) and checks every answer with zod: the page is untrusted.
 *
 * The shell grants WebHID only telephony devices and only to our own pages (shell/hidPermissions.ts),
 * so `getDevices()` lists headsets without a chooser. Until the page says `ready` there is
 * nothing to list; when it says it again (reloaded after a crash or a hang) the devices the
 * old page held are lost, which the hub treats as unplugged and opens afresh at its next poll.
 */
import {
  HID_COMMAND_CHANNEL,
  HID_EVENT_CHANNEL,
  HidEvent,
  type HidCommand,
  type HidDeviceInfo,
  type WebHidCollection,
} from '../../../common/contract';
import type { Clock } from '../../desk/ports';
import { IpcRejection } from '../../ipc/IpcRejection';
import type { IpcTransport } from '../../ipc/IpcTransport';
import type { HeadsetCandidate, HeadsetPort } from '../HeadsetPort';
import { WebHidDevice } from './WebHidDevice';

/** A page that does not answer within this is hung or gone: the poll fails and tries again. */
export const HID_REQUEST_TIMEOUT_MS = 5000;
const PATH_PREFIX = 'webhid:';

/** The candidate's path names the page's device id: `webhid:<id>`. */
export const webHidPath = (deviceId: string): string => `${PATH_PREFIX}${deviceId}`;

type Distribute<T> = T extends unknown ? Omit<T, 'requestId'> : never;
type Command = Distribute<HidCommand>;

interface Pending {
  resolve: (devices: HidDeviceInfo[] | undefined) => void;
  reject: (error: Error) => void;
}

export class WebHidPort implements HeadsetPort {
  private ready = false;
  private nextRequest = 0;
  private readonly pending = new Map<number, Pending>();
  private readonly collections = new Map<string, WebHidCollection[]>();
  private readonly opened = new Map<string, WebHidDevice>();

  constructor(
    private readonly transport: IpcTransport,
    private readonly clock: Clock,
    private readonly timeoutMs = HID_REQUEST_TIMEOUT_MS,
  ) {
    transport.handle(HID_EVENT_CHANNEL, async (sender, payload) => {
      // Only the engine page holds the devices; the UI page, or any other frame, may not.
      if (sender.role !== 'engine') {
        throw new IpcRejection(`${HID_EVENT_CHANNEL}: not allowed from this window`);
      }
      const parsed = HidEvent.safeParse(payload);
      if (!parsed.success) throw new IpcRejection(`${HID_EVENT_CHANNEL}: invalid payload`);
      this.observe(parsed.data);
      return Promise.resolve({ ok: true });
    });
  }

  async list(): Promise<HeadsetCandidate[]> {
    if (!this.ready) return [];
    const devices = (await this.request({ type: 'list' })) ?? [];
    this.collections.clear();
    return devices.map((device) => {
      this.collections.set(device.deviceId, device.collections);
      return {
        path: webHidPath(device.deviceId),
        vendorId: device.vendorId,
        productId: device.productId,
        product: device.productName,
      };
    });
  }

  /** The collections the last list gave: WebHID reads them once, when the device appears. */
  // async: a path that is not WebHID's is a rejected read, as every other port failure is.
  async readDescriptor(candidate: HeadsetCandidate): Promise<WebHidCollection[] | undefined> {
    return this.collections.get(deviceIdOf(candidate));
  }

  async open(candidate: HeadsetCandidate): Promise<WebHidDevice> {
    const deviceId = deviceIdOf(candidate);
    await this.request({ type: 'open', deviceId });
    const device = new WebHidDevice(
      deviceId,
      async (command) => {
        await this.request({ ...command, deviceId });
      },
      () => this.opened.delete(deviceId),
    );
    this.opened.set(deviceId, device);
    return device;
  }

  private observe(event: HidEvent): void {
    switch (event.type) {
      case 'ready':
        this.ready = true;
        for (const pending of this.pending.values()) pending.reject(new Error('page reloaded'));
        for (const device of [...this.opened.values()]) device.lost('engine page reloaded');
        return;
      case 'done':
        this.pending.get(event.requestId)?.resolve(event.devices);
        return;
      case 'failed':
        this.pending.get(event.requestId)?.reject(new Error(event.message));
        return;
      case 'input':
        this.opened.get(event.deviceId)?.received(event.reportId, event.data);
        return;
      case 'gone':
        this.opened.get(event.deviceId)?.lost('HID device unplugged');
        return;
    }
  }

  private request(command: Command): Promise<HidDeviceInfo[] | undefined> {
    const requestId = this.nextRequest++;
    return new Promise((resolve, reject) => {
      const settle = () => {
        timer.cancel();
        this.pending.delete(requestId);
      };
      const timer = this.clock.after(this.timeoutMs, () => {
        settle();
        reject(new Error(`HID ${command.type}: the engine page did not answer`));
      });
      this.pending.set(requestId, {
        resolve: (devices) => {
          settle();
          resolve(devices);
        },
        reject: (error) => {
          settle();
          reject(error);
        },
      });
      this.transport.send('engine', HID_COMMAND_CHANNEL, { ...command, requestId });
    });
  }
}

function deviceIdOf(candidate: HeadsetCandidate): string {
  if (!candidate.path.startsWith(PATH_PREFIX))
    throw new Error(`not a WebHID device: ${candidate.path}`);
  return candidate.path.slice(PATH_PREFIX.length);
}

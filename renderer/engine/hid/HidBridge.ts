/**
 * The engine page's half of the WebHID headset path (Windows, macOS): carries out main's HID
 * commands on navigator.hid and reports what the devices do. It decides nothing: main's
 * HeadsetHub chooses, opens and lights the headset (through WebHidPort).
 *
 * Devices are named by a counter the first time the page sees them: WebHID gives a page no
 * stable id, but keeps one HIDDevice object per device while it stays plugged in.
 */
import { hasTelephonyCollection, type HidCommand, type HidEvent } from '../../../common/contract';
import { plainCollection } from './plainCollections';
import type { HID, HIDConnectionEvent, HIDDevice, HIDInputReportEvent } from './webHidApi';

export class HidBridge {
  private readonly ids = new WeakMap<HIDDevice, string>();
  private readonly devices = new Map<string, HIDDevice>();
  private readonly listeners = new Map<string, (event: Event) => void>();
  private next = 0;

  constructor(
    private readonly hid: HID,
    private readonly report: (event: HidEvent) => void,
  ) {
    hid.addEventListener('disconnect', (event) => {
      const deviceId = this.ids.get((event as HIDConnectionEvent).device);
      if (deviceId === undefined || !this.listeners.has(deviceId)) return;
      this.stopListening(deviceId);
      report({ type: 'gone', deviceId });
    });
  }

  async handle(command: HidCommand): Promise<void> {
    try {
      if (command.type === 'list') {
        this.report({ type: 'done', requestId: command.requestId, devices: await this.list() });
        return;
      }
      const device = this.devices.get(command.deviceId);
      if (!device) throw new Error(`no device ${command.deviceId}`);
      if (command.type === 'open') await this.open(command.deviceId, device);
      if (command.type === 'send') {
        await device.sendReport(command.reportId, Uint8Array.from(command.data));
      }
      if (command.type === 'close') {
        this.stopListening(command.deviceId);
        if (device.opened) await device.close();
      }
      this.report({ type: 'done', requestId: command.requestId });
    } catch (error) {
      this.report({
        type: 'failed',
        requestId: command.requestId,
        message: String(error).slice(0, 512),
      });
    }
  }

  private async list() {
    const granted = (await this.hid.getDevices()).filter((device) =>
      hasTelephonyCollection(device.collections.map((c) => ({ usagePage: c.usagePage ?? 0 }))),
    );
    this.devices.clear();
    return granted.slice(0, 32).map((device) => {
      const deviceId = this.idOf(device);
      this.devices.set(deviceId, device);
      return {
        deviceId,
        vendorId: device.vendorId,
        productId: device.productId,
        productName: device.productName.slice(0, 256),
        collections: device.collections.slice(0, 16).map(plainCollection),
      };
    });
  }

  private async open(deviceId: string, device: HIDDevice): Promise<void> {
    if (!device.opened) await device.open();
    this.stopListening(deviceId);
    const listener = (event: Event) => {
      const { reportId, data } = event as HIDInputReportEvent;
      const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
      this.report({ type: 'input', deviceId, reportId, data: [...bytes.slice(0, 1024)] });
    };
    device.addEventListener('inputreport', listener);
    this.listeners.set(deviceId, listener);
  }

  private stopListening(deviceId: string): void {
    const listener = this.listeners.get(deviceId);
    if (listener) this.devices.get(deviceId)?.removeEventListener('inputreport', listener);
    this.listeners.delete(deviceId);
  }

  private idOf(device: HIDDevice): string {
    let deviceId = this.ids.get(device);
    if (deviceId === undefined) {
      deviceId = `hid${this.next++}`;
      this.ids.set(device, deviceId);
    }
    return deviceId;
  }
}

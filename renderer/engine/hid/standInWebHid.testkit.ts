/**
 * The thinnest stand-in for `navigator.hid` (no USB device can exist here): HIDDevice objects
 * with WebHID's interface (collections, open/close, sendReport, `inputreport` events) and the
 * HID object's `getDevices()` and `connect`/`disconnect` events. A test plugs a device in with
 * the collections Chromium would give for a real descriptor (webHidCollections.testkit), fires
 * its input reports, and reads the reports the host sent.
 *
 * One self-contained function, because the end-to-end harness installs it into the engine page
 * as an init script (serialized, so it may use nothing from outside its body); the unit tests
 * call it with `install` false and use what it returns.
 */
import type { HidDeviceInfo, WebHidCollection } from '../../../common/contract';

/** A device as the engine page would describe it, but for its id. */
export type StandInHidInfo = Omit<HidDeviceInfo, 'deviceId'>;

export interface SentReport {
  reportId: number;
  data: number[];
}

export interface StandInHidControl {
  /** Plugs a device in; returns the test's name for it. */
  plug(info: StandInHidInfo): string;
  /** Pulls the cable: the device closes and `navigator.hid` fires `disconnect`. */
  unplug(id: string): void;
  /** The device sends an input report (when the host has it open, as a real one would). */
  input(id: string, reportId: number, data: readonly number[]): void;
  /** Every report the host sent the device, in order. */
  sent(id: string): SentReport[];
  isOpen(id: string): boolean;
}

export interface StandInHid {
  hid: EventTarget & { getDevices(): Promise<EventTarget[]> };
  control: StandInHidControl;
}

/** The global the end-to-end tests reach the control through. */
export const STAND_IN_HID_GLOBAL = '__openccpStandInHid';

export function standInWebHid(install = true): StandInHid {
  interface Device extends EventTarget {
    opened: boolean;
    vendorId: number;
    productId: number;
    productName: string;
    collections: WebHidCollection[];
    open(): Promise<void>;
    close(): Promise<void>;
    sendReport(reportId: number, data: Uint8Array | ArrayBuffer): Promise<void>;
  }
  const hid = Object.assign(new EventTarget(), {
    getDevices: () => Promise.resolve<EventTarget[]>([...plugged.values()]),
  });
  const plugged = new Map<string, Device>();
  const sent = new Map<string, SentReport[]>();
  let next = 0;

  const deviceOf = (id: string): Device => {
    const device = plugged.get(id);
    if (!device) throw new Error(`stand-in HID: no device ${id}`);
    return device;
  };
  const fire = (target: EventTarget, type: string, fields: object): void => {
    target.dispatchEvent(Object.assign(new Event(type), fields));
  };

  const control: StandInHidControl = {
    plug(info) {
      const id = `standin${next++}`;
      const reports: SentReport[] = [];
      sent.set(id, reports);
      const device: Device = Object.assign(new EventTarget(), {
        opened: false,
        vendorId: info.vendorId,
        productId: info.productId,
        productName: info.productName,
        collections: info.collections,
        open() {
          if (!plugged.has(id)) return Promise.reject(new Error('NotFoundError: device gone'));
          device.opened = true;
          return Promise.resolve();
        },
        close() {
          device.opened = false;
          return Promise.resolve();
        },
        sendReport(reportId: number, data: Uint8Array | ArrayBuffer) {
          if (!device.opened) return Promise.reject(new Error('InvalidStateError: not opened'));
          const bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : data;
          reports.push({ reportId, data: [...bytes] });
          return Promise.resolve();
        },
      });
      plugged.set(id, device);
      fire(hid, 'connect', { device });
      return id;
    },
    unplug(id) {
      const device = deviceOf(id);
      plugged.delete(id);
      device.opened = false;
      fire(hid, 'disconnect', { device });
    },
    input(id, reportId, data) {
      const device = deviceOf(id);
      if (!device.opened) return;
      fire(device, 'inputreport', {
        device,
        reportId,
        data: new DataView(Uint8Array.from(data).buffer),
      });
    },
    sent: (id) => [...(sent.get(id) ?? [])],
    isOpen: (id) => plugged.get(id)?.opened ?? false,
  };

  if (install) {
    const scope = globalThis as unknown as { navigator: object } & Record<string, unknown>;
    Object.defineProperty(scope.navigator, 'hid', { value: hid, configurable: true });
    // The literal, not STAND_IN_HID_GLOBAL: an init script sees nothing outside this body.
    scope['__openccpStandInHid'] = control;
  }
  return { hid, control };
}

/**
 * The engine page's HID bridge on the stand-in navigator.hid (the same one the end-to-end
 * harness installs): what it lists, what it copies of the collections, and how it carries out
 * main's commands and reports the devices' input and unplugs.
 */
import { describe, expect, it } from 'vitest';
import type { HidEvent, WebHidCollection } from '../../../common/contract';
import { HidBridge } from './HidBridge';
import { standInWebHid } from './standInWebHid.testkit';
import type { HID } from './webHidApi';

const item = {
  isAbsolute: true,
  isArray: false,
  isConstant: false,
  isRange: false,
  hasPreferredState: true,
  usages: [0x000b0020],
  reportSize: 1,
  reportCount: 1,
  logicalMinimum: 0,
  logicalMaximum: 1,
};

function collection(usagePage: number, children: WebHidCollection[] = []): WebHidCollection {
  return {
    usagePage,
    usage: 5,
    type: 1,
    children,
    inputReports: [{ reportId: 1, items: [item] }],
    outputReports: [{ reportId: 2, items: [{ ...item, usages: [0x00080009] }] }],
    featureReports: [],
  };
}

const phone = {
  vendorId: 0x0b0e,
  productId: 0x0307,
  productName: 'Jabra EVOLVE LINK MS',
  collections: [collection(0x0b, [collection(0x08)])],
};
const keyboard = {
  vendorId: 1,
  productId: 2,
  productName: 'Keyboard',
  collections: [collection(1)],
};

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function bridgeOnStandIn() {
  const { hid, control } = standInWebHid(false);
  const events: HidEvent[] = [];
  const bridge = new HidBridge(hid as unknown as HID, (event) => events.push(event));
  return { bridge, control, events };
}

describe('HidBridge (the engine page on navigator.hid)', () => {
  it('lists only devices with a Telephony collection, with their collections as plain data', async () => {
    const { bridge, control, events } = bridgeOnStandIn();
    control.plug(keyboard);
    control.plug(phone);
    await bridge.handle({ type: 'list', requestId: 7 });
    expect(events).toEqual([
      { type: 'done', requestId: 7, devices: [{ deviceId: 'hid0', ...phone }] },
    ]);
  });

  it('keeps a device id while the device stays plugged, and gives a replugged one a new id', async () => {
    const { bridge, control, events } = bridgeOnStandIn();
    const first = control.plug(phone);
    await bridge.handle({ type: 'list', requestId: 1 });
    await bridge.handle({ type: 'list', requestId: 2 });
    control.unplug(first);
    control.plug(phone);
    await bridge.handle({ type: 'list', requestId: 3 });
    const ids = events.map((event) =>
      event.type === 'done' ? event.devices?.map((device) => device.deviceId) : [],
    );
    expect(ids).toEqual([['hid0'], ['hid0'], ['hid1']]);
  });

  it('opens, sends reports, hears input reports and, once closed, hears no more', async () => {
    const { bridge, control, events } = bridgeOnStandIn();
    const id = control.plug(phone);
    await bridge.handle({ type: 'list', requestId: 1 });
    await bridge.handle({ type: 'open', requestId: 2, deviceId: 'hid0' });
    await bridge.handle({ type: 'send', requestId: 3, deviceId: 'hid0', reportId: 2, data: [5] });
    expect(control.sent(id)).toEqual([{ reportId: 2, data: [5] }]);
    control.input(id, 1, [1]);
    await settle();
    await bridge.handle({ type: 'close', requestId: 4, deviceId: 'hid0' });
    control.input(id, 1, [0]);
    expect(control.isOpen(id)).toBe(false);
    expect(events.slice(1)).toEqual([
      { type: 'done', requestId: 2 },
      { type: 'done', requestId: 3 },
      { type: 'input', deviceId: 'hid0', reportId: 1, data: [1] },
      { type: 'done', requestId: 4 },
    ]);
  });

  it('reports an open device unplugged as gone, and refuses commands for a device it never listed', async () => {
    const { bridge, control, events } = bridgeOnStandIn();
    const id = control.plug(phone);
    await bridge.handle({ type: 'list', requestId: 1 });
    await bridge.handle({ type: 'open', requestId: 2, deviceId: 'hid0' });
    control.unplug(id);
    await bridge.handle({ type: 'open', requestId: 3, deviceId: 'hid5' });
    expect(events.slice(2)).toEqual([
      { type: 'gone', deviceId: 'hid0' },
      { type: 'failed', requestId: 3, message: 'Error: no device hid5' },
    ]);
  });

  it('reports a report the device refuses as failed', async () => {
    const { bridge, control, events } = bridgeOnStandIn();
    control.plug(phone);
    await bridge.handle({ type: 'list', requestId: 1 });
    await bridge.handle({ type: 'send', requestId: 2, deviceId: 'hid0', reportId: 2, data: [1] });
    expect(events.at(-1)).toEqual({
      type: 'failed',
      requestId: 2,
      message: 'Error: InvalidStateError: not opened',
    });
  });
});

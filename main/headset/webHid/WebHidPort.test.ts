/**
 * WebHidPort against a stand-in engine page that speaks the HID contract (the page's own half,
 * HidBridge on navigator.hid, is tested in renderer/engine/hid; the two meet in the end-to-end
 * spec), joined by an in-memory transport that parses each payload with the contract's schemas
 * as the preload and main do. Then HeadsetHub on a real desk over it.
 */
import { describe, expect, it } from 'vitest';
import {
  HID_COMMAND_CHANNEL,
  HID_EVENT_CHANNEL,
  HidCommand,
  type HidEvent,
  type RendererRole,
} from '../../../common/contract';
import { DeskCommands } from '../../commands/DeskCommands';
import { availableDesk } from '../../desk/desk.testkit';
import { FakeClock } from '../../desk/FakeClock.testkit';
import type { InvokeHandler, IpcTransport } from '../../ipc/IpcTransport';
import { fixtureMap } from '../fixtures.testkit';
import { HeadsetHub } from '../HeadsetHub';
import { mapFromDescriptor } from '../readHeadsetDescriptor';
import { standInHidInfo, type WebHidDeviceInfo } from './webHidFixtures.testkit';
import { WebHidDevice } from './WebHidDevice';
import { HID_REQUEST_TIMEOUT_MS, WebHidPort } from './WebHidPort';

/** Main's end of the IPC, with the engine page's end handed the commands. */
class LoopTransport implements IpcTransport {
  private readonly handlers = new Map<string, InvokeHandler>();
  engine: ((command: HidCommand) => void) | undefined;

  handle(channel: string, handler: InvokeHandler): void {
    this.handlers.set(channel, handler);
  }

  send(role: RendererRole, channel: string, payload: unknown): void {
    if (role === 'engine' && channel === HID_COMMAND_CHANNEL) {
      this.engine?.(HidCommand.parse(payload));
    }
  }

  invoke(role: RendererRole, payload: unknown): Promise<unknown> {
    const handler = this.handlers.get(HID_EVENT_CHANNEL);
    if (!handler) throw new Error('no HID handler');
    return handler({ role, url: 'file:///engine/index.html' }, payload);
  }
}

/** Lets the page's and the port's promises run (time moves only by the clock). */
const settle = async () => {
  for (let round = 0; round < 10; round++) await new Promise((resolve) => setImmediate(resolve));
};

interface PageDevice {
  info: WebHidDeviceInfo;
  open: boolean;
  sent: { reportId: number; data: number[] }[];
}

/**
 * The engine page as main sees it over the HID channels: it lists its plugged telephony
 * devices, opens them, records reports sent, and reports input and unplugs.
 */
function standInPage(report: (event: HidEvent) => void) {
  const devices = new Map<string, PageDevice>();
  let next = 0;
  const control = {
    plug(info: WebHidDeviceInfo): string {
      const id = `hid${next++}`;
      devices.set(id, { info, open: false, sent: [] });
      return id;
    },
    unplug(id: string): void {
      const device = devices.get(id);
      devices.delete(id);
      if (device?.open) report({ type: 'gone', deviceId: id });
    },
    input(id: string, reportId: number, data: number[]): void {
      if (devices.get(id)?.open) report({ type: 'input', deviceId: id, reportId, data });
    },
    sent: (id: string) => devices.get(id)?.sent ?? [],
    isOpen: (id: string) => devices.get(id)?.open ?? false,
  };
  const handle = (command: HidCommand): void => {
    const { requestId } = command;
    if (command.type === 'list') {
      const listed = [...devices]
        .filter(([, device]) => device.info.collections.some((c) => c.usagePage === 0x0b))
        .map(([deviceId, device]) => ({ deviceId, ...device.info }));
      report({ type: 'done', requestId, devices: listed });
      return;
    }
    const device = devices.get(command.deviceId);
    if (!device) {
      report({ type: 'failed', requestId, message: `no device ${command.deviceId}` });
      return;
    }
    if (command.type === 'send')
      device.sent.push({ reportId: command.reportId, data: command.data });
    else device.open = command.type === 'open';
    report({ type: 'done', requestId });
  };
  return { control, handle };
}

function pageAndPort(clock = new FakeClock()) {
  const transport = new LoopTransport();
  const port = new WebHidPort(transport, clock);
  const page = standInPage((event) => void transport.invoke('engine', event));
  const control = page.control;
  transport.engine = page.handle;
  const pageReady = () => transport.invoke('engine', { type: 'ready' });
  return { transport, port, control, clock, pageReady };
}

/** Every command main sends the page, as the page hears it (then the page answers as before). */
function recordCommands(transport: LoopTransport): HidCommand[] {
  const heard: HidCommand[] = [];
  const page = transport.engine;
  transport.engine = (command) => {
    heard.push(command);
    page?.(command);
  };
  return heard;
}

describe('WebHidPort (Windows, macOS headsets through the engine page)', () => {
  it('lists nothing until the engine page says it is ready', async () => {
    const { port, control, transport } = pageAndPort();
    control.plug(standInHidInfo('jabra'));
    let asked = 0;
    transport.engine = () => (asked += 1);
    expect(await port.list()).toEqual([]);
    expect(asked).toBe(0);
  });

  it('lists the telephony headsets with their ids and names, not a device without a Telephony collection', async () => {
    const { port, control, pageReady } = pageAndPort();
    control.plug(standInHidInfo('logitech'));
    control.plug(standInHidInfo('poly'));
    await pageReady();
    expect(await port.list()).toEqual([
      { path: 'webhid:hid1', vendorId: 0x047f, productId: 0x02ec, product: 'Poly Voyager Base CD' },
    ]);
  });

  it.each(['jabra', 'yealink', 'sennheiser', 'poly', 'epos'] as const)(
    '%s: the collections that crossed from the page give the map the descriptor bytes give',
    async (name) => {
      const { port, control, pageReady } = pageAndPort();
      control.plug(standInHidInfo(name));
      await pageReady();
      const [candidate] = await port.list();
      const descriptor = await port.readDescriptor(candidate!);
      expect(mapFromDescriptor(descriptor!)).toEqual({ ok: true, map: fixtureMap(name) });
    },
  );

  it('opens the device and sends a write as sendReport with the report id apart', async () => {
    const { port, control, pageReady } = pageAndPort();
    const id = control.plug(standInHidInfo('jabra'));
    await pageReady();
    const device = await port.open((await port.list())[0]!);
    expect(control.isOpen(id)).toBe(true);
    expect(await device.write([2, 0b100100])).toBe(2);
    expect(control.sent(id)).toEqual([{ reportId: 2, data: [0b100100] }]);
  });

  it('hands input reports to the host with the report id first when the device numbers them, the data alone when not', async () => {
    const { port, control, pageReady } = pageAndPort();
    const id = control.plug(standInHidInfo('jabra'));
    await pageReady();
    const device = await port.open((await port.list())[0]!);
    const heard: number[][] = [];
    device.on('data', (report) => heard.push([...report]));
    control.input(id, 1, [0b1]);
    await settle();
    device.received(0, [7, 8]);
    expect(heard).toEqual([
      [1, 0b1],
      [7, 8],
    ]);
  });

  it('an unplugged device errors once and refuses writes after', async () => {
    const { port, control, pageReady } = pageAndPort();
    const id = control.plug(standInHidInfo('jabra'));
    await pageReady();
    const device = await port.open((await port.list())[0]!);
    const errors: unknown[] = [];
    device.on('error', (error) => errors.push(error));
    control.unplug(id);
    await settle();
    expect(errors).toHaveLength(1);
    await expect(device.write([2, 1])).rejects.toThrow(/Cannot write/);
    expect(await port.list()).toEqual([]);
  });

  it('a reloaded engine page loses the devices the old page held', async () => {
    const { port, control, pageReady } = pageAndPort();
    control.plug(standInHidInfo('epos'));
    await pageReady();
    const device = await port.open((await port.list())[0]!);
    const errors: string[] = [];
    device.on('error', (error) => errors.push(String(error)));
    await pageReady();
    expect(errors).toEqual(['Error: engine page reloaded']);
  });

  it('a failure in the page rejects the request with its message', async () => {
    const { port, pageReady } = pageAndPort();
    await pageReady();
    await expect(
      port.open({ path: 'webhid:hid9', vendorId: 1, productId: 2, product: '' }),
    ).rejects.toThrow(/no device hid9/);
  });

  it('refuses HID events from the UI page and events that do not fit the contract', async () => {
    const { transport } = pageAndPort();
    await expect(transport.invoke('ui', { type: 'ready' })).rejects.toThrow(/not allowed/);
    await expect(
      transport.invoke('engine', { type: 'input', deviceId: 'hid0', reportId: 300, data: [] }),
    ).rejects.toThrow(/invalid payload/);
  });

  it('a request the page never answers fails when its time is up', async () => {
    const { port, transport, clock, pageReady } = pageAndPort();
    await pageReady();
    transport.engine = () => undefined;
    const listing = port.list();
    clock.advance(HID_REQUEST_TIMEOUT_MS);
    await expect(listing).rejects.toThrow(/did not answer/);
  });

  it('HeadsetHub over it: the plugged headset is opened, shown in use, and lit for the ringing offer', async () => {
    const kit = await availableDesk();
    const { port, control, pageReady } = pageAndPort(kit.clock);
    const id = control.plug(standInHidInfo('jabra'));
    await pageReady();
    const hub = new HeadsetHub({
      port,
      commands: new DeskCommands(kit.desk),
      desk: kit.desk,
      clock: kit.clock,
      logger: { info: () => undefined, warn: () => undefined },
    });
    kit.desk.subscribe((state) => hub.show(state));
    hub.start();
    await settle();
    expect(kit.desk.snapshot().headset?.name).toBe('Jabra EVOLVE LINK MS');
    kit.desk.handleEngineEvent({
      type: 'incoming',
      callId: 'in-1',
      from: { user: '+15551230000', uri: 'sip:+15551230000@x', displayName: 'Jane' },
      headers: {},
    });
    await settle();
    // Jabra output report 2 (two bytes): Ring b2 and Ringer b5.
    expect(control.sent(id).at(-1)).toEqual({ reportId: 2, data: [0b100100, 0] });
    await hub.stop();
    expect(control.isOpen(id)).toBe(false);
  });

  it('lists nothing when the page answers the list with no devices', async () => {
    const { port, transport, pageReady } = pageAndPort();
    await pageReady();
    transport.engine = (command) =>
      void transport.invoke('engine', { type: 'done', requestId: command.requestId });
    expect(await port.list()).toEqual([]);
  });

  it('leaves no timer running once the page has answered', async () => {
    const { port, control, clock, pageReady } = pageAndPort();
    control.plug(standInHidInfo('jabra'));
    await pageReady();
    const device = await port.open((await port.list())[0]!);
    await device.write([2, 1]);
    expect(clock.pendingTimers()).toBe(0);
  });

  it('fails a request under way at once when the page reloads, without waiting for its time to be up', async () => {
    const { port, transport, pageReady } = pageAndPort();
    await pageReady();
    const asked: HidCommand[] = [];
    transport.engine = (command) => void asked.push(command);
    const listing = port.list();
    await pageReady();
    await expect(listing).rejects.toThrow(/page reloaded/);
    expect(asked).toHaveLength(1);
  });

  it('ignores an answer that comes after its request timed out, and reports for devices it has not opened', async () => {
    const { port, transport, control, clock, pageReady } = pageAndPort();
    const id = control.plug(standInHidInfo('jabra'));
    await pageReady();
    const page = transport.engine;
    transport.engine = () => undefined;
    const listing = port.list();
    clock.advance(HID_REQUEST_TIMEOUT_MS);
    await expect(listing).rejects.toThrow(/did not answer/);
    for (const late of [
      { type: 'done', requestId: 0, devices: [] },
      { type: 'failed', requestId: 0, message: 'too late' },
      { type: 'input', deviceId: id, reportId: 1, data: [1] },
      { type: 'gone', deviceId: id },
    ] satisfies HidEvent[]) {
      // A refusal here would reject the page's report (the preload's invoke).
      await transport.invoke('engine', late);
    }
    transport.engine = page;
    expect(await port.list()).toHaveLength(1);
  });

  it('tells the host an unplugged device is gone with an error that says so', async () => {
    const { port, control, pageReady } = pageAndPort();
    const id = control.plug(standInHidInfo('jabra'));
    await pageReady();
    const device = await port.open((await port.list())[0]!);
    const errors: string[] = [];
    device.on('error', (error) => errors.push(String(error)));
    control.unplug(id);
    await settle();
    expect(errors).toEqual(['Error: HID device unplugged']);
  });

  it('a closed device hears no more of the page: no input reports, no unplug error, no writes', async () => {
    const { port, transport, control, pageReady } = pageAndPort();
    const id = control.plug(standInHidInfo('jabra'));
    await pageReady();
    const device = await port.open((await port.list())[0]!);
    const heard: unknown[] = [];
    device.on('data', (report) => heard.push(report));
    device.on('error', (error) => heard.push(error));
    await device.close();
    expect(control.isOpen(id)).toBe(false);
    await transport.invoke('engine', { type: 'input', deviceId: id, reportId: 1, data: [1] });
    await transport.invoke('engine', { type: 'gone', deviceId: id });
    expect(heard).toEqual([]);
    await expect(device.write([2, 1])).rejects.toThrow(/Cannot write/);
  });

  it('asks the page to close a device once, and not at all once it is gone', async () => {
    const { port, transport, control, pageReady } = pageAndPort();
    const first = control.plug(standInHidInfo('jabra'));
    const second = control.plug(standInHidInfo('poly'));
    await pageReady();
    const [jabra, poly] = await port.list();
    const closing = await port.open(jabra!);
    const unplugging = await port.open(poly!);
    unplugging.on('error', () => undefined);
    const heard = recordCommands(transport);
    await closing.close();
    await closing.close();
    control.unplug(second);
    await settle();
    await expect(unplugging.close()).resolves.toBeUndefined();
    expect(heard).toEqual([
      { type: 'close', deviceId: first, requestId: expect.any(Number) as number },
    ]);
  });

  it('refuses a path that is not a WebHID device without asking the page', async () => {
    const { port, transport, pageReady } = pageAndPort();
    await pageReady();
    const heard = recordCommands(transport);
    await expect(
      port.open({ path: '/dev/hidraw0', vendorId: 0x0b0e, productId: 0x0307, product: '' }),
    ).rejects.toThrow('/dev/hidraw0');
    expect(heard).toEqual([]);
  });

  it('a descriptor read for a path that is not a WebHID device is a rejected promise, not a throw', async () => {
    const { port, pageReady } = pageAndPort();
    await pageReady();
    const candidate = { path: '/dev/hidraw0', vendorId: 0x0b0e, productId: 0x0307, product: '' };
    let read: Promise<unknown> | undefined;
    expect(() => (read = port.readDescriptor(candidate))).not.toThrow();
    await expect(read).rejects.toThrow('not a WebHID device: /dev/hidraw0');
  });
});

describe('WebHidDevice', () => {
  it('is forgotten by its port and heard as an error once, however often it is lost', () => {
    let forgotten = 0;
    const device = new WebHidDevice(
      'hid0',
      () => Promise.resolve(),
      () => (forgotten += 1),
    );
    const errors: unknown[] = [];
    device.on('error', (error) => errors.push(error));
    device.lost('HID device unplugged');
    device.lost('engine page reloaded');
    expect(errors).toHaveLength(1);
    expect(forgotten).toBe(1);
  });
});

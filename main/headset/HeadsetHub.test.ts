/** HeadsetHub on a real desk with stand-in devices: hot-plug, unplug, choice, status, notices. */
import { describe, expect, it } from 'vitest';
import { DeskCommands } from '../commands/DeskCommands';
import { availableDesk } from '../desk/desk.testkit';
import type { DeskLogger } from '../desk/ports';
import type { HeadsetCandidate } from './HeadsetPort';
import type { MicrophoneInUse } from './headsetForMicrophone';
import { HEADSET_POLL_MS, HeadsetHub } from './HeadsetHub';
import { StandInHeadsetPort } from './StandInHeadsetPort.testkit';
import { fixtureMap } from './fixtures.testkit';

const silent = { info: () => undefined, warn: () => undefined };
/** Lets the hub's polls and writes finish (promises only; time moves only by the clock). */
const settle = async () => {
  for (let round = 0; round < 10; round++) await new Promise((resolve) => setImmediate(resolve));
};

async function hubOnDesk(
  preferred?: string,
  microphone?: MicrophoneInUse,
  { port = new StandInHeadsetPort(), logger = silent as DeskLogger } = {},
) {
  const kit = await availableDesk();
  const hub = new HeadsetHub({
    port,
    commands: new DeskCommands(kit.desk),
    desk: kit.desk,
    clock: kit.clock,
    logger,
    preferred: () => preferred,
    ...(microphone ? { microphone: () => microphone } : {}),
  });
  kit.desk.subscribe((state) => hub.show(state));
  hub.show(kit.desk.snapshot());
  const call = () => {
    kit.desk.handleEngineEvent({
      type: 'incoming',
      callId: 'in-1',
      from: { user: '+15551230000', uri: 'sip:+15551230000@x', displayName: 'Jane' },
      headers: {},
    });
    kit.desk.contactIntents.accept('in-1');
    kit.desk.handleEngineEvent({ type: 'confirmed', callId: 'in-1' });
  };
  const nextPoll = async () => {
    kit.clock.advance(HEADSET_POLL_MS);
    await settle();
  };
  return { ...kit, port, hub, call, nextPoll };
}

/** A descriptor cut inside its first item (Usage Page, one data byte missing). */
const BROKEN_DESCRIPTOR = Uint8Array.of(0x05);

/** What the hub logged, level and message and data, as support reads it in the log file. */
function recordingLogger() {
  const lines: Array<[level: 'info' | 'warn', message: string, data?: Record<string, unknown>]> =
    [];
  const logger: DeskLogger = {
    info: (message, data) => lines.push(['info', message, data]),
    warn: (message, data) => lines.push(['warn', message, data]),
  };
  return { logger, lines, warnings: () => lines.filter(([level]) => level === 'warn') };
}

/** A promise a test settles when it chooses: a slow device, a busy listing. */
function gate() {
  let open = () => undefined as void;
  const passed = new Promise<void>((resolve) => (open = resolve));
  return { passed, open };
}

/**
 * The stand-in port with what real devices and OSes also do: a listing that waits, a device
 * that leaves the list without erroring, one that gives its name oddly, a descriptor that
 * cannot be read or does not parse, and an open that is slow or refused (a vendor app holds it).
 */
class WaywardPort extends StandInHeadsetPort {
  listing: Promise<void> = Promise.resolve();
  opening: Promise<void> = Promise.resolve();
  opens = 0;
  refusedOpens = 0;
  readonly hidden = new Set<string>();
  readonly names = new Map<string, string>();
  readonly descriptors = new Map<string, Uint8Array | Error>();

  override async list(): Promise<HeadsetCandidate[]> {
    const listed = await super.list();
    await this.listing;
    return listed
      .filter((candidate) => !this.hidden.has(candidate.path))
      .map((candidate) => ({
        ...candidate,
        product: this.names.get(candidate.path) ?? candidate.product,
      }));
  }

  override async readDescriptor(candidate: HeadsetCandidate): Promise<Uint8Array | undefined> {
    const given = this.descriptors.get(candidate.path);
    if (given instanceof Error) throw given;
    return given ?? super.readDescriptor(candidate);
  }

  override async open(candidate: HeadsetCandidate): ReturnType<StandInHeadsetPort['open']> {
    this.opens += 1;
    await this.opening;
    if (this.refusedOpens > 0) {
      this.refusedOpens -= 1;
      throw new Error('device busy');
    }
    return super.open(candidate);
  }
}

describe('HeadsetHub', () => {
  it('opens the telephony headset, leaves the gaming headset alone, and shows which is in use', async () => {
    const { port, hub, desk } = await hubOnDesk();
    port.plug('logitech');
    const epos = port.plug('epos');
    hub.start();
    await settle();
    expect(() => port.device('/dev/hidraw0')).toThrow(/not open/);
    expect(port.device(epos.path).closed).toBe(false);
    expect(desk.snapshot().headset).toEqual({
      name: 'EPOS IMPACT DW',
      vendorId: 0x1395,
      productId: 0x00a2,
    });
    await hub.stop();
  });

  it('stop closes the headset in use and the desk no longer shows one', async () => {
    const { port, hub, desk } = await hubOnDesk();
    const epos = port.plug('epos');
    hub.start();
    await settle();
    expect(desk.snapshot().headset?.name).toBe('EPOS IMPACT DW');
    await hub.stop();
    expect(port.device(epos.path).closed).toBe(true);
    expect(desk.snapshot().headset).toBeUndefined();
  });

  it('lights a headset plugged in mid-call with Off-Hook at the next poll, within 3 s', async () => {
    const { port, hub, call, nextPoll, clock } = await hubOnDesk();
    hub.start();
    await settle();
    call();
    const pluggedAt = clock.now();
    const jabra = port.plug('jabra');
    await nextPoll();
    expect(port.device(jabra.path).lastWrite(2)).toEqual([2, 0b1, 0]);
    expect(clock.now() - pluggedAt).toBeLessThanOrEqual(3000);
    await hub.stop();
  });

  it('keeps the call when the headset is unplugged mid-call, says so, and lights it again when replugged', async () => {
    const { port, hub, call, nextPoll, desk } = await hubOnDesk();
    const poly = port.plug('poly');
    hub.start();
    await settle();
    call();
    port.unplug(poly.path);
    await settle();
    expect(desk.snapshot().contacts[0]?.state).toBe('connected');
    expect(desk.snapshot().notice).toMatchObject({
      level: 'warning',
      code: 'headsetUnplugged',
      values: { name: 'Poly Voyager Base CD' },
    });
    expect(desk.snapshot().headset).toBeUndefined();
    const again = port.plug('poly');
    await nextPoll();
    expect(port.device(again.path).lastWrite(4)).toEqual([4, 1]);
    expect(desk.snapshot().headset?.name).toBe('Poly Voyager Base CD');
  });

  it('says nothing when the headset is unplugged with no call', async () => {
    const { port, hub, desk } = await hubOnDesk();
    const jabra = port.plug('jabra');
    hub.start();
    await settle();
    port.unplug(jabra.path);
    await settle();
    expect(desk.snapshot().notice).toBeUndefined();
    await hub.stop();
  });

  it('uses the headset the settings name when several are plugged in', async () => {
    const { port, hub, desk } = await hubOnDesk('1395:0082');
    port.plug('jabra');
    port.plug('sennheiser');
    hub.start();
    await settle();
    expect(desk.snapshot().headset?.name).toBe('Sennheiser SC 660');
    await hub.stop();
  });

  it('uses the headset that is the microphone in use when the settings name none', async () => {
    const sennheiserMic = { label: 'Headset Microphone (1395:0082)', groupId: 'g2' };
    const { port, hub, desk } = await hubOnDesk(undefined, {
      microphone: sennheiserMic,
      devices: [{ label: 'Jabra EVOLVE LINK MS (0b0e:0307)', groupId: 'g1' }, sennheiserMic],
    });
    port.plug('jabra');
    port.plug('sennheiser');
    hub.start();
    await settle();
    expect(desk.snapshot().headset?.name).toBe('Sennheiser SC 660');
    await hub.stop();
  });

  it('prefers the headset the settings name over the microphone in use', async () => {
    const { port, hub, desk } = await hubOnDesk('0b0e:0307', {
      microphone: { label: 'Headset Microphone (1395:0082)', groupId: 'g2' },
      devices: [],
    });
    port.plug('jabra');
    port.plug('sennheiser');
    hub.start();
    await settle();
    expect(desk.snapshot().headset?.name).toBe('Jabra EVOLVE LINK MS');
    await hub.stop();
  });

  it('moves to the other headset when the agent chooses its microphone', async () => {
    let microphone: MicrophoneInUse = {
      microphone: { label: 'Jabra EVOLVE LINK MS (0b0e:0307)', groupId: 'g1' },
      devices: [],
    };
    const kit = await hubOnDesk();
    const hub = new HeadsetHub({
      port: kit.port,
      commands: new DeskCommands(kit.desk),
      desk: kit.desk,
      clock: kit.clock,
      logger: silent,
      microphone: () => microphone,
    });
    kit.port.plug('sennheiser');
    kit.port.plug('jabra');
    hub.start();
    await settle();
    expect(kit.desk.snapshot().headset?.name).toBe('Jabra EVOLVE LINK MS');
    microphone = { microphone: { label: 'Sennheiser SC 660 Mic', groupId: 'g2' }, devices: [] };
    await kit.nextPoll();
    expect(kit.desk.snapshot().headset?.name).toBe('Sennheiser SC 660');
    await hub.stop();
  });

  it('shows the last button pressed on the headset in use', async () => {
    const { port, hub, desk, call, clock } = await hubOnDesk();
    const jabra = port.plug('jabra');
    hub.start();
    await settle();
    call();
    port.device(jabra.path).tap('phoneMute');
    expect(desk.snapshot().headset?.lastPress).toEqual({ button: 'phoneMute', at: clock.now() });
    await hub.stop();
  });

  it('tells the agent when the headset keeps the microphone muted (mute-lock)', async () => {
    const { port, hub, desk, call, clock } = await hubOnDesk();
    const jabra = port.plug('jabra');
    hub.start();
    await settle();
    call();
    desk.calls.mute('in-1', true);
    desk.calls.mute('in-1', false);
    await settle();
    port.device(jabra.path).tap('phoneMute');
    clock.advance(10);
    port.device(jabra.path).tap('phoneMute');
    expect(desk.snapshot().notice?.code).toBe('headsetMuteLocked');
    expect(desk.snapshot().contacts[0]).toMatchObject({ muted: true });
    await hub.stop();
  });

  it('reads each descriptor once: later polls only list the devices', async () => {
    const { port, hub, nextPoll } = await hubOnDesk();
    port.plug('jabra');
    port.plug('logitech');
    hub.start();
    await settle();
    for (let poll = 0; poll < 5; poll++) await nextPoll();
    expect(port.listCalls).toBe(6);
    expect(port.descriptorReads).toBe(2);
    await hub.stop();
  });

  it('keeps the headset in use open across polls instead of opening it again', async () => {
    const port = new WaywardPort();
    const { hub, nextPoll } = await hubOnDesk(undefined, undefined, { port });
    const jabra = port.plug('jabra');
    hub.start();
    await settle();
    const device = port.device(jabra.path);
    await nextPoll();
    await nextPoll();
    expect(port.opens).toBe(1);
    expect(port.device(jabra.path)).toBe(device);
    expect(device.closed).toBe(false);
    await hub.stop();
  });

  it('polls without complaint while no telephony headset is plugged in', async () => {
    const { logger, warnings } = recordingLogger();
    const { port, hub, desk } = await hubOnDesk(undefined, undefined, { logger });
    port.plug('logitech');
    await expect(hub.poll()).resolves.toBeUndefined();
    hub.start();
    await settle();
    expect(warnings()).toEqual([]);
    expect(desk.snapshot().headset).toBeUndefined();
    await hub.stop();
  });

  it('opens nothing when polled before it is started or after it is stopped', async () => {
    const { port, hub } = await hubOnDesk();
    const jabra = port.plug('jabra');
    await hub.poll();
    expect(port.opened(jabra.path)).toBeUndefined();
    hub.start();
    await settle();
    await hub.stop();
    expect(port.device(jabra.path).closed).toBe(true);
    port.unplug(jabra.path);
    const again = port.plug('jabra');
    await hub.poll();
    expect(port.opened(again.path)).toBeUndefined();
  });

  it('stops cleanly right after start, opens nothing from the poll still under way, and polls no more', async () => {
    const port = new WaywardPort();
    const { hub, clock, desk } = await hubOnDesk(undefined, undefined, { port });
    port.plug('jabra');
    const listing = gate();
    port.listing = listing.passed;
    hub.start();
    await settle();
    await hub.stop();
    listing.open();
    await settle();
    expect(port.opens).toBe(0);
    expect(desk.snapshot().headset).toBeUndefined();
    const listed = port.listCalls;
    clock.advance(10 * HEADSET_POLL_MS);
    await settle();
    expect(port.listCalls).toBe(listed);
    expect(clock.pendingTimers()).toBe(0);
  });

  it('stops cleanly when it was never started', async () => {
    const { hub } = await hubOnDesk();
    await expect(hub.stop()).resolves.toBeUndefined();
  });

  it('opens a headset once when a poll comes while it is still opening', async () => {
    const port = new WaywardPort();
    const { hub, desk } = await hubOnDesk(undefined, undefined, { port });
    const jabra = port.plug('jabra');
    const opening = gate();
    port.opening = opening.passed;
    hub.start();
    await settle();
    await hub.poll();
    opening.open();
    await settle();
    expect(port.opens).toBe(1);
    expect(port.device(jabra.path).closed).toBe(false);
    expect(desk.snapshot().headset?.name).toBe('Jabra EVOLVE LINK MS');
    await hub.stop();
  });

  it('reads afresh a headset plugged in where a device that is no phone was (the OS reuses the node)', async () => {
    const { port, hub, desk, nextPoll } = await hubOnDesk();
    const logitech = port.plug('logitech');
    hub.start();
    await settle();
    port.unplug(logitech.path);
    await nextPoll();
    port.plug('jabra', logitech.path);
    await nextPoll();
    expect(port.device(logitech.path).closed).toBe(false);
    expect(desk.snapshot().headset?.name).toBe('Jabra EVOLVE LINK MS');
    await hub.stop();
  });

  it('lets go of a headset that leaves the device list without an error, and tells the agent during a call', async () => {
    const port = new WaywardPort();
    const { hub, desk, call, nextPoll } = await hubOnDesk(undefined, undefined, { port });
    const poly = port.plug('poly');
    hub.start();
    await settle();
    call();
    port.hidden.add(poly.path);
    await nextPoll();
    expect(port.device(poly.path).closed).toBe(true);
    expect(desk.snapshot().headset).toBeUndefined();
    expect(desk.snapshot().notice).toMatchObject({ code: 'headsetUnplugged' });
    expect(desk.snapshot().contacts[0]?.state).toBe('connected');
  });

  it('closes the headset it leaves when it moves to another', async () => {
    let preferred = '0b0e:0307';
    const kit = await hubOnDesk();
    const hub = new HeadsetHub({
      port: kit.port,
      commands: new DeskCommands(kit.desk),
      desk: kit.desk,
      clock: kit.clock,
      logger: silent,
      preferred: () => preferred,
    });
    const jabra = kit.port.plug('jabra');
    const sennheiser = kit.port.plug('sennheiser');
    hub.start();
    await settle();
    preferred = '1395:0082';
    await kit.nextPoll();
    expect(kit.port.device(jabra.path).closed).toBe(true);
    expect(kit.port.device(sennheiser.path).closed).toBe(false);
    expect(kit.desk.snapshot().headset?.name).toBe('Sennheiser SC 660');
    await hub.stop();
  });

  it('shows a device name of at most 256 characters, and the vendor and product ids for a device with none', async () => {
    const port = new WaywardPort();
    const { hub, desk, nextPoll } = await hubOnDesk(undefined, undefined, { port });
    const jabra = port.plug('jabra');
    port.names.set(jabra.path, 'J'.repeat(300));
    hub.start();
    await settle();
    expect(desk.snapshot().headset?.name).toBe('J'.repeat(256));
    port.unplug(jabra.path);
    await nextPoll();
    const nameless = port.plug('jabra');
    port.names.set(nameless.path, '');
    await nextPoll();
    expect(desk.snapshot().headset?.name).toBe('0b0e:0307');
    await hub.stop();
  });

  it('lights nothing and says nothing on unplug when no desk state was shown to it yet', async () => {
    const kit = await availableDesk();
    const port = new StandInHeadsetPort();
    const hub = new HeadsetHub({
      port,
      commands: new DeskCommands(kit.desk),
      desk: kit.desk,
      clock: kit.clock,
      logger: silent,
    });
    const jabra = port.plug('jabra');
    hub.start();
    await settle();
    expect(
      port.device(jabra.path).writes.every((report) => report.slice(1).every((byte) => byte === 0)),
    ).toBe(true);
    port.unplug(jabra.path);
    await settle();
    expect(kit.desk.snapshot().notice).toBeUndefined();
    await hub.stop();
  });

  it('tries a headset that could not open again at the next poll, reading it afresh, and logs why it could not', async () => {
    const port = new WaywardPort();
    const { logger, warnings } = recordingLogger();
    const { hub, desk, nextPoll } = await hubOnDesk(undefined, undefined, { port, logger });
    const jabra = port.plug('jabra');
    port.refusedOpens = 1;
    hub.start();
    await settle();
    expect(desk.snapshot().headset).toBeUndefined();
    expect(warnings()).toEqual([
      ['warn', 'headset: could not open', { device: '0b0e:0307', error: 'Error: device busy' }],
    ]);
    await nextPoll();
    expect(port.descriptorReads).toBe(2);
    expect(port.device(jabra.path).closed).toBe(false);
    expect(desk.snapshot().headset?.name).toBe('Jabra EVOLVE LINK MS');
    await hub.stop();
  });

  it('logs a failed device listing and lists again at the next poll', async () => {
    const port = new WaywardPort();
    const { logger, warnings } = recordingLogger();
    const { hub, nextPoll } = await hubOnDesk(undefined, undefined, { port, logger });
    port.listing = Promise.reject(new Error('hid enumeration failed'));
    port.listing.catch(() => undefined);
    hub.start();
    await settle();
    expect(warnings()).toEqual([
      ['warn', 'headset: poll failed', { error: 'Error: hid enumeration failed' }],
    ]);
    port.listing = Promise.resolve();
    const jabra = port.plug('jabra');
    await nextPoll();
    expect(port.device(jabra.path).closed).toBe(false);
    await hub.stop();
  });

  it('logs a descriptor that cannot be read, with the device, and opens nothing for it', async () => {
    const port = new WaywardPort();
    const { logger, warnings } = recordingLogger();
    const { hub, desk } = await hubOnDesk(undefined, undefined, { port, logger });
    const jabra = port.plug('jabra');
    port.descriptors.set(jabra.path, new Error('EACCES'));
    hub.start();
    await settle();
    expect(warnings()).toEqual([
      [
        'warn',
        'headset: descriptor unreadable',
        { device: '0b0e:0307', path: jabra.path, error: 'Error: EACCES' },
      ],
    ]);
    expect(port.opens).toBe(0);
    expect(desk.snapshot().headset).toBeUndefined();
    await hub.stop();
  });

  it('logs a descriptor that does not parse, with the device and what is wrong, and opens nothing for it', async () => {
    const port = new WaywardPort();
    const { logger, warnings } = recordingLogger();
    const { hub } = await hubOnDesk(undefined, undefined, { port, logger });
    const jabra = port.plug('jabra');
    port.descriptors.set(jabra.path, BROKEN_DESCRIPTOR);
    hub.start();
    await settle();
    expect(warnings()).toEqual([
      [
        'warn',
        'headset: descriptor broken',
        {
          device: '0b0e:0307',
          path: jabra.path,
          detail: expect.stringMatching(/cut short/) as string,
        },
      ],
    ]);
    expect(port.opens).toBe(0);
    await hub.stop();
  });

  it('logs the telephony headset found with its buttons and lights and the one in use, and nothing for a device that is no phone', async () => {
    const { logger, lines } = recordingLogger();
    const { port, hub } = await hubOnDesk(undefined, undefined, { logger });
    port.plug('logitech');
    const jabra = port.plug('jabra');
    hub.start();
    await settle();
    const map = fixtureMap('jabra');
    expect(lines).toEqual([
      [
        'info',
        'headset: telephony device found',
        {
          device: '0b0e:0307',
          path: jabra.path,
          buttons: Object.keys(map.buttons),
          lights: Object.keys(map.lights),
        },
      ],
      ['info', 'headset: in use', { device: '0b0e:0307' }],
    ]);
    await hub.stop();
  });

  it('logs a headset that stops answering as lost, with the error', async () => {
    const { logger, warnings } = recordingLogger();
    const { port, hub } = await hubOnDesk(undefined, undefined, { logger });
    const jabra = port.plug('jabra');
    hub.start();
    await settle();
    port.unplug(jabra.path);
    await settle();
    expect(warnings()).toEqual([
      ['warn', 'headset: device lost', { error: 'Error: could not read from HID device' }],
    ]);
    await hub.stop();
  });
});

/** HeadsetHub on a real desk with stand-in devices: hot-plug, unplug, choice, status, notices. */
import { describe, expect, it } from 'vitest';
import { DeskCommands } from '../commands/DeskCommands';
import { availableDesk } from '../desk/desk.testkit';
import type { MicrophoneInUse } from './headsetForMicrophone';
import { HEADSET_POLL_MS, HeadsetHub } from './HeadsetHub';
import { StandInHeadsetPort } from './StandInHeadsetPort.testkit';

const silent = { info: () => undefined, warn: () => undefined };
/** Lets the hub's polls and writes finish (promises only; time moves only by the clock). */
const settle = async () => {
  for (let round = 0; round < 10; round++) await new Promise((resolve) => setImmediate(resolve));
};

async function hubOnDesk(preferred?: string, microphone?: MicrophoneInUse) {
  const kit = await availableDesk();
  const port = new StandInHeadsetPort();
  const hub = new HeadsetHub({
    port,
    commands: new DeskCommands(kit.desk),
    desk: kit.desk,
    clock: kit.clock,
    logger: silent,
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
});

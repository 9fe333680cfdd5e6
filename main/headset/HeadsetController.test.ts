/**
 * HeadsetController against a stand-in device fed input reports built from each real
 * descriptor, on a real AgentDesk through DeskCommands.
 */
import { describe, expect, it } from 'vitest';
import { HEADSETS } from './fixtures.testkit';
import { CALLER, headsetDesk, writesDone } from './headsetController.testkit';
import { MUTE_REFUSAL_WINDOW_MS } from './HeadsetController';

describe.each(HEADSETS)('%s', (device) => {
  it('lights Ring (and the Ringer where it has one) while an offer rings, and nothing else', async () => {
    const { offer, lit, map } = await headsetDesk(device);
    offer();
    await writesDone();
    expect(lit().ring).toBe(true);
    if (map.lights.ringer) expect(lit().ringer).toBe(true);
    expect(lit().offHook ?? false).toBe(false);
  });

  it('answers the ringing offer on hook off-hook and lights Off-Hook instead of Ring', async () => {
    const { offer, hid, engine, contact, lit } = await headsetDesk(device);
    offer();
    await writesDone();
    hid.send({ hookSwitch: 1 });
    await writesDone();
    expect(engine.last()).toEqual({ type: 'answer', callId: CALLER });
    expect(contact()?.state).toBe('accepting');
    expect(lit()).toMatchObject({ offHook: true, ring: false });
  });

  it('ends the call into ACW on hook on-hook, and every light goes off', async () => {
    const { hid, connected, contact, lit, engine } = await headsetDesk(device);
    await connected();
    hid.send({ hookSwitch: 1 });
    hid.send({ hookSwitch: 0 });
    await writesDone();
    expect(engine.last()).toEqual({ type: 'hangup', callId: CALLER });
    expect(contact()).toMatchObject({ state: 'acw', endedBy: 'agent' });
    expect(Object.values(lit()).some(Boolean)).toBe(false);
  });

  it('mutes on a mute press (the far side hears silence) and writes Mute with Off-Hook kept', async () => {
    const { hid, connected, contact, lit, engine } = await headsetDesk(device);
    await connected();
    hid.tap('phoneMute');
    await writesDone();
    expect(engine.last()).toEqual({ type: 'mute', callId: CALLER, muted: true });
    expect(contact()?.muted).toBe(true);
    expect(lit()).toMatchObject({ mute: true, offHook: true });
    hid.tap('phoneMute');
    await writesDone();
    expect(contact()?.muted).toBe(false);
    expect(lit()).toMatchObject({ mute: false, offHook: true });
  });

  it('toggles hold on flash, lighting Hold with Off-Hook still set', async () => {
    const { hid, connected, lit, engine, emit, clock } = await headsetDesk(device);
    await connected();
    hid.send({ flash: 1 });
    hid.send({ flash: 0 });
    expect(engine.last()).toEqual({ type: 'hold', callId: CALLER, hold: true });
    emit({ type: 'hold', callId: CALLER, held: true });
    await writesDone();
    expect(lit()).toMatchObject({ hold: true, offHook: true });
    clock.advance(MUTE_REFUSAL_WINDOW_MS + 1);
    hid.send({ flash: 1 });
    expect(engine.last()).toEqual({ type: 'hold', callId: CALLER, hold: false });
  });

  it('keeps the call when the device is unplugged mid-call, and says it is lost', async () => {
    const { hid, connected, contact, lost } = await headsetDesk(device);
    await connected();
    hid.unplug();
    expect(lost).toHaveLength(1);
    expect(contact()?.state).toBe('connected');
  });
});

describe('absolute hook switch', () => {
  it('ignores a repeated off-hook report (the Jabra repeats it about 2 s later)', async () => {
    const { hid, offer, engine, clock, contact, presses } = await headsetDesk('jabra');
    offer();
    hid.send({ hookSwitch: 1 });
    const sent = engine.commands.length;
    clock.advance(2000);
    hid.send({ hookSwitch: 1 });
    expect(engine.commands.length).toBe(sent);
    expect(contact()?.state).toBe('accepting');
    expect(presses.map((press) => press.button)).toEqual(['hookSwitch']);
  });

  it('does nothing on an off-hook with nothing ringing, and writes Off-Hook back off', async () => {
    const { hid, engine, presses, lit } = await headsetDesk('sennheiser');
    const sent = engine.commands.length;
    hid.send({ hookSwitch: 1 });
    await writesDone();
    expect(engine.commands.length).toBe(sent);
    expect(presses).toEqual([{ button: 'hookSwitch', result: { ok: false, reason: 'noOffer' } }]);
    expect(lit().offHook).toBe(false);
  });

  it('ends only the consulted third party on-hook; the customer stays on hold', async () => {
    const { hid, connected, desk, emit, engine, contact } = await headsetDesk('epos');
    await connected();
    desk.calls.consult(CALLER, { via: 'number', number: '+442071838750' });
    emit({ type: 'hold', callId: CALLER, held: true });
    const third = contact()!.channel === 'voice' ? contact()!.thirdParty!.callId : '';
    emit({ type: 'confirmed', callId: third });
    hid.send({ hookSwitch: 0 });
    expect(engine.last()).toEqual({ type: 'hangup', callId: third });
    expect(contact()).toMatchObject({ state: 'connected', hold: 'held' });
  });
});

describe('relative hook switch (a device that sends a press, not a state)', () => {
  // No fixture has one: the Jabra's map with its hook made relative stands for it.
  const relativeHook = (map: Awaited<ReturnType<typeof headsetDesk>>['map']) => ({
    ...map,
    buttons: {
      ...map.buttons,
      hookSwitch: { ...map.buttons.hookSwitch!, mode: 'relative' as const },
    },
  });

  it('answers on a press while an offer rings and hangs up on the next press', async () => {
    const { hid, offer, emit, contact, engine } = await headsetDesk('jabra', relativeHook);
    offer();
    hid.tap('hookSwitch');
    expect(engine.last()).toEqual({ type: 'answer', callId: CALLER });
    emit({ type: 'confirmed', callId: CALLER });
    hid.tap('hookSwitch');
    expect(engine.last()).toEqual({ type: 'hangup', callId: CALLER });
    expect(contact()?.state).toBe('acw');
  });
});

describe('our own writes read back', () => {
  it('takes the hook reports that follow its own Off-Hook writes as no press', async () => {
    const { hid, offer, desk, emit, engine, presses } = await headsetDesk('jabra');
    offer();
    desk.contactIntents.accept(CALLER);
    emit({ type: 'confirmed', callId: CALLER });
    await writesDone();
    expect(hid.sent.at(-1)).toEqual([2, 0b1, 0]);
    const sent = engine.commands.length;
    emit({
      type: 'ended',
      callId: CALLER,
      originator: 'remote',
      cause: 'Terminated',
      failed: false,
    });
    await writesDone();
    // The device followed the light off and said so; the desk sent nothing more for it.
    expect(hid.sent.at(-1)).toEqual([2, 0, 0]);
    expect(engine.commands.length).toBe(sent);
    expect(presses).toEqual([]);
  });

  it('does not hang up when the device reports on-hook as the Hold light goes on', async () => {
    const { hid, connected, desk, emit, contact, lit } = await headsetDesk('epos');
    await connected();
    desk.calls.hold(CALLER, 'customer', true);
    emit({ type: 'hold', callId: CALLER, held: true });
    await writesDone();
    expect(lit()).toMatchObject({ hold: true, offHook: true });
    expect(hid.position('hookSwitch')).toBe(1);
    expect(contact()?.state).toBe('connected');
  });
});

describe('mute-lock', () => {
  it('ends the desk muted and says so when the headset twice refuses an unmute', async () => {
    const { hid, connected, desk, contact, muteLocks, lit, clock, engine } =
      await headsetDesk('jabra');
    await connected();
    hid.tap('phoneMute');
    clock.advance(1000);
    desk.calls.mute(CALLER, false);
    await writesDone();
    clock.advance(50);
    hid.tap('phoneMute');
    await writesDone();
    expect(contact()?.muted).toBe(false);
    expect(lit().mute).toBe(false);
    expect(muteLocks()).toBe(0);
    clock.advance(50);
    hid.tap('phoneMute');
    await writesDone();
    expect(contact()?.muted).toBe(true);
    expect(engine.last()).toEqual({ type: 'mute', callId: CALLER, muted: true });
    expect(lit().mute).toBe(true);
    expect(muteLocks()).toBe(1);
  });

  it('takes a mute press well after an unmute as the agent muting again, not a lock', async () => {
    const { hid, connected, desk, contact, muteLocks, clock } = await headsetDesk('sennheiser');
    await connected();
    desk.calls.mute(CALLER, true);
    desk.calls.mute(CALLER, false);
    clock.advance(MUTE_REFUSAL_WINDOW_MS + 1);
    hid.tap('phoneMute');
    expect(contact()?.muted).toBe(true);
    expect(muteLocks()).toBe(0);
  });
});

describe('flash', () => {
  it('swaps between customer and third party during a consult', async () => {
    const { hid, connected, desk, emit, engine, contact } = await headsetDesk('sennheiser');
    await connected();
    desk.calls.consult(CALLER, { via: 'number', number: '+442071838750' });
    emit({ type: 'hold', callId: CALLER, held: true });
    const third = contact()!.channel === 'voice' ? contact()!.thirdParty!.callId : '';
    emit({ type: 'confirmed', callId: third });
    const from = engine.commands.length;
    hid.tap('flash');
    expect(engine.since(from)).toEqual([
      { type: 'hold', callId: third, hold: true },
      { type: 'hold', callId: CALLER, hold: false },
    ]);
  });

  it('acts once on the Poly absolute flash held down over several reports', async () => {
    const { hid, connected, engine, presses } = await headsetDesk('poly');
    await connected();
    hid.send({ flash: 1 });
    hid.send({ flash: 1, hookSwitch: 1 });
    hid.send({ flash: 0, hookSwitch: 1 });
    expect(engine.commands.filter((command) => command.type === 'hold')).toHaveLength(1);
    expect(presses.map((press) => press.button)).toEqual(['flash']);
  });
});

describe('write order', () => {
  it('writes Off-Hook before Mute on the Poly, whose lights have a report each', async () => {
    const { hid, offer } = await headsetDesk('poly');
    offer();
    await writesDone();
    const from = hid.writes.length;
    hid.send({ hookSwitch: 1 });
    await writesDone();
    const after = hid.writes.slice(from).map((report) => report[0]);
    expect(after.indexOf(4)).toBeLessThan(after.indexOf(3));
    expect(hid.lastWrite(4)).toEqual([4, 1]);
  });
});

describe('absolute mute switch (a device whose mute bit is its state)', () => {
  // No fixture has one: the Sennheiser's map with its mute made an absolute switch stands for it.
  const absoluteMute = (map: Awaited<ReturnType<typeof headsetDesk>>['map']) => ({
    ...map,
    buttons: {
      ...map.buttons,
      phoneMute: { ...map.buttons.phoneMute!, mode: 'absolute' as const, preferredState: false },
    },
  });

  it('mutes when the switch turns on, ignores it repeated, and unmutes when it turns off', async () => {
    const { hid, connected, contact, engine } = await headsetDesk('sennheiser', absoluteMute);
    await connected();
    hid.send({ phoneMute: 1 });
    expect(contact()?.muted).toBe(true);
    const sent = engine.commands.length;
    hid.send({ phoneMute: 1 });
    expect(engine.commands.length).toBe(sent);
    hid.send({ phoneMute: 0 });
    expect(contact()?.muted).toBe(false);
  });
});

describe('the lights and their writes', () => {
  it('writes nothing again while the lights stay the same', async () => {
    const { hid, connected, controller, desk } = await headsetDesk('epos');
    await connected();
    const written = hid.writes.length;
    controller.show(desk.snapshot());
    controller.show(desk.snapshot());
    await writesDone();
    expect(hid.writes.length).toBe(written);
  });

  it('lights a Poly plugged in during a muted call with Off-Hook first, then the rest in order', async () => {
    const { hid, connected, desk, commands, clock } = await headsetDesk('poly');
    await connected();
    desk.calls.mute(CALLER, true);
    const { StandInHidDevice } = await import('./StandInHidDevice.testkit');
    const { HeadsetController } = await import('./HeadsetController');
    const plugged = new StandInHidDevice(hid.map);
    const none = () => undefined;
    new HeadsetController(plugged, hid.map, commands, clock, {
      pressed: none,
      muteLocked: none,
      lost: none,
    }).show(desk.snapshot());
    await writesDone();
    expect(plugged.writes).toEqual([
      [4, 1],
      [1, 0],
      [2, 0],
      [3, 1],
      [5, 0],
    ]);
  });

  it('says the device is lost when a write fails', async () => {
    const { hid, offer, lost } = await headsetDesk('jabra');
    hid.unplugged = true;
    offer();
    await writesDone();
    expect(lost).toHaveLength(1);
  });

  it('after close, writes nothing, hears nothing and closes the device', async () => {
    const { hid, controller, offer, presses, lost } = await headsetDesk('jabra');
    await controller.close();
    const written = hid.writes.length;
    offer();
    hid.send({ hookSwitch: 1 });
    hid.emit('error', new Error('gone'));
    await writesDone();
    expect(hid.writes.length).toBe(written);
    expect(presses).toEqual([]);
    expect(lost).toEqual([]);
    expect(hid.closed).toBe(true);
  });
});

describe('presses', () => {
  it('records a Redial press with no intent, and a Flash press with its result', async () => {
    const { hid, presses, engine } = await headsetDesk('jabra');
    const sent = engine.commands.length;
    hid.tap('redial');
    hid.tap('flash');
    expect(presses).toEqual([
      { button: 'redial', result: undefined },
      { button: 'flash', result: { ok: false, reason: 'noActiveCall' } },
    ]);
    expect(engine.commands.length).toBe(sent);
  });

  it('answers on the press of a relative hook, before its release arrives', async () => {
    const relativeHook = (map: Awaited<ReturnType<typeof headsetDesk>>['map']) => ({
      ...map,
      buttons: {
        ...map.buttons,
        hookSwitch: { ...map.buttons.hookSwitch!, mode: 'relative' as const },
      },
    });
    const { hid, offer, engine } = await headsetDesk('yealink', relativeHook);
    offer();
    hid.send({ hookSwitch: 1 });
    expect(engine.last()).toEqual({ type: 'answer', callId: CALLER });
  });

  it('mutes on a mute press right after a hook answer: only an unmute opens the refusal window', async () => {
    const { hid, offer, emit, contact } = await headsetDesk('jabra');
    offer();
    await writesDone();
    hid.send({ hookSwitch: 1 });
    emit({ type: 'confirmed', callId: CALLER });
    hid.tap('phoneMute');
    expect(contact()?.muted).toBe(true);
  });

  it('rewrites Mute off at once on the first refused unmute', async () => {
    const { hid, connected, desk, clock } = await headsetDesk('sennheiser');
    await connected();
    desk.calls.mute(CALLER, true);
    desk.calls.mute(CALLER, false);
    await writesDone();
    const written = hid.writes.length;
    clock.advance(20);
    hid.tap('phoneMute');
    await writesDone();
    expect(hid.writes.slice(written)).toEqual([[9, 0b10010]]);
  });

  it('unmutes on a press just after the agent muted again in the window (not a refusal)', async () => {
    const { hid, connected, desk, contact, muteLocks } = await headsetDesk('epos');
    await connected();
    desk.calls.mute(CALLER, true);
    desk.calls.mute(CALLER, false);
    desk.calls.mute(CALLER, true);
    hid.tap('phoneMute');
    expect(contact()?.muted).toBe(false);
    expect(muteLocks()).toBe(0);
  });
});

describe('what a press is', () => {
  it('reports each hook and mute press once, under its own name', async () => {
    const { hid, offer, emit, presses } = await headsetDesk('jabra');
    offer();
    await writesDone();
    hid.send({ hookSwitch: 1 });
    emit({ type: 'confirmed', callId: CALLER });
    await writesDone();
    hid.tap('phoneMute');
    expect(presses.map((press) => press.button)).toEqual(['hookSwitch', 'phoneMute']);
  });

  it('names the refused unmutes and the mute-lock as Mute presses', async () => {
    const { hid, connected, desk, presses, muteLocks } = await headsetDesk('jabra');
    await connected();
    desk.calls.mute(CALLER, true);
    desk.calls.mute(CALLER, false);
    await writesDone();
    const before = presses.length;
    hid.tap('phoneMute');
    await writesDone();
    hid.tap('phoneMute');
    expect(presses.slice(before).map((press) => press.button)).toEqual(['phoneMute', 'phoneMute']);
    expect(muteLocks()).toBe(1);
  });

  it('takes a mute press exactly at the end of the refusal window as a refused unmute', async () => {
    const { hid, connected, desk, contact, clock } = await headsetDesk('sennheiser');
    await connected();
    desk.calls.mute(CALLER, true);
    desk.calls.mute(CALLER, false);
    await writesDone();
    const written = hid.writes.length;
    clock.advance(MUTE_REFUSAL_WINDOW_MS);
    hid.tap('phoneMute');
    await writesDone();
    expect(contact()?.muted).toBe(false);
    expect(hid.writes.slice(written)).toEqual([[9, 0b10010]]);
  });

  it('counts every report of a relative button holding a value as a press, released or not', async () => {
    const { hid, presses } = await headsetDesk('jabra');
    hid.send({ redial: 1 });
    hid.send({ redial: 1 });
    hid.send({ redial: 0 });
    expect(presses.map((press) => press.button)).toEqual(['redial', 'redial']);
  });
});

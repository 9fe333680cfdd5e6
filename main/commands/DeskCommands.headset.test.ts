/** The intents a headset sends that name no contact: flash, hook on-hook, a forced mute. */
import { describe, expect, it } from 'vitest';
import { CUSTOMER, onCall } from '../desk/voice/inCall.testkit';
import { DeskCommands } from './DeskCommands';

async function headsetOnCall() {
  const kit = await onCall();
  return { ...kit, commands: new DeskCommands(kit.desk) };
}

describe('flash', () => {
  it('toggles hold on a call with the customer alone', async () => {
    const { commands, mark, emit, contact } = await headsetOnCall();
    const sent = mark();
    expect(commands.flash()).toEqual({ ok: true });
    expect(sent()).toEqual([{ type: 'hold', callId: CUSTOMER, hold: true }]);
    emit({ type: 'hold', callId: CUSTOMER, held: true });
    commands.flash();
    expect(contact().hold).toBe('resuming');
  });

  it('swaps to the customer while consulting an answered third party', async () => {
    const { commands, mark, consult } = await headsetOnCall();
    const third = consult();
    const sent = mark();
    expect(commands.flash()).toEqual({ ok: true });
    expect(sent()).toContainEqual({ type: 'hold', callId: third, hold: true });
    expect(sent()).toContainEqual({ type: 'hold', callId: CUSTOMER, hold: false });
  });

  it('is refused with noActiveCall when no call holds the line', async () => {
    const { commands, ended } = await headsetOnCall();
    ended(CUSTOMER);
    expect(commands.flash()).toEqual({ ok: false, reason: 'noActiveCall' });
  });
});

describe('hangUpActiveLeg', () => {
  it('ends only the third party while consulting, and the customer stays on hold', async () => {
    const { commands, mark, consult, contact } = await headsetOnCall();
    const third = consult();
    const sent = mark();
    expect(commands.hangUpActiveLeg()).toEqual({ ok: true });
    expect(sent()).toEqual([{ type: 'hangup', callId: third }]);
    expect(contact()).toMatchObject({ state: 'connected', hold: 'held' });
  });

  it('ends the whole call with the customer alone', async () => {
    const { commands, contact } = await headsetOnCall();
    expect(commands.hangUpActiveLeg()).toEqual({ ok: true });
    expect(contact()).toMatchObject({ state: 'acw', endedBy: 'agent' });
  });

  it('is refused with noActiveCall in ACW', async () => {
    const { commands } = await headsetOnCall();
    commands.hangUpActiveLeg();
    expect(commands.hangUpActiveLeg()).toEqual({ ok: false, reason: 'noActiveCall' });
  });
});

describe('setMute', () => {
  it('sets the call muted whatever it was, and is refused without a call', async () => {
    const { commands, contact, ended } = await headsetOnCall();
    expect(commands.setMute(true)).toEqual({ ok: true });
    expect(commands.setMute(true)).toEqual({ ok: true });
    expect(contact().muted).toBe(true);
    ended(CUSTOMER);
    expect(commands.setMute(false)).toEqual({ ok: false, reason: 'noActiveCall' });
  });
});

/**
 * How HeadsetController's reports reach the device: a light state goes to the device within
 * the desk's change that made it (the Ring light comes on with the ringer, not after the
 * desk's other outputs), and never overtakes a write still under way.
 */
import { describe, expect, it } from 'vitest';
import { DeskCommands } from '../commands/DeskCommands';
import { availableDesk } from '../desk/desk.testkit';
import { fixtureMap, HEADSETS } from './fixtures.testkit';
import { HeadsetController } from './HeadsetController';
import { CALLER, headsetDesk, writesDone } from './headsetController.testkit';
import { StandInHidDevice } from './StandInHidDevice.testkit';

/** A device that takes each report at once and finishes writing it when told (a slow USB write). */
class SlowHidDevice extends StandInHidDevice {
  private readonly finishing: (() => void)[] = [];

  override write(values: number[]): Promise<number> {
    const written = super.write(values);
    return new Promise((resolve) => this.finishing.push(() => resolve(written)));
  }

  finishOne(): void {
    this.finishing.shift()?.();
  }
}

describe.each(HEADSETS)('%s', (device) => {
  it('has the Ring light written by the time the desk’s next output hears of the offer', async () => {
    const { desk, offer, lit } = await headsetDesk(device);
    await writesDone();
    const ringLitWhenHeard: boolean[] = [];
    desk.subscribe((state) => {
      if (state.contacts.some((contact) => contact.state === 'incoming')) {
        ringLitWhenHeard.push(lit().ring === true);
      }
    });
    offer();
    expect(ringLitWhenHeard).toEqual([true]);
  });

  it('writes each light report once when a hook press answers: the answer’s own change is not written again', async () => {
    const { offer, hid, lit } = await headsetDesk(device);
    offer();
    await writesDone();
    const before = hid.writes.length;
    hid.send({ hookSwitch: 1 });
    await writesDone();
    const written = hid.writes.slice(before).map((report) => report[0]);
    expect(lit().offHook).toBe(true);
    expect(written.length).toBeGreaterThan(0);
    expect(new Set(written).size, `report ids written: ${written.join(',')}`).toBe(written.length);
  });
});

describe('a write under way', () => {
  it('holds the next light state back until it is written, then writes the next at once again', async () => {
    const kit = await availableDesk();
    const map = fixtureMap('jabra');
    const hid = new SlowHidDevice(map);
    const controller = new HeadsetController(hid, map, new DeskCommands(kit.desk), kit.clock, {
      pressed: () => undefined,
      muteLocked: () => undefined,
      lost: () => undefined,
    });
    kit.desk.subscribe((state) => controller.show(state));
    const ringBit = (report: number[] | undefined) => ((report?.[1] ?? 0) & 0b100) !== 0;

    controller.show(kit.desk.snapshot());
    expect(hid.writes).toEqual([[2, 0, 0]]);
    kit.desk.handleEngineEvent({
      type: 'incoming',
      callId: CALLER,
      from: { user: '+15551230000', uri: 'sip:+15551230000@x', displayName: 'Jane' },
      headers: {},
    });
    await writesDone();
    expect(hid.writes).toHaveLength(1);

    hid.finishOne();
    await writesDone();
    expect(hid.writes).toHaveLength(2);
    expect(ringBit(hid.writes[1])).toBe(true);

    hid.finishOne();
    await writesDone();
    kit.desk.handleEngineEvent({
      type: 'ended',
      callId: CALLER,
      originator: 'remote',
      cause: 'Canceled',
      failed: false,
    });
    expect(hid.writes).toHaveLength(3);
    expect(ringBit(hid.writes[2])).toBe(false);
  });
});

describe('a device whose write throws', () => {
  it('is reported lost, as one whose write rejects, and the desk’s change goes on', async () => {
    const kit = await availableDesk();
    const map = fixtureMap('jabra');
    // A port that throws instead of rejecting (node-hid's synchronous HID.write does).
    const hid = new (class extends StandInHidDevice {
      override write(): Promise<number> {
        throw new Error('could not write to HID device');
      }
    })(map);
    const lost: unknown[] = [];
    const controller = new HeadsetController(hid, map, new DeskCommands(kit.desk), kit.clock, {
      pressed: () => undefined,
      muteLocked: () => undefined,
      lost: (error) => lost.push(error),
    });
    expect(() => controller.show(kit.desk.snapshot())).not.toThrow();
    await writesDone();
    expect(lost).toEqual([new Error('could not write to HID device')]);
  });
});

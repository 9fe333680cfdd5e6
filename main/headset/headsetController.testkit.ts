/**
 * A real AgentDesk and DeskCommands with a HeadsetController on a stand-in device built from a
 * real descriptor: what the controller's behaviour tests drive.
 */
import type { EngineEvent, IntentResult } from '../../common/contract';
import { DeskCommands } from '../commands/DeskCommands';
import { availableDesk } from '../desk/desk.testkit';
import { fixtureMap, type FixtureName } from './fixtures.testkit';
import { HeadsetController } from './HeadsetController';
import type { LightState } from './headsetReports';
import { readBits } from './reportBits';
import { StandInHidDevice } from './StandInHidDevice.testkit';
import type { TelephonyMap } from './telephonyMap';
import type { HeadsetButton, HeadsetLight } from './usages';

export const CALLER = 'in-1';

/** Lets the controller's queued writes reach the device (promises only, no time passes). */
export const writesDone = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function headsetDesk(
  device: FixtureName,
  mapOverride?: (map: TelephonyMap) => TelephonyMap,
) {
  const kit = await availableDesk();
  const commands = new DeskCommands(kit.desk);
  const map = mapOverride ? mapOverride(fixtureMap(device)) : fixtureMap(device);
  const hid = new StandInHidDevice(map);
  const presses: { button: HeadsetButton; result: IntentResult | undefined }[] = [];
  let muteLocks = 0;
  const lost: unknown[] = [];
  const controller = new HeadsetController(hid, map, commands, kit.clock, {
    pressed: (button, result) => presses.push({ button, result }),
    muteLocked: () => (muteLocks += 1),
    lost: (error) => lost.push(error),
  });
  kit.desk.subscribe((state) => controller.show(state));
  controller.show(kit.desk.snapshot());
  const emit = (event: EngineEvent) => kit.desk.handleEngineEvent(event);
  const offer = (callId = CALLER) =>
    emit({
      type: 'incoming',
      callId,
      from: { user: '+15551230000', uri: 'sip:+15551230000@x', displayName: 'Jane' },
      headers: {},
    });
  const contact = () => kit.desk.snapshot().contacts[0];
  /** The lights as the device last had them written, read back through the map. */
  const lit = (): LightState => {
    const lights: LightState = {};
    for (const [name, light] of Object.entries(map.lights)) {
      const report = hid.lastWrite(light.reportId);
      if (!report) continue;
      lights[name as HeadsetLight] =
        readBits(Uint8Array.from(report.slice(1)), light.bitOffset, light.bitSize) === 1;
    }
    return lights;
  };
  /** An answered, confirmed call from the caller. */
  const connected = async () => {
    offer();
    kit.desk.contactIntents.accept(CALLER);
    emit({ type: 'confirmed', callId: CALLER });
    await writesDone();
  };
  return {
    ...kit,
    commands,
    map,
    hid,
    controller,
    presses,
    muteLocks: () => muteLocks,
    lost,
    emit,
    offer,
    contact,
    lit,
    connected,
  };
}

/**
 * What the headset's lights show for a desk state: Ring (and the Ringer, where the device has
 * one) while an offer is up; Off-Hook and On-Line while a call holds the line; Mute with the
 * call's mute; Hold while every party is held, with Off-Hook kept set (some Jabra devices
 * report an on-hook when Off-Hook clears); all off in ACW and between calls.
 */
import type { DeskState } from '../../common/contract';
import { activeCall } from '../commands/resolveIntent';
import { wantsHeld } from '../desk/voice/holdMachine';
import type { LightState } from './headsetReports';

export function lightsFor(state: Pick<DeskState, 'contacts'>): LightState {
  const offer = state.contacts.some((contact) => contact.state === 'incoming');
  const resolved = activeCall(state.contacts);
  const call = resolved.ok ? resolved.value : undefined;
  const parties = call
    ? [
        ...(call.state === 'connected' && call.customerLeft !== true ? [call.hold] : []),
        ...(call.thirdParty?.state === 'connected' ? [call.thirdParty.hold] : []),
      ]
    : [];
  return {
    ring: offer,
    ringer: offer,
    offHook: call !== undefined,
    onLine: call !== undefined,
    mute: call?.muted === true,
    hold: parties.length > 0 && parties.every(wantsHeld),
  };
}

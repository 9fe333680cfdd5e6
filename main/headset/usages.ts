/**
 * The usages a telephony headset is read by (HID Usage Tables 1.5: Telephony Device page 0x0B,
 * LED page 0x08). Names follow the tables, not any vendor.
 */
import type { HeadsetButtonName } from '../../common/contract';
import { usageOf, type ExtendedUsage } from './descriptor/reportFields';

export const TELEPHONY_PAGE = 0x0b;
export const LED_PAGE = 0x08;

/** Top-level collections that make a device a phone (Telephony: Phone 0x01, Headset 0x05). */
export const TELEPHONY_APPLICATIONS: readonly ExtendedUsage[] = [
  usageOf(TELEPHONY_PAGE, 0x01),
  usageOf(TELEPHONY_PAGE, 0x05),
];

/** The buttons the map names; the controller acts on hook, mute and flash. */
export const BUTTON_USAGES = {
  hookSwitch: usageOf(TELEPHONY_PAGE, 0x20),
  flash: usageOf(TELEPHONY_PAGE, 0x21),
  redial: usageOf(TELEPHONY_PAGE, 0x24),
  transfer: usageOf(TELEPHONY_PAGE, 0x25),
  drop: usageOf(TELEPHONY_PAGE, 0x26),
  phoneMute: usageOf(TELEPHONY_PAGE, 0x2f),
  speedDial: usageOf(TELEPHONY_PAGE, 0x50),
  lineBusyTone: usageOf(TELEPHONY_PAGE, 0x97),
} as const satisfies Record<HeadsetButtonName, ExtendedUsage>;
export type HeadsetButton = HeadsetButtonName;

/** The lights the map names; Ringer is a Telephony usage some devices ring by. */
export const LIGHT_USAGES = {
  mute: usageOf(LED_PAGE, 0x09),
  offHook: usageOf(LED_PAGE, 0x17),
  ring: usageOf(LED_PAGE, 0x18),
  speaker: usageOf(LED_PAGE, 0x1e),
  hold: usageOf(LED_PAGE, 0x20),
  microphone: usageOf(LED_PAGE, 0x21),
  onLine: usageOf(LED_PAGE, 0x2a),
  ringer: usageOf(TELEPHONY_PAGE, 0x9e),
} as const satisfies Record<string, ExtendedUsage>;
export type HeadsetLight = keyof typeof LIGHT_USAGES;

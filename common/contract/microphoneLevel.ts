/**
 * The live microphone level meter of the settings screen (B1). It is a measurement stream, not
 * desk state: it flows only while the settings screen is open and asks for it, at most
 * METER_UPDATES_PER_SECOND, on a push channel of its own, so ten updates a second never make
 * the desk snapshot (and everything that follows it: tray, headset lights, drafts journal)
 * recompute.
 */
import { z } from 'zod';

/** How often the engine reports the level while the meter is on. */
export const METER_INTERVAL_MS = 100;
export const METER_UPDATES_PER_SECOND = 1000 / METER_INTERVAL_MS;

/** 0 is silence (or below -60 dBFS), 1 is full scale. */
export const MicrophoneLevel = z.number().min(0).max(1);

/** The settings screen opened (`on`) or closed its meter. */
export const MicrophoneMeterRequest = z.object({ on: z.boolean() });

/** Main -> UI push: one level reading. */
export const MICROPHONE_LEVEL_CHANNEL = 'ui:microphone-level';
export const MicrophoneLevelUpdate = z.object({ level: MicrophoneLevel });
export type MicrophoneLevelUpdate = z.infer<typeof MicrophoneLevelUpdate>;

/**
 * Meter the microphone (the chosen one, or the call's own track while a call has one) and
 * report `microphone-level` every METER_INTERVAL_MS, until told `on: false`.
 */
export const MeterCommand = z.discriminatedUnion('type', [
  z.object({ type: z.literal('microphone-meter'), on: z.boolean() }),
]);

export const MeterEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('microphone-level'), level: MicrophoneLevel }),
]);

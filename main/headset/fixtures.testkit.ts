/**
 * The real headset descriptors the tests read (fixtures/README.md says where they come from).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mapFromDescriptor } from './readHeadsetDescriptor';
import type { TelephonyMap } from './telephonyMap';

export const FIXTURES = {
  jabra: '0b0e-0307',
  yealink: '6993-b02b',
  sennheiser: '1395-0082',
  poly: '047f-02ec',
  epos: '1395-00a2',
  logitech: '046d-0ac4',
} as const;
export type FixtureName = keyof typeof FIXTURES;

/** The five telephony headsets (the Logitech has no telephony collection). */
export const HEADSETS = ['jabra', 'yealink', 'sennheiser', 'poly', 'epos'] as const;

export function descriptorBytes(name: FixtureName): Uint8Array {
  return readFileSync(join(import.meta.dirname, 'fixtures', `${FIXTURES[name]}.bin`));
}

export function fixtureMap(name: FixtureName): TelephonyMap {
  const reading = mapFromDescriptor(descriptorBytes(name));
  if (!reading.ok) throw new Error(`${name}: ${reading.reason}`);
  return reading.map;
}

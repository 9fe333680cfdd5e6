/**
 * Which headset to use when several telephony devices are plugged in: the one the settings
 * name (`vendorId:productId`, hex), else the one that is the agent's microphone (found by
 * headsetForMicrophone), else the first the OS lists, so the choice stays put between polls.
 */
import type { HeadsetCandidate } from './HeadsetPort';

const hex4 = (value: number) => value.toString(16).padStart(4, '0');

export function deviceKey(candidate: Pick<HeadsetCandidate, 'vendorId' | 'productId'>): string {
  return `${hex4(candidate.vendorId)}:${hex4(candidate.productId)}`;
}

export function chooseHeadset(
  phones: readonly HeadsetCandidate[],
  preferred: string | undefined,
  microphoneHeadset?: HeadsetCandidate,
): HeadsetCandidate | undefined {
  const wanted = preferred?.toLowerCase();
  return phones.find((phone) => deviceKey(phone) === wanted) ?? microphoneHeadset ?? phones[0];
}

/**
 * B4: going Available with no usable microphone would fail at the first call, in front of a
 * customer. It is refused up front, with the reason the agent can act on.
 */
import { AVAILABLE, type DeskState, type RefusalReason } from '../../common/contract';

export function microphoneRefusal(
  statusId: string,
  audio: DeskState['audio'],
): Extract<RefusalReason, 'noMicrophone' | 'microphoneDenied'> | undefined {
  if (statusId !== AVAILABLE || !audio) return undefined;
  if (audio.microphoneAccess === 'none') return 'noMicrophone';
  if (audio.microphoneAccess === 'denied') return 'microphoneDenied';
  return undefined;
}

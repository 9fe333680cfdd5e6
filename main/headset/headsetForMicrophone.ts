/**
 * Which of several telephony headsets is the agent's chosen microphone: the headset is also the
 * audio device, and its buttons must act on the call the agent is speaking into. The hub reads
 * the microphone in use and the OS's device list from AudioDevices at each poll, and
 * chooseHeadset ranks, in order, the headset the settings name, then the one this function
 * finds, then the first listed.
 *
 * The rule, strongest evidence first:
 * 1. Chromium ends a USB audio device's label with its USB ids, `Jabra Link 380 (0b0e:2e56)`;
 *    the headset with those vendor and product ids is the one. The labels of the microphone's
 *    whole group (same `groupId`: the speaker and microphone of one physical device) count,
 *    because some drivers put the ids on one of them only.
 * 2. Otherwise the HID product name, all its words in order, inside a label of the group; only
 *    a name of two words or more, so that a bare "Headset" matches nothing.
 * 3. Otherwise none: a microphone that is no headset (a laptop's, a USB desk microphone).
 */
import type { HeadsetCandidate } from './HeadsetPort';

/** The fields of a MediaDeviceInfo the rule reads. */
export interface AudioDeviceLabel {
  label: string;
  groupId: string;
}

/** The microphone in use and the OS's audio devices (AudioDevices.microphoneInUse). */
export interface MicrophoneInUse {
  readonly microphone: AudioDeviceLabel | undefined;
  readonly devices: readonly AudioDeviceLabel[];
}

const USB_IDS = /\(([0-9a-f]{4}):([0-9a-f]{4})\)\s*$/i;

/** The words of a name, lowercase, without the OS's role prefixes and punctuation. */
function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/^(default|communications)\s*-\s*/, '')
    .replace(/\([0-9a-f]{4}:[0-9a-f]{4}\)/g, ' ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

function containsRun(haystack: readonly string[], needle: readonly string[]): boolean {
  if (needle.length === 0) return false;
  for (let start = 0; start + needle.length <= haystack.length; start += 1) {
    if (needle.every((word, index) => haystack[start + index] === word)) return true;
  }
  return false;
}

export function headsetForMicrophone(
  phones: readonly HeadsetCandidate[],
  microphone: AudioDeviceLabel | undefined,
  devices: readonly AudioDeviceLabel[] = [],
): HeadsetCandidate | undefined {
  if (!microphone) return undefined;
  const labels = [
    microphone.label,
    ...devices
      .filter((device) => microphone.groupId !== '' && device.groupId === microphone.groupId)
      .map((device) => device.label),
  ];

  for (const label of labels) {
    const ids = USB_IDS.exec(label);
    if (!ids) continue;
    const [vendorId, productId] = [parseInt(ids[1]!, 16), parseInt(ids[2]!, 16)];
    const phone = phones.find(
      (candidate) => candidate.vendorId === vendorId && candidate.productId === productId,
    );
    if (phone) return phone;
  }

  const labelWords = labels.map(words);
  return phones.find((phone) => {
    const name = words(phone.product);
    if (name.length < 2) return false;
    return labelWords.some((label) => containsRun(label, name));
  });
}

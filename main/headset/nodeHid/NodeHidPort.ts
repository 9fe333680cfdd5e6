/**
 * The app's HeadsetPort: node-hid 3.x does the I/O on every OS. It does not return report
 * descriptors, so on Linux the descriptor is read from the hidraw node's sysfs entry
 * (`/sys/class/hidraw/hidrawN/device/report_descriptor`, readable by anyone, unlike the node).
 * On Windows and macOS this port reads none, and is not used: there WebHidPort reaches the
 * headsets through WebHID in the engine page, whose parsed collections give the same map
 * (descriptor/webHidCollections.ts). headsetSource.ts picks the port per OS.
 */
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { devicesAsync, HIDAsync, type Device } from 'node-hid';
import type { HidDevice } from '../HidDevice';
import type { HeadsetCandidate, HeadsetPort } from '../HeadsetPort';
import { TELEPHONY_PAGE } from '../usages';

const HIDRAW_NODE = /^\/dev\/hidraw\d+$/;

/** The sysfs file holding the descriptor of a Linux hidraw node, if the path is one. */
export function sysfsDescriptorPath(devicePath: string, sysfsRoot = '/sys'): string | undefined {
  if (!HIDRAW_NODE.test(devicePath)) return undefined;
  return join(sysfsRoot, 'class', 'hidraw', basename(devicePath), 'device', 'report_descriptor');
}

/**
 * A HID interface that may be a phone. hidapi lists each top-level collection of a device
 * with its usage page; one with the Telephony page (or with none given) is worth reading.
 */
function mayBePhone(device: Device): device is Device & { path: string } {
  return (
    device.path !== undefined &&
    (device.usagePage === undefined || device.usagePage === TELEPHONY_PAGE)
  );
}

export class NodeHidPort implements HeadsetPort {
  constructor(private readonly sysfsRoot = '/sys') {}

  async list(): Promise<HeadsetCandidate[]> {
    const byPath = new Map<string, HeadsetCandidate>();
    for (const device of (await devicesAsync()).filter(mayBePhone)) {
      byPath.set(device.path, {
        path: device.path,
        vendorId: device.vendorId,
        productId: device.productId,
        product: device.product ?? '',
      });
    }
    return [...byPath.values()];
  }

  async readDescriptor(candidate: HeadsetCandidate): Promise<Uint8Array | undefined> {
    const file = sysfsDescriptorPath(candidate.path, this.sysfsRoot);
    return file ? new Uint8Array(await readFile(file)) : undefined;
  }

  async open(candidate: HeadsetCandidate): Promise<HidDevice> {
    // Shared on macOS, so the OS's own telephony handling does not lock the agent out.
    return HIDAsync.open(candidate.path, { nonExclusive: true });
  }
}

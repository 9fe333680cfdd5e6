/**
 * The USB side of the headset, as a port: which HID devices are plugged in, the report
 * descriptor of each, and opening one. The app's is NodeHidPort (node-hid, and on Linux the
 * descriptor from sysfs); the end-to-end harness plugs in a stand-in device the same way.
 */
import type { HidDevice } from './HidDevice';

export interface HeadsetCandidate {
  /** The OS's path for the device (`/dev/hidraw3`, a Windows device path, an IOService path). */
  path: string;
  vendorId: number;
  productId: number;
  /** The product name the device gives, untrusted. */
  product: string;
}

export interface HeadsetPort {
  /** The HID devices that may be telephony headsets, as of now. */
  list(): Promise<HeadsetCandidate[]>;
  /** The device's report descriptor, or undefined where this OS gives none to read. */
  readDescriptor(candidate: HeadsetCandidate): Promise<Uint8Array | undefined>;
  open(candidate: HeadsetCandidate): Promise<HidDevice>;
}

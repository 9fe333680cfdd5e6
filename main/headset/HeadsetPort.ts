/**
 * The USB side of the headset, as a port: which HID devices are plugged in, the report
 * descriptor of each, and opening one. The app's is NodeHidPort on Linux (node-hid, the
 * descriptor from sysfs) and WebHidPort on Windows and macOS (WebHID in the engine page);
 * the end-to-end harness plugs in stand-in devices the same ways.
 */
import type { HidDevice } from './HidDevice';
import type { HeadsetDescriptor } from './readHeadsetDescriptor';

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
  /**
   * The device's report descriptor (bytes, or WebHID's parsed collections), or undefined
   * where this OS gives none to read.
   */
  readDescriptor(candidate: HeadsetCandidate): Promise<HeadsetDescriptor | undefined>;
  open(candidate: HeadsetCandidate): Promise<HidDevice>;
}

/**
 * A HeadsetPort of stand-in devices: a test plugs a headset in (a real descriptor from
 * fixtures/), unplugs it, and reaches the stand-in device the host opened to press its buttons.
 * The unit tests and the end-to-end harness use it the same way.
 */
import { descriptorBytes, type FixtureName } from './fixtures.testkit';
import type { HeadsetCandidate, HeadsetPort } from './HeadsetPort';
import { mapFromDescriptor } from './readHeadsetDescriptor';
import { StandInHidDevice } from './StandInHidDevice.testkit';

/** Each fixture device as the OS names it: vendor id, product id, product name. */
export const FIXTURE_IDS: Record<FixtureName, [number, number, string]> = {
  jabra: [0x0b0e, 0x0307, 'Jabra EVOLVE LINK MS'],
  yealink: [0x6993, 0xb02b, 'Yealink WH66'],
  sennheiser: [0x1395, 0x0082, 'Sennheiser SC 660'],
  poly: [0x047f, 0x02ec, 'Poly Voyager Base CD'],
  epos: [0x1395, 0x00a2, 'EPOS IMPACT DW'],
  logitech: [0x046d, 0x0ac4, 'Logitech G535'],
};

interface Plugged {
  candidate: HeadsetCandidate;
  bytes: Uint8Array;
  device?: StandInHidDevice;
}

export class StandInHeadsetPort implements HeadsetPort {
  private readonly plugged = new Map<string, Plugged>();
  private next = 0;
  /** How many descriptors were read: polling must not read known devices again. */
  descriptorReads = 0;
  listCalls = 0;

  /**
   * Plugs the fixture's device in at a new path, as the OS would name a new node, or at the
   * path given (the OS reuses a node number once its device is gone).
   */
  plug(name: FixtureName, path = `/dev/hidraw${this.next++}`): HeadsetCandidate {
    const [vendorId, productId, product] = FIXTURE_IDS[name];
    const candidate = { path, vendorId, productId, product };
    this.plugged.set(candidate.path, { candidate, bytes: descriptorBytes(name) });
    return candidate;
  }

  /** Pulls the cable: the open device errors, and the OS lists it no more. */
  unplug(path: string): void {
    const entry = this.plugged.get(path);
    this.plugged.delete(path);
    entry?.device?.unplug();
  }

  /** The stand-in device the host opened at this path. */
  device(path: string): StandInHidDevice {
    const device = this.opened(path);
    if (!device) throw new Error(`${path} is not open`);
    return device;
  }

  /** The stand-in device at this path if the host opened it (for polling until it does). */
  opened(path: string): StandInHidDevice | undefined {
    return this.plugged.get(path)?.device;
  }

  list(): Promise<HeadsetCandidate[]> {
    this.listCalls += 1;
    return Promise.resolve([...this.plugged.values()].map((entry) => entry.candidate));
  }

  readDescriptor(candidate: HeadsetCandidate): Promise<Uint8Array | undefined> {
    this.descriptorReads += 1;
    return Promise.resolve(this.plugged.get(candidate.path)?.bytes);
  }

  open(candidate: HeadsetCandidate): Promise<StandInHidDevice> {
    const entry = this.plugged.get(candidate.path);
    const reading = entry && mapFromDescriptor(entry.bytes);
    if (!entry || !reading?.ok) return Promise.reject(new Error(`cannot open ${candidate.path}`));
    entry.device = new StandInHidDevice(reading.map);
    return Promise.resolve(entry.device);
  }
}

/**
 * NodeHidPort: the real node-hid binary loads and lists; the port's own decisions (which HID
 * interfaces may be phones, which paths have a sysfs descriptor, how it opens a device, what
 * it passes on when node-hid fails) run against a thin stand-in for node-hid's devicesAsync
 * and HIDAsync.open, since no USB headset can be plugged in here. The stand-in passes through
 * to the real node-hid unless a test gives it devices or a failure. Descriptors are the real
 * fixture headsets' bytes under a temporary sysfs root.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getHidapiVersion, type Device } from 'node-hid';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { descriptorBytes, type FixtureName } from '../fixtures.testkit';
import type { HeadsetCandidate } from '../HeadsetPort';
import { mapFromDescriptor } from '../readHeadsetDescriptor';
import { NodeHidPort, sysfsDescriptorPath } from './NodeHidPort';

const hid = vi.hoisted(() => ({
  /** What devicesAsync lists; undefined: the real node-hid's list. */
  listed: undefined as Device[] | undefined,
  /** The error devicesAsync or HIDAsync.open fails with, if a test arms one. */
  listFailure: undefined as Error | undefined,
  openFailure: undefined as Error | undefined,
  /** Each HIDAsync.open call: the path and the options. */
  opens: [] as unknown[][],
  /** What HIDAsync.open gives back. */
  device: { standIn: 'HIDAsync' },
}));

vi.mock('node-hid', async (importOriginal) => {
  const real = await importOriginal<typeof import('node-hid')>();
  return {
    ...real,
    devicesAsync: () => {
      if (hid.listFailure) return Promise.reject(hid.listFailure);
      return hid.listed ? Promise.resolve(hid.listed) : real.devicesAsync();
    },
    HIDAsync: {
      open: (...args: unknown[]) => {
        hid.opens.push(args);
        return hid.openFailure ? Promise.reject(hid.openFailure) : Promise.resolve(hid.device);
      },
    },
  };
});

afterEach(() => {
  hid.listed = undefined;
  hid.listFailure = undefined;
  hid.openFailure = undefined;
  hid.opens = [];
});

/** One HID interface as node-hid lists it (hidapi gives one per top-level collection). */
const hidInterface = (fields: Partial<Device> & Pick<Device, 'vendorId' | 'productId'>): Device =>
  ({ interface: 0, release: 0, ...fields }) as Device;

/** A sysfs tree with each hidraw node's report_descriptor, as Linux has under /sys. */
function sysfsWith(nodes: Record<string, FixtureName>): string {
  const root = mkdtempSync(join(tmpdir(), 'sysfs-'));
  for (const [node, fixture] of Object.entries(nodes)) {
    const folder = join(root, 'class', 'hidraw', node, 'device');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'report_descriptor'), descriptorBytes(fixture));
  }
  return root;
}

const candidateAt = (path: string): HeadsetCandidate => ({
  path,
  vendorId: 0x0b0e,
  productId: 0x0307,
  product: 'Jabra',
});

describe('NodeHidPort', () => {
  it('loads the real node-hid binary and lists the HID devices without error', async () => {
    expect(getHidapiVersion()).toMatch(/^\d+\.\d+\.\d+/);
    const listed = await new NodeHidPort().list();
    expect(Array.isArray(listed)).toBe(true);
    for (const candidate of listed) expect(candidate.path).not.toBe('');
  });

  it("reads a Linux hidraw node's descriptor from its sysfs entry", async () => {
    const root = sysfsWith({ hidraw4: 'jabra' });
    const bytes = await new NodeHidPort(root).readDescriptor(candidateAt('/dev/hidraw4'));
    expect(bytes).toEqual(new Uint8Array(descriptorBytes('jabra')));
  });

  it('has no descriptor to read for a path that is not a hidraw node (Windows, macOS)', async () => {
    expect(sysfsDescriptorPath('\\\\?\\hid#vid_0b0e&pid_0307')).toBeUndefined();
    expect(sysfsDescriptorPath('DevSrvsID:4294969999')).toBeUndefined();
    expect(sysfsDescriptorPath('/dev/hidraw12')).toBe(
      '/sys/class/hidraw/hidraw12/device/report_descriptor',
    );
    const port = new NodeHidPort();
    const none = await port.readDescriptor({
      path: 'DevSrvsID:1',
      vendorId: 1,
      productId: 1,
      product: '',
    });
    expect(none).toBeUndefined();
  });

  it('reads sysfs only for a whole hidraw node path, not one that merely contains one', () => {
    expect(sysfsDescriptorPath('/run/dev/hidraw3')).toBeUndefined();
    expect(sysfsDescriptorPath('/dev/hidraw3x')).toBeUndefined();
    expect(sysfsDescriptorPath('/dev/hidraw3/../../etc/passwd')).toBeUndefined();
    expect(sysfsDescriptorPath('/dev/hidraw')).toBeUndefined();
    expect(sysfsDescriptorPath('/dev/hidraw7', '/tmp/sys')).toBe(
      '/tmp/sys/class/hidraw/hidraw7/device/report_descriptor',
    );
  });

  it("reads from the system's /sys when no sysfs root is given", async () => {
    await expect(new NodeHidPort().readDescriptor(candidateAt('/dev/hidraw999'))).rejects.toThrow(
      '/sys/class/hidraw/hidraw999/device/report_descriptor',
    );
  });

  it('lists the interfaces with the Telephony page or with none given, once per path, and not keyboards or pathless ones', async () => {
    hid.listed = [
      hidInterface({
        vendorId: 0x0b0e,
        productId: 0x0307,
        path: '/dev/hidraw1',
        product: 'Jabra EVOLVE LINK MS',
        usagePage: 0x0b,
      }),
      // The same device's consumer-control collection at the same node (hidapi on Linux).
      hidInterface({
        vendorId: 0x0b0e,
        productId: 0x0307,
        path: '/dev/hidraw1',
        product: 'Jabra EVOLVE LINK MS',
        usagePage: 0x0b,
      }),
      hidInterface({ vendorId: 0x1395, productId: 0x0082, path: '/dev/hidraw2' }),
      hidInterface({
        vendorId: 0x046d,
        productId: 0xc31c,
        path: '/dev/hidraw3',
        product: 'USB Keyboard',
        usagePage: 0x01,
      }),
      hidInterface({ vendorId: 0x047f, productId: 0x02ec, usagePage: 0x0b }),
    ];
    expect(await new NodeHidPort().list()).toEqual([
      {
        path: '/dev/hidraw1',
        vendorId: 0x0b0e,
        productId: 0x0307,
        product: 'Jabra EVOLVE LINK MS',
      },
      { path: '/dev/hidraw2', vendorId: 0x1395, productId: 0x0082, product: '' },
    ]);
  });

  it('lists nothing when node-hid lists no device that may be a phone', async () => {
    hid.listed = [
      hidInterface({ vendorId: 0x046d, productId: 0xc077, path: '/dev/hidraw0', usagePage: 0x01 }),
    ];
    expect(await new NodeHidPort().list()).toEqual([]);
  });

  it('the devices listed and their sysfs descriptors give the telephony map of the headset and none for the gaming headset', async () => {
    hid.listed = [
      hidInterface({ vendorId: 0x046d, productId: 0x0ac4, path: '/dev/hidraw0', usagePage: 0x0b }),
      hidInterface({ vendorId: 0x1395, productId: 0x00a2, path: '/dev/hidraw5' }),
    ];
    const port = new NodeHidPort(sysfsWith({ hidraw0: 'logitech', hidraw5: 'epos' }));
    const readings = await Promise.all(
      (await port.list()).map(async (candidate) =>
        mapFromDescriptor((await port.readDescriptor(candidate))!),
      ),
    );
    expect(readings.map((reading) => reading.ok)).toEqual([false, true]);
  });

  it('passes on the error when node-hid cannot list the devices', async () => {
    hid.listFailure = new Error('hid_enumerate failed');
    await expect(new NodeHidPort().list()).rejects.toThrow('hid_enumerate failed');
  });

  it("opens the candidate's path shared (non-exclusive), so the OS's own telephony handling does not lock the agent out", async () => {
    const device = await new NodeHidPort().open(candidateAt('/dev/hidraw4'));
    expect(device).toBe(hid.device);
    expect(hid.opens).toEqual([['/dev/hidraw4', { nonExclusive: true }]]);
  });

  it('passes on the error when node-hid cannot open the device (a vendor app holds it)', async () => {
    hid.openFailure = new Error('cannot open device with path /dev/hidraw4');
    await expect(new NodeHidPort().open(candidateAt('/dev/hidraw4'))).rejects.toThrow(
      'cannot open device with path /dev/hidraw4',
    );
  });
});

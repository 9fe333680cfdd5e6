import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getHidapiVersion } from 'node-hid';
import { describe, expect, it } from 'vitest';
import { descriptorBytes } from '../fixtures.testkit';
import { NodeHidPort, sysfsDescriptorPath } from './NodeHidPort';

describe('NodeHidPort', () => {
  it('loads the real node-hid binary and lists the HID devices without error', async () => {
    expect(getHidapiVersion()).toMatch(/^\d+\.\d+\.\d+/);
    const listed = await new NodeHidPort().list();
    expect(Array.isArray(listed)).toBe(true);
    for (const candidate of listed) expect(candidate.path).not.toBe('');
  });

  it("reads a Linux hidraw node's descriptor from its sysfs entry", async () => {
    const root = mkdtempSync(join(tmpdir(), 'sysfs-'));
    const folder = join(root, 'class', 'hidraw', 'hidraw4', 'device');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'report_descriptor'), descriptorBytes('jabra'));
    const bytes = await new NodeHidPort(root).readDescriptor({
      path: '/dev/hidraw4',
      vendorId: 0x0b0e,
      productId: 0x0307,
      product: 'Jabra',
    });
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
});

/**
 * The headsets' udev rule (assets/linux) and its install by the deb and rpm packages.
 */
import { load } from 'js-yaml';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const RULE_FILE = 'assets/linux/70-openccp-headsets.rules';
const rules = readFileSync(RULE_FILE, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '' && !line.startsWith('#'));

describe('the headsets udev rule', () => {
  it('only tags hidraw nodes for the seat user, one vendor per line', () => {
    for (const line of rules) {
      expect(line).toMatch(
        /^KERNEL=="hidraw\*", SUBSYSTEM=="hidraw", ATTRS\{idVendor\}=="[0-9a-f]{4}", TAG\+="uaccess"$/,
      );
    }
  });

  it('covers the vendor of every telephony headset in the fixtures', () => {
    const vendors = rules.map((line) => /idVendor\}=="([0-9a-f]{4})"/.exec(line)?.[1]);
    for (const vendor of ['0b0e', '047f', '1395', '6993']) expect(vendors).toContain(vendor);
  });

  it('is numbered before 73-seat-late.rules, which turns uaccess tags into access', () => {
    expect(Number(/\/(\d+)-/.exec(RULE_FILE)?.[1])).toBeLessThan(73);
  });

  it('travels in the Linux app resources, where the deb and rpm after-install script copies it from', () => {
    const builder = load(readFileSync('electron-builder.yml', 'utf8')) as {
      linux?: { extraResources?: { from: string; to: string }[] };
      deb?: { afterInstall?: string };
      rpm?: { afterInstall?: string };
    };
    expect(builder.linux?.extraResources).toContainEqual({
      from: RULE_FILE,
      to: 'udev/70-openccp-headsets.rules',
    });
    for (const target of [builder.deb, builder.rpm]) {
      const script = readFileSync(target?.afterInstall ?? '', 'utf8');
      expect(script).toContain('resources/udev/$rule_name');
      expect(script).toContain("rule_name='70-openccp-headsets.rules'");
    }
  });
});

/**
 * What electron-builder needs from package.json and electron-builder.yml before it packages
 * anything (SPEC G5): the deb target refuses to start without a maintainer e-mail and a
 * homepage, and each installer must carry what IT and the OS expect of a softphone.
 */
import { load } from 'js-yaml';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

interface BuilderConfig {
  protocols?: { schemes: string[] }[];
  win?: { target?: string[]; icon?: string };
  nsis?: { perMachine?: boolean; include?: string };
  msi?: { perMachine?: boolean };
  mac?: {
    target?: string;
    icon?: string;
    entitlements?: string;
    extendInfo?: Record<string, string>;
  };
  linux?: { target?: string[]; icon?: string; syncDesktopName?: boolean };
}

const builder = load(readFileSync('electron-builder.yml', 'utf8')) as BuilderConfig;
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  author?: { name?: string; email?: string };
  homepage?: string;
  desktopName?: string;
};

describe('package metadata for the installers', () => {
  it('names an author with an e-mail address, which the deb target takes as its maintainer', () => {
    expect(pkg.author?.name).toBeTruthy();
    expect(pkg.author?.email).toMatch(/^[^@\s]+@[^@\s]+\.[a-z]+$/);
  });

  it('has an https homepage, which deb and rpm require as the package URL', () => {
    expect(pkg.homepage).toMatch(/^https:\/\//);
  });

  it('sets desktopName, and Linux names the desktop entry after it so windows find their launcher', () => {
    expect(pkg.desktopName).toBe('openccp.desktop');
    expect(builder.linux?.syncDesktopName).toBe(true);
  });
});

describe('electron-builder.yml', () => {
  it('builds NSIS and MSI installers for Windows, both per machine', () => {
    expect(builder.win?.target).toEqual(['nsis', 'msi']);
    expect(builder.nsis?.perMachine).toBe(true);
    expect(builder.msi?.perMachine).toBe(true);
  });

  it('includes the NSIS script that copies a /POLICY file into the machine policy folder', () => {
    const script = readFileSync(builder.nsis?.include ?? '', 'utf8');
    expect(script).toContain('${GetOptions} $R0 "/POLICY=" $R1');
    expect(script).toContain('"$COMMONAPPDATA\\openccp\\policy.json"');
    expect(script).toContain('SetShellVarContext all');
  });

  it('gives the macOS app the microphone entitlement and the usage text macOS shows', () => {
    const entitlements = readFileSync(builder.mac?.entitlements ?? '', 'utf8');
    expect(entitlements).toMatch(
      /<key>com\.apple\.security\.device\.audio-input<\/key>\s*<true\/>/,
    );
    expect(builder.mac?.extendInfo?.['NSMicrophoneUsageDescription']).toMatch(/microphone/);
  });

  it('builds deb, rpm and AppImage for Linux', () => {
    expect(builder.linux?.target).toEqual(['deb', 'rpm', 'AppImage']);
  });

  it('registers the tel:, sip: and callto: link handlers', () => {
    expect(builder.protocols?.flatMap((protocol) => protocol.schemes)).toEqual([
      'tel',
      'sip',
      'callto',
    ]);
  });

  it('points each platform at an icon the generator wrote', () => {
    for (const icon of [builder.win?.icon, builder.mac?.icon, builder.linux?.icon]) {
      expect(icon && existsSync(icon)).toBe(true);
    }
  });
});

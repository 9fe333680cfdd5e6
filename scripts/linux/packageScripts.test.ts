/**
 * The deb/rpm after-install and after-remove scripts (assets/linux/*.tpl), run for real with
 * bash in a temporary root (DESTDIR). The system tools they call (udevadm, update-alternatives,
 * the desktop and MIME database updaters, AppArmor) are stand-ins on PATH that record their
 * arguments: the real ones would change this machine.
 */
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderPackageScript } from './renderPackageScript';

const RULE = '70-openccp-headsets.rules';
const RULE_TEXT = readFileSync(`assets/linux/${RULE}`, 'utf8');
const RECORDED_TOOLS = [
  'udevadm',
  'update-alternatives',
  'update-desktop-database',
  'update-mime-database',
  'apparmor_status',
];

let root: string;
let stubs: string;
let calls: string;

beforeEach(() => {
  const base = mkdtempSync(join(tmpdir(), 'openccp-pkg-'));
  root = join(base, 'root');
  stubs = join(base, 'bin');
  calls = join(base, 'calls.log');
  mkdirSync(join(root, 'opt/OpenCCP/resources/udev'), { recursive: true });
  writeFileSync(join(root, 'opt/OpenCCP/resources/udev', RULE), RULE_TEXT);
  writeFileSync(join(root, 'opt/OpenCCP/chrome-sandbox'), '');
  mkdirSync(stubs);
  for (const tool of RECORDED_TOOLS) {
    // apparmor_status answers "not enabled", as on a machine without AppArmor.
    const exit = tool === 'apparmor_status' ? 1 : 0;
    writeFileSync(join(stubs, tool), `#!/bin/sh\necho "${tool} $*" >> "${calls}"\nexit ${exit}\n`);
    chmodSync(join(stubs, tool), 0o755);
  }
});

afterEach(() => rmSync(join(root, '..'), { recursive: true, force: true }));

function run(script: 'after-install' | 'after-remove', ...args: string[]) {
  const file = join(root, '..', `${script}.sh`);
  writeFileSync(file, renderPackageScript(readFileSync(`assets/linux/${script}.tpl`, 'utf8')));
  const result = spawnSync('bash', [file, ...args], {
    encoding: 'utf8',
    env: { PATH: `${stubs}:/usr/bin:/bin`, DESTDIR: root },
  });
  expect(result.status, result.stderr).toBe(0);
  return existsSync(calls) ? readFileSync(calls, 'utf8').trim().split('\n') : [];
}

const installedRule = () => join(root, 'usr/lib/udev/rules.d', RULE);

describe('the after-install script', () => {
  it('copies the headsets udev rule from the app resources into udev rules.d, world-readable', () => {
    run('after-install', 'configure');
    expect(readFileSync(installedRule(), 'utf8')).toBe(RULE_TEXT);
    expect(
      spawnSync('stat', ['-c', '%a', installedRule()], { encoding: 'utf8' }).stdout.trim(),
    ).toBe('644');
  });

  it('reloads the udev rules and re-triggers the hidraw devices already plugged in', () => {
    const log = run('after-install', 'configure');
    expect(log).toContain('udevadm control --reload-rules');
    expect(log).toContain('udevadm trigger --subsystem-match=hidraw --action=change');
    expect(log.indexOf('udevadm control --reload-rules')).toBeLessThan(
      log.indexOf('udevadm trigger --subsystem-match=hidraw --action=change'),
    );
  });

  it('registers the openccp command through update-alternatives, pointing into /opt/OpenCCP', () => {
    const log = run('after-install', 'configure');
    expect(log).toContain(
      `update-alternatives --install ${root}/usr/bin/openccp openccp /opt/OpenCCP/openccp 100`,
    );
  });

  it('refreshes the desktop database so the tel:, sip: and callto: handlers take effect', () => {
    expect(run('after-install', 'configure')).toContain(
      `update-desktop-database ${root}/usr/share/applications`,
    );
  });

  it('still succeeds without calling udevadm when the rule is missing from the resources', () => {
    rmSync(join(root, 'opt/OpenCCP/resources/udev', RULE));
    const log = run('after-install', 'configure');
    expect(existsSync(installedRule())).toBe(false);
    expect(log.some((line) => line.startsWith('udevadm'))).toBe(false);
  });

  it('fills in every macro electron-builder knows and none other', () => {
    for (const script of ['after-install', 'after-remove']) {
      const rendered = renderPackageScript(readFileSync(`assets/linux/${script}.tpl`, 'utf8'));
      expect(rendered).not.toMatch(/\${[a-zA-Z]+}/);
    }
    expect(() => renderPackageScript('${productVersion}')).toThrow(/not defined/);
  });
});

describe('the after-remove script', () => {
  it('takes the udev rule away and reloads udev on removal (deb "remove", rpm 0)', () => {
    for (const argument of ['remove', '0']) {
      run('after-install', 'configure');
      rmSync(calls, { force: true });
      const log = run('after-remove', argument);
      expect(existsSync(installedRule())).toBe(false);
      expect(log).toContain('udevadm control --reload-rules');
      expect(log).toContain('update-alternatives --remove openccp /opt/OpenCCP/openccp');
    }
  });

  it('leaves the rule and the command of the new version alone on an upgrade (deb "upgrade", rpm 1)', () => {
    for (const argument of ['upgrade', '1']) {
      run('after-install', 'configure');
      rmSync(calls, { force: true });
      const log = run('after-remove', argument);
      expect(readFileSync(installedRule(), 'utf8')).toBe(RULE_TEXT);
      expect(log).toEqual([]);
    }
  });
});

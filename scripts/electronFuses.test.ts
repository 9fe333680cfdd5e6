/**
 * The packaged app's Electron fuses (electron-builder.yml): every fuse of the V1 wire is set
 * explicitly, so a default never decides a security property, and each has the value the
 * security baseline wants (DESIGN.md).
 */
import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';

/**
 * Electron's V1 fuse wire (@electron/fuses FuseV1Options), as electron-builder names them.
 * A fuse Electron adds is a new entry here and in electron-builder.yml.
 */
const EXPECTED_FUSES = {
  runAsNode: false,
  enableCookieEncryption: true,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  loadBrowserProcessSpecificV8Snapshot: false,
  // Off: the pages come from app://openccp/ (main/shell/appProtocol.ts), not file://.
  grantFileProtocolExtraPrivileges: false,
};

describe('the Electron fuses of the packaged app', () => {
  it('sets every fuse explicitly to the baseline value, grantFileProtocolExtraPrivileges off', () => {
    const config = load(readFileSync('electron-builder.yml', 'utf8')) as {
      electronFuses?: Record<string, unknown>;
    };
    expect(config.electronFuses).toEqual(EXPECTED_FUSES);
  });
});

/**
 * readTextFile against what the OS does: it gives every file handle back, and it says "no
 * permission" for a file the OS will not let us read. Real files throughout; `open` is wrapped
 * only to see the handles it gives out (Node's FileHandle keeps `close` on each instance) and,
 * because the tests run as root here and root reads any file, to refuse an open as the OS would.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readTextFile } from './readTextFile';

const os = vi.hoisted(() => ({ refuseNextOpen: '', opened: [] as { closed: boolean }[] }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  const open = async (...args: Parameters<typeof actual.open>): Promise<FileHandle> => {
    const code = os.refuseNextOpen;
    if (code !== '') {
      os.refuseNextOpen = '';
      throw Object.assign(new Error(`${code}: refused, open '${String(args[0])}'`), { code });
    }
    const handle = await actual.open(...args);
    const record = { closed: false };
    os.opened.push(record);
    const close = handle.close.bind(handle);
    handle.close = async () => {
      record.closed = true;
      await close();
    };
    return handle;
  };
  return { ...actual, open };
});

describe('readTextFile and the OS', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'openccp-os-'));
    os.opened = [];
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('closes the file after reading it', async () => {
    const path = join(dir, 'profile.json');
    writeFileSync(path, '{}');
    expect(await readTextFile(path, 100)).toBe('{}');
    expect(os.opened).toEqual([{ closed: true }]);
  });

  it('closes the file after refusing it as too large', async () => {
    const path = join(dir, 'huge.json');
    writeFileSync(path, 'x'.repeat(500));
    await expect(readTextFile(path, 100)).rejects.toMatchObject({ kind: 'tooLarge' });
    expect(os.opened).toEqual([{ closed: true }]);
  });

  it.each(['EACCES', 'EPERM'])(
    'says there is no permission to read the file on %s',
    async (code) => {
      os.refuseNextOpen = code;
      await expect(readTextFile('/etc/openccp/policy.json', 100)).rejects.toMatchObject({
        kind: 'unreadable',
        message: 'No permission to read /etc/openccp/policy.json',
      });
    },
  );

  it('names any other refusal with the message the OS gave', async () => {
    os.refuseNextOpen = 'EIO';
    await expect(readTextFile('/etc/openccp/policy.json', 100)).rejects.toMatchObject({
      kind: 'unreadable',
      message:
        "Cannot read /etc/openccp/policy.json: EIO: refused, open '/etc/openccp/policy.json'",
    });
  });
});

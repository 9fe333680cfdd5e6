/** readTextFile: at most maxBytes, and every failure as a SourceError in words. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readTextFile } from './readTextFile';

describe('readTextFile', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'openccp-read-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  const failure = async (path: string, maxBytes = 100) => {
    try {
      await readTextFile(path, maxBytes);
    } catch (error) {
      return error as { kind: string; message: string };
    }
    throw new Error('expected a failure');
  };

  it('reads a file of exactly the limit, and refuses one byte more naming the path and the limit', async () => {
    const path = join(dir, 'profile.json');
    writeFileSync(path, 'x'.repeat(100));
    expect(await readTextFile(path, 100)).toBe('x'.repeat(100));
    writeFileSync(path, 'x'.repeat(101));
    expect(await failure(path)).toMatchObject({
      kind: 'tooLarge',
      message: `${path} is larger than the limit of 100 bytes`,
    });
  });

  it('says a missing file, or a path through a file, is not found', async () => {
    const file = join(dir, 'file');
    writeFileSync(file, '{}');
    for (const path of [join(dir, 'missing.json'), join(file, 'below.json')]) {
      expect(await failure(path)).toMatchObject({
        kind: 'notFound',
        message: `File not found: ${path}`,
      });
    }
  });

  it('says a folder is a folder', async () => {
    expect(await failure(dir)).toMatchObject({
      kind: 'unreadable',
      message: `${dir} is a folder, not a file`,
    });
  });

  it('passes on an unexpected error with the path and its message', async () => {
    expect(await failure('bad\0path')).toMatchObject({ kind: 'unreadable' });
    expect((await failure('bad\0path')).message).toMatch(/^Cannot read bad\0path: .+/);
  });
});

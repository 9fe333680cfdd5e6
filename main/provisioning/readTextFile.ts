/**
 * Reads a profile or policy file, never more than `maxBytes`: the path is typed by a person or
 * set by IT and could name a device or a huge file. Errors come back as SourceErrors that say
 * what is wrong with the file, not as Node error codes.
 */
import { open } from 'node:fs/promises';
import { decodeText } from './decodeText';
import { SourceError } from './SourceError';

export async function readTextFile(path: string, maxBytes: number): Promise<string> {
  let handle;
  try {
    handle = await open(path, 'r');
    const buffer = new Uint8Array(maxBytes + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > maxBytes) {
      throw new SourceError('tooLarge', `${path} is larger than the limit of ${maxBytes} bytes`);
    }
    return decodeText(buffer.subarray(0, length));
  } catch (error) {
    throw error instanceof SourceError ? error : fileError(path, error);
  } finally {
    await handle?.close();
  }
}

function fileError(path: string, error: unknown): SourceError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return new SourceError('notFound', `File not found: ${path}`);
    case 'EACCES':
    case 'EPERM':
      return new SourceError('unreadable', `No permission to read ${path}`);
    case 'EISDIR':
      return new SourceError('unreadable', `${path} is a folder, not a file`);
    default:
      return new SourceError(
        'unreadable',
        `Cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`,
      );
  }
}

import { describe, expect, it } from 'vitest';
import { headsetSourceFor } from './headsetSource';

describe('headsetSourceFor', () => {
  it('reads headsets with node-hid and sysfs on Linux, through WebHID on Windows and macOS, not at all elsewhere', () => {
    expect(headsetSourceFor('linux')).toBe('nodeHid');
    expect(headsetSourceFor('win32')).toBe('webHid');
    expect(headsetSourceFor('darwin')).toBe('webHid');
    expect(headsetSourceFor('freebsd')).toBe('none');
  });
});

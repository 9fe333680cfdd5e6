import { describe, expect, it } from 'vitest';
import { recordingFileName } from './recordingFileName';

describe('recordingFileName', () => {
  it('names the local time, the number and the contact, as a .webm file', () => {
    const name = recordingFileName(new Date(2026, 11, 1, 9, 5, 7), '+15551234567', 'ab12-cd34-ef');
    expect(name).toBe('2026-12-01 09-05-07 +15551234567 ab12cd34.webm');
  });

  it('drops what a file system reads as a path from a hostile caller number', () => {
    const name = recordingFileName(new Date(2026, 0, 2, 3, 4, 5), '../../etc/passwd\u202e', 'x');
    expect(name).toBe('2026-01-02 03-04-05 etcpasswd x.webm');
    expect(name).not.toContain('/');
  });

  it('says unknown when nothing of the number is left', () => {
    expect(recordingFileName(new Date(2026, 0, 1), '***', 'id')).toContain(' unknown ');
  });
});

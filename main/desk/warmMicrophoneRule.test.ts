import { describe, expect, it } from 'vitest';
import { warmMicrophoneWanted, type WarmMicrophoneFacts } from './warmMicrophoneRule';

const AVAILABLE: WarmMicrophoneFacts = {
  signedIn: true,
  available: true,
  calls: 0,
  deskPhone: false,
};

describe('warmMicrophoneWanted', () => {
  it('keeps the microphone open while the agent is Available with no call', () => {
    expect(warmMicrophoneWanted(AVAILABLE)).toBe(true);
  });

  it('keeps it open on a break while a call is still on the desk (after-call work)', () => {
    expect(warmMicrophoneWanted({ ...AVAILABLE, available: false, calls: 1 })).toBe(true);
  });

  it('lets it go on a break or Offline with no call', () => {
    expect(warmMicrophoneWanted({ ...AVAILABLE, available: false })).toBe(false);
  });

  it('lets it go when signed out, even with a status of Available left over', () => {
    expect(warmMicrophoneWanted({ ...AVAILABLE, signedIn: false, calls: 1 })).toBe(false);
  });

  it('lets it go in desk phone mode, where the agent talks on the desk phone', () => {
    expect(warmMicrophoneWanted({ ...AVAILABLE, deskPhone: true, calls: 1 })).toBe(false);
  });
});

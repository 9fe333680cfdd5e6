/** B4: no usable microphone refuses Available up front, with the reason, and nothing else. */
import { beforeEach, describe, expect, it } from 'vitest';
import { AVAILABLE, type AudioState } from '../../common/contract';
import type { AgentDesk } from './AgentDesk';
import { deskSteps, newDesk, type RecordingEngine } from './desk.testkit';

function audioWith(microphoneAccess: AudioState['microphoneAccess']): AudioState {
  const role = { deviceId: '', fallback: false, locked: false };
  return {
    devices: [],
    roles: { microphone: role, speaker: role, ringer: role },
    microphoneAccess,
    ringtone: 'classic',
    ringVolume: 0.8,
    language: 'system',
  };
}

describe('AgentDesk without a usable microphone', () => {
  let engine: RecordingEngine;
  let desk: AgentDesk;
  const { signedIn } = deskSteps(() => desk);

  beforeEach(() => {
    ({ engine, desk } = newDesk());
  });

  it('refuses Available with noMicrophone when the OS lists no microphone, and does not register', async () => {
    await signedIn();
    desk.setAudio(audioWith('none'));
    const sentBefore = engine.commands.length;
    expect(desk.setStatus(AVAILABLE)).toEqual({ ok: false, reason: 'noMicrophone' });
    expect(engine.commands.slice(sentBefore)).not.toContainEqual({ type: 'register' });
    expect(desk.snapshot().agent.statusId).not.toBe(AVAILABLE);
  });

  it('refuses Available with microphoneDenied when the OS denies access', async () => {
    await signedIn();
    desk.setAudio(audioWith('denied'));
    expect(desk.setStatus(AVAILABLE)).toEqual({ ok: false, reason: 'microphoneDenied' });
  });

  it('still allows Break while the microphone is missing', async () => {
    await signedIn();
    desk.setAudio(audioWith('none'));
    expect(desk.setStatus('break')).toEqual({ ok: true });
  });

  it('allows Available once a microphone is there, and before the engine has looked', async () => {
    await signedIn();
    desk.setAudio(audioWith('unknown'));
    expect(desk.setStatus(AVAILABLE)).toEqual({ ok: true });
    desk.setAudio(audioWith('granted'));
    expect(desk.snapshot().audio?.microphoneAccess).toBe('granted');
  });
});

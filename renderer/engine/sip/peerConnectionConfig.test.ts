import { describe, expect, it } from 'vitest';
import { peerConnectionConfig } from './peerConnectionConfig';

describe('peerConnectionConfig', () => {
  it('does not require BUNDLE from the far end, so relays and gateways without it can answer', () => {
    const config = peerConnectionConfig([]);
    expect(config.bundlePolicy).toBe('balanced');
    expect(config.rtcpMuxPolicy).toBe('require');
  });

  it('passes STUN and TURN servers through, with credentials only where given', () => {
    const config = peerConnectionConfig([
      { urls: 'stun:stun.example.net' },
      { urls: ['turn:turn.example.net'], username: 'agent', credential: 'secret' },
    ]);
    expect(config.iceServers).toEqual([
      { urls: 'stun:stun.example.net' },
      { urls: ['turn:turn.example.net'], username: 'agent', credential: 'secret' },
    ]);
  });
});

/** The one reason the agent sees for a failed sign-in, from what the engine reported. */
import { describe, expect, it } from 'vitest';
import { signInErrorFromRegistration, signInErrorFromTransport } from './signInErrors';
import { sameAccount } from './signInMemory';

const failed = (statusCode?: number, cause?: string) => ({
  type: 'registration' as const,
  state: 'failed' as const,
  ...(statusCode !== undefined ? { statusCode } : {}),
  ...(cause !== undefined ? { cause } : {}),
});

describe('signInErrorFromRegistration', () => {
  it.each([401, 403, 407])('sends the agent to the password on a bare %i', (code) => {
    expect(signInErrorFromRegistration(failed(code))).toEqual({
      code: 'badCredentials',
      field: 'password',
      detail: String(code),
    });
  });

  it("sends the agent to the password on JsSIP's Authentication Error without a code", () => {
    expect(signInErrorFromRegistration(failed(undefined, 'Authentication Error'))).toEqual({
      code: 'badCredentials',
      field: 'password',
      detail: 'Authentication Error',
    });
  });

  it.each(['Connection Error', 'Request Timeout'])(
    'sends the agent to the server address on %s',
    (cause) => {
      expect(signInErrorFromRegistration(failed(408, cause))).toEqual({
        code: 'serverUnreachable',
        field: 'serverUrl',
        detail: `408 ${cause}`,
      });
    },
  );

  it('calls any other refusal rejected, pointing at no field, with the code and the reason', () => {
    expect(signInErrorFromRegistration(failed(404, 'Not Found'))).toEqual({
      code: 'rejected',
      detail: '404 Not Found',
    });
    expect(signInErrorFromRegistration(failed(503))).toEqual({ code: 'rejected', detail: '503' });
    expect(signInErrorFromRegistration(failed())).toEqual({ code: 'rejected', detail: '' });
  });
});

describe('signInErrorFromTransport', () => {
  it('is an unreachable server, with the socket error or "WebSocket closed"', () => {
    expect(signInErrorFromTransport('WebSocket error 1006')).toEqual({
      code: 'serverUnreachable',
      field: 'serverUrl',
      detail: 'WebSocket error 1006',
    });
    expect(signInErrorFromTransport(undefined)).toEqual({
      code: 'serverUnreachable',
      field: 'serverUrl',
      detail: 'WebSocket closed',
    });
  });
});

describe('sameAccount', () => {
  const form = {
    serverUrl: 'wss://sip.example.com',
    sipUri: 'sip:agent1@example.com',
    authUser: 'agent1',
    displayName: 'Agent One',
  };

  it('is the same server, address and user, whatever the display name', () => {
    expect(sameAccount(form, { ...form, displayName: 'Someone else' })).toBe(true);
  });

  it.each(['serverUrl', 'sipUri', 'authUser'] as const)('differs when %s differs', (field) => {
    expect(sameAccount(form, { ...form, [field]: 'other' })).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import {
  Contact,
  EngineCommand,
  EngineEvent,
  ServerUrl,
  SignInRequest,
  SipUri,
  uiInvokeChannels,
} from '.';

const firstMessage = (result: {
  success: boolean;
  error?: { issues: Array<{ message: string }> };
}) => result.error?.issues[0]?.message;

describe('contract schemas', () => {
  it('accepts wss:// anywhere and ws:// only on loopback', () => {
    expect(ServerUrl.safeParse('wss://sip.example.com:7443/ws').success).toBe(true);
    expect(ServerUrl.safeParse('ws://127.0.0.1:8080').success).toBe(true);
    expect(ServerUrl.safeParse('ws://localhost:8080').success).toBe(true);
    expect(ServerUrl.safeParse('ws://[::1]:8080').success).toBe(true);
    expect(firstMessage(ServerUrl.safeParse('ws://sip.example.com'))).toBe('server.insecureRemote');
    expect(firstMessage(ServerUrl.safeParse('https://sip.example.com'))).toBe(
      'server.notWebSocket',
    );
    expect(firstMessage(ServerUrl.safeParse('sip example'))).toBe('server.invalidUrl');
    expect(firstMessage(ServerUrl.safeParse('  '))).toBe('server.required');
  });

  it('requires a SIP URI with a user', () => {
    expect(SipUri.safeParse('sip:agent1@openccp.test').success).toBe(true);
    expect(SipUri.safeParse('sips:agent1@pbx.example.com:5061').success).toBe(true);
    expect(firstMessage(SipUri.safeParse('agent1@openccp.test'))).toBe('sipUri.invalid');
    expect(firstMessage(SipUri.safeParse('sip:openccp.test'))).toBe('sipUri.invalid');
  });

  it('fills sign-in defaults and trims', () => {
    const parsed = SignInRequest.parse({
      serverUrl: ' wss://a.example ',
      sipUri: 'sip:a@b.c',
      password: 'x',
    });
    expect(parsed).toEqual({
      serverUrl: 'wss://a.example',
      sipUri: 'sip:a@b.c',
      authUser: '',
      password: 'x',
      displayName: '',
    });
  });

  it('rejects engine events and commands that are not in the contract', () => {
    expect(
      EngineEvent.safeParse({
        type: 'incoming',
        callId: 'c',
        from: { user: 'u', uri: 'sip:u@x', displayName: 'x'.repeat(300) },
      }).success,
    ).toBe(false);
    expect(EngineEvent.safeParse({ type: 'eval', code: 'alert(1)' }).success).toBe(false);
    expect(EngineCommand.safeParse({ type: 'reject', callId: 'c', status: 200 }).success).toBe(
      false,
    );
    expect(EngineCommand.safeParse({ type: 'reject', callId: 'c', status: 480 }).success).toBe(
      true,
    );
  });

  it("carries a media error of at most 256 characters on an 'ended' event", () => {
    const ended = {
      type: 'ended',
      callId: 'c',
      originator: 'remote',
      cause: 'Bad Media Description',
      failed: true,
    };
    const error = 'OperationError: Failed to set remote answer sdp: no BUNDLE group';
    expect(EngineEvent.parse({ ...ended, mediaError: error })).toMatchObject({ mediaError: error });
    expect(EngineEvent.safeParse({ ...ended, mediaError: 'x'.repeat(257) }).success).toBe(false);
    expect(EngineEvent.safeParse({ ...ended, mediaError: 42 }).success).toBe(false);
  });

  it('accepts only the listed end codes on a contact', () => {
    const contact = {
      id: 'c',
      channel: 'voice',
      direction: 'outbound',
      state: 'failed',
      peer: { number: '100', displayName: '' },
      createdAt: 1,
      stateSince: 1,
      hold: 'none',
      muted: false,
      details: { notes: '' },
    };
    expect(Contact.safeParse({ ...contact, endCode: 'mediaFailed' }).success).toBe(true);
    expect(Contact.safeParse({ ...contact, endCode: 'unreachable' }).success).toBe(true);
    expect(Contact.safeParse({ ...contact, endCode: 'The call failed' }).success).toBe(false);
  });

  it('refuses UI intent payloads of the wrong shape; extra keys only where none are expected', () => {
    expect(uiInvokeChannels['ui:get-state'].request.safeParse({ extra: 1 }).success).toBe(false);
    expect(uiInvokeChannels['ui:dial'].request.safeParse({ target: '' }).success).toBe(false);
    expect(uiInvokeChannels['ui:accept'].request.safeParse({ contactId: 42 }).success).toBe(false);
    // Intents with fields are not strict: an unknown key is dropped, never passed on.
    expect(uiInvokeChannels['ui:dial'].request.parse({ target: '5', extra: 1 })).toEqual({
      target: '5',
    });
  });
});

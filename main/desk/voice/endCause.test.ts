import type { EngineEndedEvent } from '../../../common/contract';
import { describe, expect, it } from 'vitest';
import { endCodeOf, endReasonOf } from './endCause';

const ended = (overrides: Partial<EngineEndedEvent>): EngineEndedEvent => ({
  type: 'ended',
  callId: 'c1',
  originator: 'remote',
  cause: 'SIP Failure Code',
  failed: true,
  ...overrides,
});

const NO_BUNDLE = 'InvalidAccessError: Failed to set remote answer sdp: no BUNDLE group';

describe('endCodeOf: failure responses', () => {
  it.each([
    [486, 'busy'],
    [600, 'busy'],
    [408, 'noAnswer'],
    [480, 'noAnswer'],
    [404, 'notFound'],
    [410, 'notFound'],
    [484, 'notFound'],
    [604, 'notFound'],
    [603, 'rejected'],
    [403, 'forbidden'],
    [502, 'unreachable'],
    [503, 'unreachable'],
    [504, 'unreachable'],
    [488, 'mediaFailed'],
    [606, 'mediaFailed'],
  ] as const)('reads %i as %s', (statusCode, code) => {
    expect(endCodeOf(ended({ statusCode }))).toBe(code);
  });

  it('gives no code for a response it has no plain words for (500, 487)', () => {
    expect(endCodeOf(ended({ statusCode: 500, cause: 'SIP Failure Code' }))).toBeUndefined();
    expect(endCodeOf(ended({ statusCode: 487, cause: 'Canceled' }))).toBeUndefined();
  });

  it('lets the response win over a media error left from early media', () => {
    expect(endCodeOf(ended({ statusCode: 486, cause: 'Busy', mediaError: NO_BUNDLE }))).toBe(
      'busy',
    );
  });
});

describe('endCodeOf: causes without a response', () => {
  it.each([
    ['WebRTC Error', 'mediaFailed'],
    ['Bad Media Description', 'mediaFailed'],
    ['Incompatible SDP', 'mediaFailed'],
    ['Missing SDP', 'mediaFailed'],
    ['RTP Timeout', 'mediaFailed'],
    ['User Denied Media Access', 'microphoneUnavailable'],
    ['Microphone Unavailable', 'microphoneUnavailable'],
    ['Connection Error', 'unreachable'],
    ['Request Timeout', 'unreachable'],
    ['Authentication Error', 'forbidden'],
  ] as const)('reads the cause %s as %s', (cause, code) => {
    expect(endCodeOf(ended({ cause }))).toBe(code);
  });

  it('reads Bad Media Description on the 200 OK the engine may still pass as mediaFailed', () => {
    expect(endCodeOf(ended({ cause: 'Bad Media Description', statusCode: 200 }))).toBe(
      'mediaFailed',
    );
  });

  it('gives no code to an ordinary hang-up or cancel', () => {
    expect(endCodeOf(ended({ cause: 'Terminated', failed: false }))).toBeUndefined();
    expect(endCodeOf(ended({ cause: 'Canceled', originator: 'local' }))).toBeUndefined();
  });
});

describe('endCodeOf: the engine media error', () => {
  it('makes any other failing end a media failure', () => {
    expect(endCodeOf(ended({ cause: 'Internal Error', mediaError: NO_BUNDLE }))).toBe(
      'mediaFailed',
    );
    expect(endCodeOf(ended({ cause: 'SIP Failure Code', statusCode: 500, mediaError: 'x' }))).toBe(
      'mediaFailed',
    );
  });

  it('does not turn an ordinary hang-up into a media failure', () => {
    expect(
      endCodeOf(ended({ cause: 'Terminated', failed: false, mediaError: NO_BUNDLE })),
    ).toBeUndefined();
    expect(endCodeOf(ended({ cause: 'Canceled', mediaError: NO_BUNDLE }))).toBeUndefined();
  });
});

describe('endReasonOf', () => {
  it('puts a failure status before the cause', () => {
    expect(endReasonOf(ended({ statusCode: 486, cause: 'Busy' }))).toBe('486 Busy');
  });

  it('never pairs a 2xx (or 1xx) status with the failure', () => {
    expect(endReasonOf(ended({ statusCode: 200, cause: 'Bad Media Description' }))).toBe(
      'Bad Media Description',
    );
    expect(endReasonOf(ended({ statusCode: 183, cause: 'WebRTC Error' }))).toBe('WebRTC Error');
  });

  it('adds the media error that explains the failure', () => {
    expect(endReasonOf(ended({ cause: 'Bad Media Description', mediaError: NO_BUNDLE }))).toBe(
      `Bad Media Description (${NO_BUNDLE})`,
    );
  });

  it('leaves out a media error that does not explain an ordinary hang-up', () => {
    expect(endReasonOf(ended({ cause: 'Terminated', failed: false, mediaError: NO_BUNDLE }))).toBe(
      'Terminated',
    );
  });

  it('stays within the 256 characters the contract allows', () => {
    const reason = endReasonOf(
      ended({ statusCode: 488, cause: 'Incompatible SDP', mediaError: 'x'.repeat(256) }),
    );
    expect(reason).toHaveLength(256);
    expect(reason.startsWith('488 Incompatible SDP (x')).toBe(true);
  });
});

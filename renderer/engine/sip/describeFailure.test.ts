import { describe, expect, it } from 'vitest';
import { failureStatusOf, mediaErrorText, statusCodeOf } from './describeFailure';

describe('failureStatusOf', () => {
  it('gives the status of a failure response from 300 up', () => {
    expect(failureStatusOf({ status_code: 486 })).toBe(486);
    expect(failureStatusOf({ status_code: 300 })).toBe(300);
    expect(failureStatusOf({ status_code: 606 })).toBe(606);
  });

  it('drops the 200 OK whose SDP could not be applied, and provisional responses', () => {
    expect(statusCodeOf({ status_code: 200 })).toBe(200);
    expect(failureStatusOf({ status_code: 200 })).toBeUndefined();
    expect(failureStatusOf({ status_code: 183 })).toBeUndefined();
  });

  it('gives nothing for a message without a numeric status (a request, a text, null)', () => {
    expect(failureStatusOf({ method: 'BYE' })).toBeUndefined();
    expect(failureStatusOf({ status_code: '486' })).toBeUndefined();
    expect(failureStatusOf('Internal Error')).toBeUndefined();
    expect(failureStatusOf(null)).toBeUndefined();
  });
});

describe('mediaErrorText', () => {
  it("names the error and keeps Chromium's message", () => {
    const error = new DOMException(
      'Failed to set remote answer sdp: Session error code: ERROR_CONTENT.',
      'OperationError',
    );
    expect(mediaErrorText(error)).toBe(
      'OperationError: Failed to set remote answer sdp: Session error code: ERROR_CONTENT.',
    );
  });

  it('gives the name alone when the error has no message', () => {
    expect(mediaErrorText(new DOMException('', 'NotAllowedError'))).toBe('NotAllowedError');
  });

  it('bounds a long message to 256 characters and reads a non-error as text', () => {
    expect(mediaErrorText(new Error('x'.repeat(1000)))).toHaveLength(256);
    expect(mediaErrorText('no device')).toBe('no device');
  });
});

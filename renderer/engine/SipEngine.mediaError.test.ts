/**
 * How a call's end reaches main: the media error JsSIP reports around a failure rides on the
 * 'ended' event, and a 200 OK whose SDP could not be applied is never reported as the status.
 * Driven through the session's JsSIP event handlers, the way JsSIP calls them.
 */
import type { EndEvent, RTCSessionEventMap } from 'jssip/lib/RTCSession';
import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../common/contract';
import { EngineCall } from './sip/EngineCall';
import { sessionHandlers } from './sip/sessionEvents';
import { SipEngine } from './SipEngine';

const NO_BUNDLE = new DOMException(
  'Failed to set remote answer sdp: The BUNDLE group is missing',
  'InvalidAccessError',
);

function engineWithCall() {
  const reports: EngineEvent[] = [];
  const engine = new SipEngine((event) => reports.push(event), {
    getUserMedia: () => Promise.reject(new Error('no microphone in unit tests')),
  });
  const call = new EngineCall('call-1');
  const on = sessionHandlers(call, call.current, engine) as Required<
    Pick<
      RTCSessionEventMap,
      | 'ended'
      | 'failed'
      | 'peerconnection:createofferfailed'
      | 'peerconnection:setremotedescriptionfailed'
      | 'getusermediafailed'
    >
  >;
  return { reports, on };
}

const end = (originator: string, cause: string, message: unknown = null) =>
  ({ originator, cause, message }) as unknown as EndEvent;

/** Lets the engine's deferred report run. */
const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("SipEngine 'ended' reports", () => {
  it('carries the SDP error JsSIP emits just after failing on a 200 OK, without the 200', async () => {
    const { reports, on } = engineWithCall();
    // JsSIP's order for a 2xx answer it cannot apply: 'failed' first, then the error.
    on.failed(end('remote', 'Bad Media Description', { status_code: 200 }));
    on['peerconnection:setremotedescriptionfailed'](NO_BUNDLE);
    await settled();
    expect(reports).toEqual([
      {
        type: 'ended',
        callId: 'call-1',
        originator: 'remote',
        cause: 'Bad Media Description',
        failed: true,
        mediaError:
          'InvalidAccessError: Failed to set remote answer sdp: The BUNDLE group is missing',
      },
    ]);
  });

  it('carries an error that came before the failure, and keeps a real failure status', async () => {
    const { reports, on } = engineWithCall();
    on['peerconnection:createofferfailed'](new DOMException('no codec', 'OperationError'));
    on.failed(end('remote', 'Incompatible SDP', { status_code: 488 }));
    await settled();
    expect(reports).toEqual([
      expect.objectContaining({
        cause: 'Incompatible SDP',
        statusCode: 488,
        mediaError: 'OperationError: no codec',
      }),
    ]);
  });

  it('reports the last of several media errors', async () => {
    const { reports, on } = engineWithCall();
    on['peerconnection:setremotedescriptionfailed'](new Error('first'));
    on.getusermediafailed(new DOMException('Permission denied', 'NotAllowedError'));
    on.failed(end('local', 'User Denied Media Access'));
    await settled();
    expect(reports).toEqual([
      expect.objectContaining({ mediaError: 'NotAllowedError: Permission denied' }),
    ]);
  });

  it('reports a plain hang-up with neither a media error nor a status', async () => {
    const { reports, on } = engineWithCall();
    on.ended(end('remote', 'Terminated', { method: 'BYE' }));
    await settled();
    expect(reports).toEqual([
      {
        type: 'ended',
        callId: 'call-1',
        originator: 'remote',
        cause: 'Terminated',
        failed: false,
      },
    ]);
  });

  it('reports a call once, however many of its end events JsSIP emits', async () => {
    const { reports, on } = engineWithCall();
    on.failed(end('remote', 'Busy', { status_code: 486 }));
    on.ended(end('remote', 'Terminated'));
    await settled();
    expect(reports).toEqual([expect.objectContaining({ cause: 'Busy', statusCode: 486 })]);
  });
});

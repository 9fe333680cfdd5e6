/**
 * How a call's end reaches main: the media error JsSIP reports around a failure rides on the
 * 'ended' event, and a 200 OK whose SDP could not be applied is never reported as the status.
 * Driven through the session's JsSIP event handlers, the way JsSIP calls them.
 */
import type { EndEvent, RTCSessionEventMap } from 'jssip/lib/RTCSession';
import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../../common/contract';
import { ConferenceMixer } from '../audio/ConferenceMixer';
import { ListenIns } from '../monitoring/ListenIns';
import { EngineRecordings } from '../recording/EngineRecordings';
import { CallLifecycle } from './CallLifecycle';
import { EngineCall } from './EngineCall';
import { sessionHandlers } from './sessionEvents';

const NO_BUNDLE = new DOMException(
  'Failed to set remote answer sdp: The BUNDLE group is missing',
  'InvalidAccessError',
);

function engineWithCall() {
  const reports: EngineEvent[] = [];
  const report = (event: EngineEvent) => reports.push(event);
  const call = new EngineCall('call-1');
  const lifecycle = new CallLifecycle({
    calls: new Map([[call.id, call]]),
    report,
    ringer: { stop: () => undefined },
    mixer: new ConferenceMixer(),
    recordings: new EngineRecordings(report, () => undefined),
    listenIns: new ListenIns(
      report,
      () => undefined,
      () => ({}),
    ),
    transfers: () => {
      throw new Error('no transfer in these tests');
    },
    account: () => undefined,
    commandError: (command, error) => {
      throw new Error(`${command}: ${String(error)}`);
    },
  });
  const on = sessionHandlers(call, call.current, lifecycle) as Required<
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

describe("CallLifecycle 'ended' reports", () => {
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

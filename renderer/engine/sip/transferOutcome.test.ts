import { describe, expect, it } from 'vitest';
import { referEventHandlers, type TransferOutcome } from './transferOutcome';

describe('referEventHandlers', () => {
  it('reports accepted on a 2xx NOTIFY, once', () => {
    const outcomes: TransferOutcome[] = [];
    const handlers = referEventHandlers((outcome) => outcomes.push(outcome));
    handlers.accepted();
    handlers.failed({ status_line: { status_code: 500, reason_phrase: 'Late' } });
    expect(outcomes).toEqual([{ outcome: 'accepted' }]);
  });

  it('reports a refused REFER with its status', () => {
    const outcomes: TransferOutcome[] = [];
    referEventHandlers((outcome) => outcomes.push(outcome)).requestFailed({
      response: { status_code: 603, reason_phrase: 'Decline' },
      cause: 'Rejected',
    });
    expect(outcomes).toEqual([{ outcome: 'failed', cause: 'Decline', statusCode: 603 }]);
  });

  it('reports a failed NOTIFY sipfrag, or the cause when no response came', () => {
    const outcomes: TransferOutcome[] = [];
    referEventHandlers((outcome) => outcomes.push(outcome)).failed({
      status_line: { status_code: 486, reason_phrase: 'Busy Here' },
    });
    referEventHandlers((outcome) => outcomes.push(outcome)).requestFailed({
      response: null,
      cause: 'Request Timeout',
    });
    expect(outcomes).toEqual([
      { outcome: 'failed', cause: 'Busy Here', statusCode: 486 },
      { outcome: 'failed', cause: 'Request Timeout' },
    ]);
  });
});

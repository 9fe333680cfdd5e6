/** EnginePage on its own: lost or up, the offer gate it was told, the dialogs a new page must end. */
import { beforeEach, describe, expect, it } from 'vitest';
import type { SipDialog } from '../../common/contract';
import { RecordingEngine, RecordingLogger } from './desk.testkit';
import { EnginePage } from './EnginePage';

const DIALOG: SipDialog = {
  callId: 'sip-call-id-1',
  localTag: 'a',
  remoteTag: 'b',
  localUri: 'sip:agent1@example.com',
  remoteUri: 'sip:100@example.com',
  remoteTarget: 'sip:100@192.0.2.1:5060',
  localSeq: 2,
  routeSet: [],
};

describe('EnginePage', () => {
  let engine: RecordingEngine;
  let logger: RecordingLogger;
  let page: EnginePage;

  beforeEach(() => {
    engine = new RecordingEngine();
    logger = new RecordingLogger();
    page = new EnginePage(engine, logger);
  });

  it('is up from the start: the first loss counts, a second report of it does not', () => {
    expect(page.markLost()).toBe(true);
    expect(page.markLost()).toBe(false);
    page.loaded();
    expect(page.markLost()).toBe(true);
  });

  it('sends the offer gate only when it changes, and again to a page that just loaded', () => {
    page.syncOfferGate(true);
    page.syncOfferGate(true);
    page.syncOfferGate(false);
    page.loaded();
    page.syncOfferGate(false);
    expect(engine.offerGates).toEqual([true, false, false]);
  });

  it('has a new page end the dialogs the old one left, once, and logs how many', () => {
    page.observe({ type: 'dialog', callId: 'call-1', dialog: DIALOG });
    page.observe({ type: 'dialog', callId: 'call-2', dialog: { ...DIALOG, callId: 'sip-2' } });
    page.observe({
      type: 'ended',
      callId: 'call-2',
      originator: 'remote',
      cause: 'Terminated',
      failed: false,
    });
    page.releaseOrphans();
    page.releaseOrphans();
    expect(engine.commands).toEqual([{ type: 'release-dialogs', dialogs: [DIALOG] }]);
    expect(logger.named('releasing dialogs of the previous engine')).toEqual([
      {
        level: 'info',
        message: 'releasing dialogs of the previous engine',
        data: { count: 1 },
      },
    ]);
  });

  it('logs the offers the engine refused behind a closed gate, with their count and last caller', () => {
    page.observe({ type: 'offers-refused', count: 12, lastFrom: 'sip:flood@example.net' });
    expect(logger.named('offers refused by the engine: agent not routable')).toEqual([
      {
        level: 'info',
        message: 'offers refused by the engine: agent not routable',
        data: { count: 12, lastFrom: 'sip:flood@example.net' },
      },
    ]);
  });
});

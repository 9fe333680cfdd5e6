/** ContactBook on its own: moves through the contact table, its timers, its ends and history. */
import { beforeEach, describe, expect, it } from 'vitest';
import { IllegalTransitionError } from '../../../common/fsm/IllegalTransitionError';
import { MemoryHistory, RecordingLogger } from '../desk.testkit';
import { FakeClock } from '../FakeClock.testkit';
import { HistoryRecorder } from '../HistoryRecorder';
import { DEFAULT_OFFER_HEADER_NAMES } from '../voice/offerHeaders';
import { dialledCall, offeredCall } from '../voice/voiceContact';
import { ContactBook } from './ContactBook';
import type { DeskContact } from './DeskContact';
import { OfferTimer } from './OfferTimer';

const ACW_MS = 30_000;

describe('ContactBook', () => {
  let clock: FakeClock;
  let history: MemoryHistory;
  let logger: RecordingLogger;
  let acwTimeoutMs: number;
  let leftConnected: string[];
  let acwExpired: string[];
  let book: ContactBook;

  beforeEach(() => {
    clock = new FakeClock();
    history = new MemoryHistory();
    logger = new RecordingLogger();
    acwTimeoutMs = ACW_MS;
    leftConnected = [];
    acwExpired = [];
    book = new ContactBook(clock, logger, new HistoryRecorder(history, logger), {
      acwTimeoutMs: () => acwTimeoutMs,
      leftConnected: (contact) => void leftConnected.push(contact.id),
      acwExpired: (contact) => void acwExpired.push(contact.id),
    });
  });

  const offered = (id = 'call-1'): DeskContact => {
    const contact = offeredCall(
      {
        type: 'incoming',
        callId: id,
        from: { user: '100', uri: 'sip:100@x', displayName: '' },
        headers: {},
      },
      DEFAULT_OFFER_HEADER_NAMES,
      clock.now(),
    );
    book.add(contact);
    return contact;
  };

  const dialled = (id = 'call-2'): DeskContact => {
    const contact = dialledCall(id, { number: '200', displayName: '' }, clock.now());
    book.add(contact);
    return contact;
  };

  /** A call the agent took, now in ACW, ended by the agent. */
  const inAcw = (): DeskContact => {
    const contact = offered();
    book.move(contact, 'accept');
    book.move(contact, 'confirmed');
    book.move(contact, 'end', { endedBy: 'agent', endCode: 'agentEnded' });
    return contact;
  };

  it('counts the contacts it holds', () => {
    offered('a');
    dialled('b');
    expect(book.size).toBe(2);
  });

  describe('check', () => {
    it('throws for an event the contact table does not allow now, and changes nothing', () => {
      const contact = offered();
      expect(() => book.check(contact, 'clear')).toThrow(IllegalTransitionError);
      expect(contact.state).toBe('incoming');
      expect(() => book.check(contact, 'accept')).not.toThrow();
    });
  });

  describe('leaving the offer', () => {
    it('cancels the ring timer and drops the ring deadline when the offer is accepted', () => {
      const contact = offered();
      let expired = 0;
      contact.offerTimer = new OfferTimer(clock, 20_000, () => void (expired += 1));
      contact.ringDeadline = contact.offerTimer.deadline;
      book.move(contact, 'accept');
      clock.advance(60_000);
      expect(expired).toBe(0);
      expect(contact).not.toHaveProperty('ringDeadline');
    });

    it('moves an offer that has no ring timer', () => {
      const contact = offered();
      expect(() => book.move(contact, 'accept')).not.toThrow();
      expect(contact.state).toBe('accepting');
    });

    it('removes a rejected offer and writes it to the history as rejected', () => {
      const contact = offered();
      book.move(contact, 'reject');
      expect(book.get(contact.id)).toBeUndefined();
      expect(history.records).toMatchObject([{ contactId: contact.id, outcome: 'rejected' }]);
    });
  });

  describe('ending', () => {
    it('tells the channel only when the contact leaves connected', () => {
      const contact = offered();
      book.move(contact, 'accept');
      book.move(contact, 'end', { endedBy: 'agent' });
      expect(leftConnected).toEqual([]);
      const call = dialled();
      book.move(call, 'confirmed');
      book.move(call, 'remoteEnded', { endedBy: 'customer' });
      expect(leftConnected).toEqual([call.id]);
    });

    it('stamps the end time only when the contact ends', () => {
      const contact = dialled();
      clock.advance(3_000);
      book.move(contact, 'confirmed');
      expect(contact).toMatchObject({ connectedAt: clock.now(), stateSince: clock.now() });
      expect(contact.endedAt).toBeUndefined();
      clock.advance(5_000);
      book.move(contact, 'end', { endedBy: 'agent' });
      expect(contact.endedAt).toBe(clock.now());
    });

    it('keeps the first end: a later report in ACW changes neither who ended it nor why, nor when', () => {
      const contact = inAcw();
      const endedAt = contact.endedAt;
      clock.advance(5_000);
      book.move(contact, 'remoteEnded', {
        endedBy: 'customer',
        endCode: 'unreachable',
        endReason: 'Service Unavailable',
      });
      expect(contact).toMatchObject({
        state: 'acw',
        endedBy: 'agent',
        endCode: 'agentEnded',
        endedAt,
        stateSince: endedAt,
      });
      expect(contact.endReason).toBeUndefined();
    });

    it('records a SIP text without a code, and a code without a text, leaving the other absent', () => {
      const failed = dialled('a');
      book.move(failed, 'failed', { endedBy: 'system', endReason: 'Not Acceptable Here' });
      expect(failed).toMatchObject({ state: 'failed', endReason: 'Not Acceptable Here' });
      expect(Object.keys(failed)).not.toContain('endCode');
      const ended = dialled('b');
      book.move(ended, 'end', { endedBy: 'agent', endCode: 'agentEnded' });
      expect(Object.keys(ended)).not.toContain('endReason');
    });
  });

  describe('the ACW timeout', () => {
    it('starts with ACW, says when it ends, and clears through the desk when it runs out', () => {
      const contact = inAcw();
      expect(contact.acwDeadline).toBe(clock.now() + ACW_MS);
      clock.advance(ACW_MS - 1);
      expect(acwExpired).toEqual([]);
      clock.advance(1);
      expect(acwExpired).toEqual([contact.id]);
      expect(logger.named('acw timed out')).toEqual([
        { level: 'info', message: 'acw timed out', data: { contactId: contact.id } },
      ]);
    });

    it('keeps running, once, through a late report while in ACW', () => {
      const contact = inAcw();
      const deadline = contact.acwDeadline;
      clock.advance(10_000);
      book.move(contact, 'remoteEnded', { endedBy: 'customer' });
      expect(contact.acwDeadline).toBe(deadline);
      expect(clock.pendingTimers()).toBe(1);
      clock.advance(ACW_MS);
      expect(acwExpired).toEqual([contact.id]);
    });

    it('is cancelled by Clear', () => {
      const contact = inAcw();
      book.move(contact, 'clear');
      expect(clock.pendingTimers()).toBe(0);
    });

    it('does not start when the profile has no ACW timeout', () => {
      acwTimeoutMs = 0;
      const contact = inAcw();
      expect(contact.acwDeadline).toBeUndefined();
      expect(clock.pendingTimers()).toBe(0);
    });
  });

  describe('restore', () => {
    it('takes back a contact in ACW with a fresh ACW timeout', () => {
      const contact = dialledCall('restored', { number: '300', displayName: '' }, clock.now());
      contact.state = 'acw';
      book.restore(contact);
      expect(book.get('restored')).toBe(contact);
      expect(contact.acwDeadline).toBe(clock.now() + ACW_MS);
      clock.advance(ACW_MS);
      expect(acwExpired).toEqual(['restored']);
    });

    it('takes back a contact without a timer when the profile has no ACW timeout', () => {
      acwTimeoutMs = 0;
      const contact = dialledCall('restored', { number: '300', displayName: '' }, clock.now());
      contact.state = 'acw';
      book.restore(contact);
      expect(clock.pendingTimers()).toBe(0);
    });

    it('refuses a contact that is not in ACW, naming it', () => {
      const contact = dialledCall('live', { number: '300', displayName: '' }, clock.now());
      expect(() => book.restore(contact)).toThrow('restore: contact live is not in ACW');
      expect(book.size).toBe(0);
    });
  });

  describe('removeAll (sign-out)', () => {
    it('clears every contact, cancels its timers and writes each to the history as cleared from where it was', () => {
      const acw = inAcw();
      const missed = offered('missed-1');
      book.move(missed, 'ringTimeout', { endedBy: 'system', endCode: 'ringTimeout' });
      book.removeAll();
      expect(book.size).toBe(0);
      expect(clock.pendingTimers()).toBe(0);
      expect(history.records).toMatchObject([
        { contactId: acw.id, outcome: 'handled', acwMs: 0 },
        { contactId: 'missed-1', outcome: 'missed' },
      ]);
    });
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  HoldNegotiator,
  type HoldPort,
  type HoldReport,
  type HoldTimers,
  MAX_GLARE_RETRIES,
  MAX_NOT_READY_WAITS,
  NOT_READY_RETRY_MS,
} from './HoldNegotiator';
import { IllegalTransitionError } from '../../../common/fsm/IllegalTransitionError';
import type { ReinviteOutcome } from './jssipInternals';

/** A dialog whose re-INVITEs the test answers one by one. */
class FakeDialog implements HoldPort {
  ready = true;
  owner = false;
  media = false;
  readonly applied: boolean[] = [];
  readonly offers: { held: boolean; answer: (outcome: ReinviteOutcome) => void }[] = [];
  withdrawals = 0;
  /** Set by a test to hold the next withdrawal open, or make it fail. */
  withdrawal: Promise<void> = Promise.resolve();

  isReadyToReOffer(): boolean {
    return this.ready;
  }
  applyLocally(held: boolean): void {
    this.media = held;
    this.applied.push(held);
  }
  reinvite(): Promise<ReinviteOutcome> {
    return new Promise((answer) => this.offers.push({ held: this.media, answer }));
  }
  withdraw(): Promise<void> {
    this.withdrawals += 1;
    return this.withdrawal;
  }
  ownsCallId(): boolean {
    return this.owner;
  }
  /** Answers the oldest unanswered offer. */
  async answer(outcome: ReinviteOutcome): Promise<void> {
    const offer = this.offers.find((o) => !('done' in o));
    if (!offer) throw new Error('no offer in flight');
    Object.assign(offer, { done: true });
    offer.answer(outcome);
    await settle();
  }
  inFlight(): number {
    return this.offers.filter((o) => !('done' in o)).length;
  }
}

class FakeTimers implements HoldTimers {
  readonly pending: { callback: () => void; ms: number }[] = [];
  randomValue = 0.5;
  setTimeout(callback: () => void, ms: number): unknown {
    const timer = { callback, ms };
    this.pending.push(timer);
    return timer;
  }
  clearTimeout(handle: unknown): void {
    const index = this.pending.indexOf(handle as (typeof this.pending)[number]);
    if (index >= 0) this.pending.splice(index, 1);
  }
  random(): number {
    return this.randomValue;
  }
  async fire(): Promise<number> {
    const timer = this.pending.shift();
    if (!timer) throw new Error('no timer pending');
    timer.callback();
    await settle();
    return timer.ms;
  }
}

const settle = () => new Promise<void>((resolve) => setImmediate(resolve));
const ok: ReinviteOutcome = { ok: true };
const glare: ReinviteOutcome = { ok: false, statusCode: 491, cause: 'Request Pending' };

function setUp() {
  const dialog = new FakeDialog();
  const timers = new FakeTimers();
  const reports: HoldReport[] = [];
  const negotiator = new HoldNegotiator(dialog, (event) => reports.push(event), timers);
  return { dialog, timers, reports, negotiator };
}

describe('HoldNegotiator', () => {
  it('holds with one re-INVITE carrying held media and reports it once answered', async () => {
    const { dialog, reports, negotiator } = setUp();
    negotiator.request(true);
    expect(dialog.offers.map((o) => o.held)).toEqual([true]);
    expect(reports).toEqual([]);
    await dialog.answer(ok);
    expect(reports).toEqual([{ type: 'hold', held: true }]);
    expect(negotiator.held).toBe(true);
  });

  it('keeps one re-INVITE in flight and sends the latest wanted state after it', async () => {
    const { dialog, reports, negotiator } = setUp();
    negotiator.request(true);
    negotiator.request(false);
    negotiator.request(true);
    negotiator.request(false);
    expect(dialog.inFlight()).toBe(1);
    await dialog.answer(ok);
    // Held now; the agent wants it resumed: a second offer follows at once.
    expect(reports).toEqual([{ type: 'hold', held: true }]);
    expect(dialog.offers.map((o) => o.held)).toEqual([true, false]);
    await dialog.answer(ok);
    expect(reports).toEqual([
      { type: 'hold', held: true },
      { type: 'hold', held: false },
    ]);
    expect(dialog.inFlight()).toBe(0);
  });

  it('acknowledges a request for the state already agreed without any offer', () => {
    const { dialog, reports, negotiator } = setUp();
    negotiator.request(false);
    expect(dialog.offers).toEqual([]);
    expect(reports).toEqual([{ type: 'hold', held: false }]);
  });

  it('on 491 withdraws its offer and retries after 0-2 s when it does not own the Call-ID', async () => {
    const { dialog, timers, reports, negotiator } = setUp();
    timers.randomValue = 0.5;
    negotiator.request(true);
    await dialog.answer(glare);
    expect(dialog.withdrawals).toBe(1);
    expect(reports).toEqual([]);
    // The media keeps the wanted state meanwhile, so the far end's own re-INVITE keeps it too.
    expect(dialog.media).toBe(true);
    expect(timers.pending.map((t) => t.ms)).toEqual([1000]);
    await timers.fire();
    expect(dialog.offers.map((o) => o.held)).toEqual([true, true]);
    await dialog.answer(ok);
    expect(reports).toEqual([{ type: 'hold', held: true }]);
  });

  it('on 491 waits 2.1-4.0 s when it owns the Call-ID', async () => {
    const { dialog, timers, negotiator } = setUp();
    dialog.owner = true;
    timers.randomValue = 0;
    negotiator.request(true);
    await dialog.answer(glare);
    expect(timers.pending.map((t) => t.ms)).toEqual([2100]);
    await timers.fire();
    timers.randomValue = 0.99999;
    await dialog.answer(glare);
    expect(timers.pending.map((t) => t.ms)).toEqual([4000]);
  });

  it('after a glare wait sends what is wanted now, or just confirms the agreed state', async () => {
    const { dialog, timers, reports, negotiator } = setUp();
    negotiator.request(true);
    await dialog.answer(glare);
    negotiator.request(false);
    await timers.fire();
    expect(dialog.offers).toHaveLength(1);
    expect(dialog.media).toBe(false);
    expect(reports).toEqual([{ type: 'hold', held: false }]);
  });

  it('gives up after repeated glare, back in the agreed state, with the call kept', async () => {
    const { dialog, timers, reports, negotiator } = setUp();
    negotiator.request(true);
    for (let attempt = 0; attempt < MAX_GLARE_RETRIES; attempt += 1) {
      await dialog.answer(glare);
      await timers.fire();
    }
    await dialog.answer(glare);
    expect(timers.pending).toEqual([]);
    expect(dialog.media).toBe(false);
    expect(reports).toEqual([
      { type: 'hold-failed', held: false, cause: 'Request Pending', statusCode: 491 },
    ]);
  });

  it('on any other refusal restores the agreed state and reports hold-failed', async () => {
    const { dialog, reports, negotiator } = setUp();
    negotiator.request(true);
    await dialog.answer(ok);
    negotiator.request(false);
    await dialog.answer({ ok: false, statusCode: 488, cause: 'Not Acceptable Here' });
    expect(dialog.withdrawals).toBe(1);
    expect(dialog.applied.at(-1)).toBe(true);
    expect(reports).toEqual([
      { type: 'hold', held: true },
      { type: 'hold-failed', held: true, cause: 'Not Acceptable Here', statusCode: 488 },
    ]);
    // Still usable: the next request negotiates again.
    negotiator.request(false);
    expect(dialog.inFlight()).toBe(1);
  });

  it('waits while the far end is still being answered, then offers', async () => {
    const { dialog, timers, reports, negotiator } = setUp();
    dialog.ready = false;
    negotiator.request(true);
    expect(dialog.offers).toEqual([]);
    expect(timers.pending.map((t) => t.ms)).toEqual([NOT_READY_RETRY_MS]);
    await timers.fire();
    expect(dialog.offers).toEqual([]);
    dialog.ready = true;
    await timers.fire();
    await dialog.answer(ok);
    expect(reports).toEqual([{ type: 'hold', held: true }]);
  });

  it('reports hold-failed when the dialog never becomes ready', async () => {
    const { dialog, timers, reports, negotiator } = setUp();
    dialog.ready = false;
    negotiator.request(true);
    for (let wait = 0; wait < MAX_NOT_READY_WAITS; wait += 1) await timers.fire();
    expect(timers.pending).toEqual([]);
    // No SIP response, so no status code: not even an undefined one.
    expect(reports).toStrictEqual([
      { type: 'hold-failed', held: false, cause: 'Renegotiation busy' },
    ]);
  });

  it('says nothing more once closed, and refuses requests', async () => {
    const { dialog, timers, reports, negotiator } = setUp();
    negotiator.request(true);
    await dialog.answer(glare);
    negotiator.close();
    expect(timers.pending).toEqual([]);
    expect(() => negotiator.request(false)).toThrow(
      new IllegalTransitionError('hold', 'closed', 'request'),
    );
    expect(reports).toEqual([]);
    // A second close (the session replaced, then ended) is harmless.
    expect(() => negotiator.close()).not.toThrow();
  });

  it('says nothing when the call closes while its re-INVITE is answered', async () => {
    const { dialog, reports, negotiator } = setUp();
    negotiator.request(true);
    negotiator.close();
    await dialog.answer(ok);
    expect(reports).toEqual([]);
    expect(negotiator.held).toBe(false);
    expect(dialog.withdrawals).toBe(0);
  });

  it('says nothing and retries nothing when the call closes while a refused offer is withdrawn', async () => {
    const { dialog, timers, reports, negotiator } = setUp();
    let finishWithdrawal = () => {};
    dialog.withdrawal = new Promise((resolve) => (finishWithdrawal = resolve));
    negotiator.request(true);
    await dialog.answer(glare);
    negotiator.close();
    finishWithdrawal();
    await settle();
    expect(reports).toEqual([]);
    expect(timers.pending).toEqual([]);
    expect(dialog.applied).toEqual([true]);
  });

  it('reports hold-failed and stays usable when withdrawing the refused offer fails', async () => {
    const { dialog, reports, negotiator } = setUp();
    dialog.withdrawal = Promise.reject(new Error('InvalidStateError: rollback'));
    negotiator.request(true);
    await dialog.answer({ ok: false, statusCode: 488, cause: 'Not Acceptable Here' });
    expect(reports).toEqual([
      { type: 'hold-failed', held: false, cause: 'Not Acceptable Here', statusCode: 488 },
    ]);
    expect(dialog.media).toBe(false);
    dialog.withdrawal = Promise.resolve();
    negotiator.request(true);
    expect(dialog.inFlight()).toBe(1);
  });
});

describe('HoldNegotiator with the real timers (the app does not inject any)', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('waits the RFC 3261 time drawn from Math.random after a 491, then offers again', async () => {
    vi.useFakeTimers();
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    const dialog = new FakeDialog();
    const negotiator = new HoldNegotiator(dialog, () => undefined);
    negotiator.request(true);
    const [offer] = dialog.offers;
    offer!.answer(glare);
    await vi.advanceTimersByTimeAsync(0);
    expect(dialog.withdrawals).toBe(1);
    // Not the Call-ID owner: 0-2 s, here the middle of it.
    await vi.advanceTimersByTimeAsync(999);
    expect(dialog.offers).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(dialog.offers).toHaveLength(2);
  });

  it('cancels its pending wait when the call closes', async () => {
    vi.useFakeTimers();
    const dialog = new FakeDialog();
    dialog.ready = false;
    const negotiator = new HoldNegotiator(dialog, () => undefined);
    negotiator.request(true);
    expect(vi.getTimerCount()).toBe(1);
    negotiator.close();
    expect(vi.getTimerCount()).toBe(0);
  });
});

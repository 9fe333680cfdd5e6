import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ContactDetails, IntentResult } from '../../../common/contract';
import { AUTOSAVE_DELAY_MS, DetailsAutosave, type SaveSnapshot } from './DetailsAutosave';

/** A save port whose answers the test releases one by one, to control what is in flight. */
function fakeMain() {
  const sent: ContactDetails[] = [];
  const answers: Array<(result: IntentResult) => void> = [];
  return {
    sent,
    save(details: ContactDetails): Promise<IntentResult> {
      sent.push(details);
      return new Promise((resolve) => answers.push(resolve));
    },
    async answer(result: IntentResult = { ok: true }): Promise<void> {
      const next = answers.shift();
      if (!next) throw new Error('no save in flight');
      next(result);
      // Let the autosave's promise chain run.
      await vi.advanceTimersByTimeAsync(0);
    },
    get waiting(): number {
      return answers.length;
    },
  };
}

const notes = (text: string): ContactDetails => ({ notes: text });

describe('DetailsAutosave', () => {
  let main: ReturnType<typeof fakeMain>;
  let states: SaveSnapshot[];
  let autosave: DetailsAutosave;

  beforeEach(() => {
    vi.useFakeTimers();
    main = fakeMain();
    states = [];
    autosave = new DetailsAutosave({
      save: (details) => main.save(details),
      onChange: (snapshot) => states.push(snapshot),
    });
  });
  afterEach(() => vi.useRealTimers());

  it('sends only the last draft, once the agent pauses for the delay', async () => {
    autosave.edit(notes('H'));
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS - 1);
    autosave.edit(notes('He'));
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS - 1);
    autosave.edit(notes('Hello'));
    expect(main.sent).toEqual([]);
    expect(autosave.snapshot.state).toBe('pending');

    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    expect(main.sent).toEqual([notes('Hello')]);
    expect(autosave.snapshot.state).toBe('saving');

    await main.answer();
    expect(autosave.snapshot).toEqual({ state: 'saved' });
    expect(states.map((snapshot) => snapshot.state)).toEqual(['pending', 'saving', 'saved']);
  });

  it('never has two saves in flight: what is typed meanwhile goes right after, newest only', async () => {
    autosave.edit(notes('a'));
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    autosave.edit(notes('ab'));
    autosave.edit(notes('abc'));
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS * 3);
    expect(main.sent).toEqual([notes('a')]);

    await main.answer();
    expect(main.sent).toEqual([notes('a'), notes('abc')]);
    expect(autosave.snapshot.state).toBe('saving');
    await main.answer();
    expect(autosave.snapshot.state).toBe('saved');
    expect(main.waiting).toBe(0);
  });

  it('keeps a refused draft, reports why, and sends it again on flush', async () => {
    autosave.edit({ notes: 'x', wrapUpCode: 'gone' });
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    await main.answer({ ok: false, reason: 'unknownWrapUpCode' });
    expect(autosave.snapshot).toEqual({
      state: 'failed',
      failure: { kind: 'refused', reason: 'unknownWrapUpCode' },
    });

    const flushed = autosave.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(main.sent).toHaveLength(2);
    expect(main.sent[1]).toEqual({ notes: 'x', wrapUpCode: 'gone' });
    await main.answer({ ok: false, reason: 'unknownWrapUpCode' });
    // Tried once, not in a loop: main would refuse the same draft forever.
    await expect(flushed).resolves.toBe(false);
    expect(main.sent).toHaveLength(2);
  });

  it('reports an IPC failure as an exception', async () => {
    const failing = new DetailsAutosave({
      save: () => Promise.reject(new Error('ui:save-details: invalid payload')),
      onChange: () => undefined,
    });
    failing.edit(notes('n'));
    await expect(failing.flush()).resolves.toBe(false);
    expect(failing.snapshot.failure).toEqual({
      kind: 'exception',
      message: 'ui:save-details: invalid payload',
    });
  });

  it('flush sends a pending draft at once and resolves when main has it', async () => {
    autosave.edit(notes('last words'));
    let done: boolean | undefined;
    void autosave.flush().then((ok) => (done = ok));
    await vi.advanceTimersByTimeAsync(0);
    expect(main.sent).toEqual([notes('last words')]);
    expect(done).toBeUndefined();
    await main.answer();
    expect(done).toBe(true);
    // The cancelled pause does not send it a second time.
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS * 2);
    expect(main.sent).toHaveLength(1);
  });

  it('flush waits for the save in flight and the one typed behind it', async () => {
    autosave.edit(notes('1'));
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    autosave.edit(notes('12'));
    let done: boolean | undefined;
    void autosave.flush().then((ok) => (done = ok));
    await main.answer();
    expect(done).toBeUndefined();
    expect(main.sent).toEqual([notes('1'), notes('12')]);
    await main.answer();
    expect(done).toBe(true);
  });

  it('flush with nothing typed sends nothing', async () => {
    await expect(autosave.flush()).resolves.toBe(true);
    expect(main.sent).toEqual([]);
    expect(autosave.snapshot.state).toBe('idle');
  });

  it('dispose sends a pending draft immediately instead of losing it', async () => {
    autosave.edit(notes('typed just before hang-up'));
    autosave.dispose();
    expect(main.sent).toEqual([notes('typed just before hang-up')]);
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS * 2);
    expect(main.sent).toHaveLength(1);
  });
});

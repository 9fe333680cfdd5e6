import { describe, expect, it } from 'vitest';
import { focusIsLost, SETTLE_MS } from './focusPolicy';

describe('focusIsLost', () => {
  const body = { tag: 'body' } as unknown as HTMLElement;
  const input = { tag: 'input' } as unknown as Element;

  it('is true when nothing has focus or focus fell back to the body', () => {
    expect(focusIsLost({ activeElement: null, body })).toBe(true);
    expect(focusIsLost({ activeElement: body, body })).toBe(true);
  });

  it('is false while a control (the number field) has focus', () => {
    expect(focusIsLost({ activeElement: input, body })).toBe(false);
  });
});

describe('SETTLE_MS', () => {
  it('covers a double click (the OS default double-click time is 500 ms)', () => {
    expect(SETTLE_MS).toBeGreaterThanOrEqual(500);
  });
});

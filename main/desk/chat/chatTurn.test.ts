import { describe, expect, it } from 'vitest';
import { turnSinceAfter } from './chatTurn';

describe('time since the last message (the turn timer)', () => {
  it('starts at the first line', () => {
    expect(turnSinceAfter(undefined, undefined, { role: 'customer', at: 100 })).toBe(100);
  });

  it('keeps counting while the same speaker writes again', () => {
    expect(turnSinceAfter({ role: 'customer' }, 100, { role: 'customer', at: 900 })).toBe(100);
    expect(turnSinceAfter({ role: 'agent' }, 300, { role: 'agent', at: 900 })).toBe(300);
  });

  it('restarts when the speaker changes, either way', () => {
    expect(turnSinceAfter({ role: 'customer' }, 100, { role: 'agent', at: 900 })).toBe(900);
    expect(turnSinceAfter({ role: 'agent' }, 900, { role: 'customer', at: 1500 })).toBe(1500);
    expect(turnSinceAfter({ role: 'bot' }, 50, { role: 'customer', at: 70 })).toBe(70);
  });

  it('starts at the line itself when either the previous line or the turn start is unknown', () => {
    expect(turnSinceAfter({ role: 'customer' }, undefined, { role: 'customer', at: 400 })).toBe(
      400,
    );
    expect(turnSinceAfter(undefined, 100, { role: 'customer', at: 400 })).toBe(400);
  });
});

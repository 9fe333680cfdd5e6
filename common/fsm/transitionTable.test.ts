import { describe, expect, it } from 'vitest';
import { IllegalTransitionError } from './IllegalTransitionError';
import { transition, type TransitionTable } from './transitionTable';

type Light = 'off' | 'on';
const table: TransitionTable<Light, 'press' | 'cut'> = {
  off: { press: 'on' },
  on: { press: 'off' },
};

describe('transition', () => {
  it('follows the row of the current state', () => {
    expect(transition('light', table, 'off', 'press')).toBe('on');
    expect(transition('light', table, 'on', 'press')).toBe('off');
  });

  it('throws an IllegalTransitionError naming the machine, state and event for an unlisted event', () => {
    const attempt = () => transition('light', table, 'on', 'cut');
    expect(attempt).toThrow(IllegalTransitionError);
    expect(attempt).toThrow("light: 'cut' is not allowed in state 'on'");
    try {
      attempt();
    } catch (error) {
      expect(error).toMatchObject({ machine: 'light', from: 'on', event: 'cut' });
    }
  });

  it('logs as an IllegalTransitionError: String(error) and the stack start with that name', () => {
    const error = new IllegalTransitionError('light', 'on', 'cut');
    expect(String(error)).toBe("IllegalTransitionError: light: 'cut' is not allowed in state 'on'");
    expect(error.stack?.startsWith('IllegalTransitionError:')).toBe(true);
  });
});

/** How a contact leaving the desk counts in the history, from where it left and why. */
import { describe, expect, it } from 'vitest';
import { contactOutcome } from './contactOutcome';

describe('contactOutcome', () => {
  it.each([
    ['incoming', 'reject', false, 'rejected'],
    ['incoming', 'remoteEnded', false, 'abandoned'],
    ['incoming', 'failed', false, 'abandoned'],
    ['missed', 'clear', false, 'missed'],
    ['failed', 'clear', false, 'failed'],
    ['failed', 'clear', true, 'failed'],
    ['acw', 'clear', true, 'handled'],
    ['acw', 'clear', false, 'failed'],
  ] as const)('from %s on %s (connected: %s) is %s', (from, event, connected, outcome) => {
    expect(contactOutcome(from, event, connected)).toBe(outcome);
  });
});

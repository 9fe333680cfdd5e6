import { describe, expect, it } from 'vitest';
import { IllegalTransitionError } from '../../../common/fsm/IllegalTransitionError';
import { chatTransitions, nextChatState } from './chatMachine';
import type { ContactEvent } from '../contacts/contactMachine';
import type { ContactState } from '../../../common/contract';

const EVENTS: readonly ContactEvent[] = [
  'accept',
  'reject',
  'ringTimeout',
  'confirmed',
  'end',
  'remoteEnded',
  'failed',
  'clear',
];

describe('chat contact machine', () => {
  it.each([
    ['incoming', 'accept', 'connected'],
    ['incoming', 'reject', 'removed'],
    ['incoming', 'failed', 'removed'],
    ['incoming', 'ringTimeout', 'missed'],
    ['connected', 'end', 'acw'],
    ['acw', 'clear', 'removed'],
    ['missed', 'clear', 'removed'],
  ] as const)('%s --%s--> %s', (from, event, to) => {
    expect(nextChatState(from, event)).toBe(to);
  });

  it('lists exactly the seven rows above: every other state and event pair is illegal', () => {
    const legal = Object.entries(chatTransitions).flatMap(([from, row]) =>
      Object.keys(row).map((event) => `${from}:${event}`),
    );
    expect(legal).toHaveLength(7);
    for (const from of Object.keys(chatTransitions) as ContactState[]) {
      for (const event of EVENTS) {
        if (legal.includes(`${from}:${event}`)) continue;
        expect(() => nextChatState(from, event)).toThrow(IllegalTransitionError);
      }
    }
  });

  it('a connected chat is not ended by the customer: remoteEnded is illegal there', () => {
    expect(() => nextChatState('connected', 'remoteEnded')).toThrow(IllegalTransitionError);
  });
});

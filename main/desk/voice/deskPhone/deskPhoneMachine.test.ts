import { describe, expect, it } from 'vitest';
import { IllegalTransitionError } from '../../../../common/fsm/IllegalTransitionError';
import { nextDeskPhoneState } from './deskPhoneMachine';

describe('desk phone machine', () => {
  it('an inbound call answers the customer after the desk phone, then bridges', () => {
    expect(nextDeskPhoneState('inbound', 'ringingDesk', 'deskAnswered')).toBe('answeringCustomer');
    expect(nextDeskPhoneState('inbound', 'answeringCustomer', 'customerAnswered')).toBe('bridged');
  });

  it('an outbound call calls the customer after the desk phone, then bridges', () => {
    expect(nextDeskPhoneState('outbound', 'ringingDesk', 'deskAnswered')).toBe('callingCustomer');
    expect(nextDeskPhoneState('outbound', 'callingCustomer', 'customerAnswered')).toBe('bridged');
  });

  it.each(['deskGone', 'customerGone', 'ended'] as const)(
    'either side leaving a bridged call (%s) ends it',
    (event) => {
      expect(nextDeskPhoneState('inbound', 'bridged', event)).toBe('ended');
    },
  );

  it('a customer cannot be bridged before the desk phone answered', () => {
    expect(() => nextDeskPhoneState('inbound', 'ringingDesk', 'customerAnswered')).toThrow(
      IllegalTransitionError,
    );
  });

  it('a refused step says it was the desk phone machine, in which state, for which event', () => {
    expect(() => nextDeskPhoneState('outbound', 'bridged', 'deskAnswered')).toThrow(
      expect.objectContaining({ machine: 'deskPhone', from: 'bridged', event: 'deskAnswered' }),
    );
  });

  it.each(['deskGone', 'customerGone', 'ended'] as const)(
    'the call ends when %s happens while the desk phone still rings',
    (event) => {
      expect(nextDeskPhoneState('inbound', 'ringingDesk', event)).toBe('ended');
      expect(nextDeskPhoneState('outbound', 'ringingDesk', event)).toBe('ended');
    },
  );

  it('late reports of a leg already hung up, or a second end, keep the call ended', () => {
    expect(nextDeskPhoneState('outbound', 'ended', 'deskGone')).toBe('ended');
    expect(nextDeskPhoneState('outbound', 'ended', 'customerGone')).toBe('ended');
    expect(nextDeskPhoneState('outbound', 'ended', 'ended')).toBe('ended');
  });

  it('an ended call cannot be answered again', () => {
    expect(() => nextDeskPhoneState('inbound', 'ended', 'deskAnswered')).toThrow(
      IllegalTransitionError,
    );
  });
});

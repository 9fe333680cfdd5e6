import { describe, expect, it } from 'vitest';
import { IllegalTransitionError } from '../../../common/fsm/IllegalTransitionError';
import { nextThirdPartyState } from './thirdPartyMachine';

describe('third-party leg transitions', () => {
  it('connects once, and leaves the contact when it ends in either state', () => {
    expect(nextThirdPartyState('dialing', 'confirmed')).toBe('connected');
    expect(nextThirdPartyState('dialing', 'ended')).toBe('removed');
    expect(nextThirdPartyState('connected', 'ended')).toBe('removed');
  });

  it('treats a second confirmation as illegal', () => {
    expect(() => nextThirdPartyState('connected', 'confirmed')).toThrow(IllegalTransitionError);
  });
});

import { describe, expect, it } from 'vitest';
import type { DeskState } from '../../../common/contract';
import { lockedValue } from './profileLocks';

type Profile = NonNullable<DeskState['profile']>;

const EVERY_KEY = ['servers', 'identity', 'audio', 'language'];

describe('lockedValue', () => {
  it('locks the server field empty when an unreadable policy names no server', () => {
    const profile: Profile = {
      source: 'none',
      lockedKeys: EVERY_KEY,
      policyProblem: { file: '/etc/openccp/policy.json', path: '', reason: 'Unexpected end' },
    };
    expect(lockedValue(profile, 'serverUrl')).toBe('');
  });

  it("locks the server field to the saved profile's server under an unreadable policy", () => {
    const profile: Profile = {
      source: 'saved',
      lockedKeys: EVERY_KEY,
      servers: ['wss://pbx.example.com/ws'],
      policyProblem: { file: '/etc/openccp/policy.json', path: '', reason: 'Unexpected end' },
    };
    expect(lockedValue(profile, 'serverUrl')).toBe('wss://pbx.example.com/ws');
  });

  it('leaves a field the agent may type alone: not locked, or locked by a readable policy without a value', () => {
    expect(lockedValue({ source: 'none', lockedKeys: [] }, 'serverUrl')).toBeUndefined();
    expect(
      lockedValue({ source: 'none', lockedKeys: ['identity.authUser'] }, 'authUser'),
    ).toBeUndefined();
  });
});

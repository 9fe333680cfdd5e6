/** ProfilePolicy: a policy holds what IT wrote and no defaults, so it locks nothing else. */
import { describe, expect, it } from 'vitest';
import { ProfilePolicy } from './ProfilePolicy';

describe('ProfilePolicy', () => {
  it('keeps one field of a settings object without filling in the defaults of the others', () => {
    expect(ProfilePolicy.parse({ permissions: { outbound: false } })).toStrictEqual({
      permissions: { outbound: false },
    });
    expect(ProfilePolicy.parse({ routing: { voice: false }, autoAccept: {} })).toStrictEqual({
      routing: { voice: false },
      autoAccept: {},
    });
  });

  it('still checks the fields it keeps and refuses unknown ones', () => {
    expect(ProfilePolicy.safeParse({ permissions: { outbound: 'no' } }).success).toBe(false);
    expect(ProfilePolicy.safeParse({ permissions: { outbond: false } }).success).toBe(false);
  });

  it('takes the agent settings keys alongside the profile keys', () => {
    expect(ProfilePolicy.parse({ language: 'ja', dtmf: 'info' })).toStrictEqual({
      language: 'ja',
      dtmf: 'info',
    });
  });
});

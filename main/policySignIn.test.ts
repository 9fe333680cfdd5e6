import { describe, expect, it } from 'vitest';
import { SignInRequest } from '../common/contract';
import { policyRefusal } from './policySignIn';
import { everyPolicyKey } from './provisioning/mergePolicy';
import type { ProfileState } from './provisioning/ProfileStore';

const request = SignInRequest.parse({
  serverUrl: 'wss://pbx.example.com/ws',
  sipUri: 'sip:agent@example.com',
  authUser: 'agent',
  password: 'secret',
  displayName: '',
});

const noProfile: ProfileState = {
  profile: undefined,
  lockedKeys: [],
  source: undefined,
  policyProblem: undefined,
  settingsPolicy: {},
};

describe('policyRefusal', () => {
  it('lets a typed sign-in through when there is neither a profile nor a policy', () => {
    expect(policyRefusal(request, noProfile)).toBeUndefined();
  });

  it('refuses a typed server when the policy file is unreadable: it may have locked the servers', () => {
    const unreadable: ProfileState = {
      ...noProfile,
      lockedKeys: everyPolicyKey(),
      policyProblem: { file: '/etc/openccp/policy.json', path: '(document)', reason: 'EACCES' },
    };
    expect(policyRefusal(request, unreadable)).toEqual({
      code: 'lockedByPolicy',
      field: 'serverUrl',
    });
  });
});

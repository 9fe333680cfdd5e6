/** ProfileSchema: text fields are kept without stray spaces, and refusals say what to fix. */
import { describe, expect, it } from 'vitest';
import type { ProfileInput } from './ProfileSchema';
import { validateProfile } from './validateProfile';

const minimal = (): ProfileInput => ({ schemaVersion: 1, servers: ['wss://sip.example.com'] });

function accepted(json: ProfileInput) {
  const result = validateProfile(json);
  if (!result.ok) throw new Error(`${result.path}: ${result.reason}`);
  return result.profile;
}

function refusal(json: unknown) {
  const result = validateProfile(json);
  if (result.ok) throw new Error('expected the profile to be refused');
  return { path: result.path, reason: result.reason };
}

describe('ProfileSchema text fields', () => {
  it('keeps status labels, the auth user and the display name without the spaces around them', () => {
    const profile = accepted({
      ...minimal(),
      identity: { sipUri: 'sip:alice@example.com', authUser: ' alice ', displayName: ' Alice ' },
      statuses: [{ id: 'break', label: '  Break ', labels: { it: ' Pausa ' } }],
    });
    expect(profile.identity).toEqual({
      sipUri: 'sip:alice@example.com',
      authUser: 'alice',
      displayName: 'Alice',
    });
    expect(profile.statuses?.[0]).toMatchObject({ label: 'Break', labels: { it: 'Pausa' } });
  });

  it('refuses a status label of only spaces as empty', () => {
    expect(refusal({ ...minimal(), statuses: [{ id: 'away', label: '   ' }] })).toEqual({
      path: 'statuses[0].label',
      reason: 'Must not be empty',
    });
  });

  it('keeps a quick connect target without the spaces around it', () => {
    const profile = accepted({
      ...minimal(),
      quickConnects: [
        { id: 'desk', kind: 'external', name: 'Help desk', target: ' +442079460000 ' },
      ],
    });
    expect(profile.quickConnects[0]?.target).toBe('+442079460000');
  });

  it('says how an id must be written when a wrap-up code id is not a slug', () => {
    expect(refusal({ ...minimal(), wrapUp: { codes: [{ id: 'Bad Id', label: 'x' }] } })).toEqual({
      path: 'wrapUp.codes[0].id',
      reason: 'Use 1 to 64 lower-case letters, digits, "-" or "_", starting with a letter or digit',
    });
  });

  it('names the duplicated wrap-up code id', () => {
    const code = { id: 'resolved', label: 'Resolved' };
    expect(refusal({ ...minimal(), wrapUp: { codes: [code, code] } })).toEqual({
      path: 'wrapUp.codes[1].id',
      reason: 'Duplicate wrap-up code id "resolved"',
    });
  });
});

describe('profileContactFeatures', () => {
  it('keeps the CRM lookup URL without the spaces around it', () => {
    const url = 'https://crm.example/search?phone={e164}';
    const profile = accepted({ ...minimal(), customerLookup: { url: ` ${url} ` } });
    expect(profile.customerLookup?.url).toBe(url);
  });

  it('says a CRM lookup must be an http or https URL, with an example', () => {
    expect(refusal({ ...minimal(), customerLookup: { url: 'ftp://crm.example/{e164}' } })).toEqual({
      path: 'customerLookup.url',
      reason: 'Must be an http or https URL, e.g. https://crm.example/search?phone={e164}',
    });
  });

  it('says a supervisor must be a SIP address', () => {
    expect(refusal({ ...minimal(), supervision: { supervisors: ['bob@example.com'] } })).toEqual({
      path: 'supervision.supervisors[0]',
      reason: 'A SIP address: sip:user@domain',
    });
  });
});

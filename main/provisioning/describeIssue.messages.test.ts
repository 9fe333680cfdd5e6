/**
 * The messages an IT admin reads when a profile or a machine policy is refused: one per kind of
 * problem, asserted whole. Real documents go through the public validators; the few kinds the
 * shipped schemas cannot produce today (a number bound that excludes its limit, a text or list
 * minimum above one, an unknown key inside a union) go through firstProblem with a small schema,
 * so the wording is settled before a schema first needs it.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { firstProblem } from './describeIssue';
import type { ProfileInput } from './ProfileSchema';
import { validatePolicy, validateProfile } from './validateProfile';

const minimal = (): ProfileInput => ({ schemaVersion: 1, servers: ['wss://sip.example.com'] });

/** The profile's refusal as the admin sees it, failing the test if it was accepted. */
function profileRefusal(json: unknown) {
  const result = validateProfile(json);
  if (result.ok) throw new Error('expected the profile to be refused');
  return { path: result.path, reason: result.reason };
}

function policyRefusal(json: unknown) {
  const result = validatePolicy(json);
  if (result.ok) throw new Error('expected the policy to be refused');
  return { path: result.path, reason: result.reason };
}

/** What firstProblem says about a value a small schema refuses. */
function problemWith(schema: z.ZodType, input: unknown) {
  const parsed = schema.safeParse(input);
  if (parsed.success) throw new Error('expected the value to be refused');
  return firstProblem(schema, parsed.error.issues, input);
}

describe('describeIssue: server and SIP address messages from the shared contract', () => {
  it('says an empty server address is empty and shows the expected form', () => {
    expect(profileRefusal({ ...minimal(), servers: [''] })).toEqual({
      path: 'servers[0]',
      reason: 'Empty; give the WebSocket address of the SIP server, e.g. wss://sip.example.com',
    });
  });

  it('says a server address that is no URL at all is not a valid URL', () => {
    expect(profileRefusal({ ...minimal(), servers: ['sip example'] })).toEqual({
      path: 'servers[0]',
      reason: 'Not a valid URL; expected e.g. wss://sip.example.com',
    });
  });

  it('says an https server address is not a WebSocket URL', () => {
    expect(profileRefusal({ ...minimal(), servers: ['https://sip.example.com'] })).toEqual({
      path: 'servers[0]',
      reason: 'Not a WebSocket URL; it must start with wss://',
    });
  });

  it('says an empty SIP address is empty and gives an example of one (the contract key, not the bare length rule)', () => {
    expect(profileRefusal({ ...minimal(), identity: { sipUri: '' } })).toEqual({
      path: 'identity.sipUri',
      reason: 'Empty; give the SIP address, e.g. sip:agent@example.com',
    });
  });

  it('says a SIP address without the sip: scheme is not a SIP URI', () => {
    expect(profileRefusal({ ...minimal(), identity: { sipUri: 'agent@example.com' } })).toEqual({
      path: 'identity.sipUri',
      reason: 'Not a SIP URI; expected e.g. sip:agent@example.com',
    });
  });
});

describe('describeIssue: a wrong type names what was expected and what was given', () => {
  it('names a number expected and null given', () => {
    expect(profileRefusal({ ...minimal(), ringTimeoutSec: null })).toEqual({
      path: 'ringTimeoutSec',
      reason: 'Expected a number, got null',
    });
  });

  it('names a list expected and an object given', () => {
    expect(profileRefusal({ ...minimal(), servers: {} })).toEqual({
      path: 'servers',
      reason: 'Expected a list [ ... ], got an object',
    });
  });

  it('names true or false expected and a number given', () => {
    expect(profileRefusal({ ...minimal(), permissions: { outbound: 0 } })).toEqual({
      path: 'permissions.outbound',
      reason: 'Expected true or false, got 0',
    });
  });

  it('quotes a given text of 40 characters whole', () => {
    const text = 'x'.repeat(40);
    expect(profileRefusal({ ...minimal(), ringTimeoutSec: text })).toEqual({
      path: 'ringTimeoutSec',
      reason: `Expected a number, got text "${text}"`,
    });
  });

  it('cuts a given text longer than 40 characters to its first 40 and an ellipsis', () => {
    const text = `${'a'.repeat(40)}SECOND-HALF`;
    expect(profileRefusal({ ...minimal(), ringTimeoutSec: text })).toEqual({
      path: 'ringTimeoutSec',
      reason: `Expected a number, got text "${'a'.repeat(40)}..."`,
    });
  });

  it('names null expected and text given', () => {
    expect(problemWith(z.strictObject({ cleared: z.null() }), { cleared: 'no' })).toEqual({
      path: 'cleared',
      reason: 'Expected null, got text "no"',
    });
  });
});

describe('describeIssue: bounds per kind of value', () => {
  it('says a label over 64 characters is too long, in characters', () => {
    const label = 'L'.repeat(65);
    expect(profileRefusal({ ...minimal(), statuses: [{ id: 'lunch', label }] })).toEqual({
      path: 'statuses[0].label',
      reason: 'Must be at most 64 characters',
    });
  });

  it('says a number above an inclusive maximum must be at most that maximum', () => {
    expect(policyRefusal({ audio: { ringVolume: 1.5 } })).toEqual({
      path: 'audio.ringVolume',
      reason: 'Must be at most 1',
    });
  });

  it('says a number below an inclusive minimum must be at least that minimum', () => {
    expect(policyRefusal({ audio: { ringVolume: -0.5 } })).toEqual({
      path: 'audio.ringVolume',
      reason: 'Must be at least 0',
    });
  });

  it('says a number at an exclusive minimum must be more than it', () => {
    expect(problemWith(z.strictObject({ gain: z.number().gt(0) }), { gain: 0 })).toEqual({
      path: 'gain',
      reason: 'Must be more than 0',
    });
  });

  it('says a number at an exclusive maximum must be less than it', () => {
    expect(problemWith(z.strictObject({ gain: z.number().lt(2) }), { gain: 2 })).toEqual({
      path: 'gain',
      reason: 'Must be less than 2',
    });
  });

  it('gives the minimum length of a text whose minimum is above one', () => {
    expect(problemWith(z.strictObject({ pin: z.string().min(4) }), { pin: '12' })).toEqual({
      path: 'pin',
      reason: 'Must be at least 4 characters',
    });
  });

  it('gives the minimum count of a list whose minimum is above one', () => {
    const schema = z.strictObject({ servers: z.array(z.string()).min(2) });
    expect(problemWith(schema, { servers: ['a'] })).toEqual({
      path: 'servers',
      reason: 'Must list at least 2 entries',
    });
  });
});

describe('describeIssue: unknown keys', () => {
  it('refuses a key named pass and never shows its value', () => {
    const secret = 'hunter2-do-not-show';
    const { path, reason } = profileRefusal({
      ...minimal(),
      identity: { sipUri: 'sip:agent@example.com', pass: secret },
    });
    expect({ path, reason }).toEqual({
      path: 'identity.pass',
      reason:
        'Unknown key "pass": a profile never carries a password; the agent types it when signing in',
    });
    expect(reason).not.toContain(secret);
  });

  it('suggests the misspelt key inside a nested object, at that object', () => {
    expect(profileRefusal({ ...minimal(), identity: { sipURI: 'sip:agent@example.com' } })).toEqual(
      { path: 'identity.sipURI', reason: 'Unknown key "sipURI" (did you mean "sipUri"?)' },
    );
  });

  it('reports a missing key as missing when the unknown key is in another object', () => {
    expect(
      profileRefusal({ ...minimal(), identity: {}, dialing: { defaultCountry: 'GB', colour: 1 } }),
    ).toEqual({ path: 'identity.sipUri', reason: 'Required, but missing' });
  });

  it('reports the first problem, not an unknown key in the same object, when nothing is missing', () => {
    expect(profileRefusal({ ...minimal(), ringTimeoutSec: 2, colour: 'blue' })).toEqual({
      path: 'ringTimeoutSec',
      reason: 'Must be at least 5',
    });
  });

  it('does not suggest a key the object already has, and lists the allowed keys instead', () => {
    expect(
      profileRefusal({ ...minimal(), permissions: { outbound: false, outbond: true } }),
    ).toEqual({
      path: 'permissions.outbond',
      reason:
        'Unknown key "outbond"; the keys allowed here are outbound, transfer, conference, deskPhone, chat',
    });
  });

  it('of two allowed keys equally close to a typo, suggests the one listed first', () => {
    // "ceap" is two edits from both "chat" and "beep"; the schema lists chat first.
    expect(profileRefusal({ ...minimal(), autoAccept: { ceap: true } })).toEqual({
      path: 'autoAccept.ceap',
      reason: 'Unknown key "ceap" (did you mean "chat"?)',
    });
  });

  it('suggests nothing for a one-letter key that is far from every allowed key', () => {
    expect(profileRefusal({ ...minimal(), autoAccept: { x: true } })).toEqual({
      path: 'autoAccept.x',
      reason: 'Unknown key "x"; the keys allowed here are voice, chat, beep',
    });
  });

  it('suggests nothing for a key three edits away, even when its start matches', () => {
    expect(profileRefusal({ ...minimal(), autoAccept: { voicexyz: true } })).toEqual({
      path: 'autoAccept.voicexyz',
      reason: 'Unknown key "voicexyz"; the keys allowed here are voice, chat, beep',
    });
  });

  it('lists the keys of an optional object', () => {
    expect(
      profileRefusal({ ...minimal(), identity: { sipUri: 'sip:a@example.com', nickname: 'A' } }),
    ).toEqual({
      path: 'identity.nickname',
      reason: 'Unknown key "nickname"; the keys allowed here are sipUri, authUser, displayName',
    });
  });

  it('lists the keys of an object filled in by default when left out', () => {
    expect(profileRefusal({ ...minimal(), autoAccept: { email: true } })).toEqual({
      path: 'autoAccept.email',
      reason: 'Unknown key "email"; the keys allowed here are voice, chat, beep',
    });
  });

  it('lists the keys of an entry of a list', () => {
    const quickConnects = [{ id: 'q', kind: 'queue', name: 'Q', target: '100', colour: 'red' }];
    expect(profileRefusal({ ...minimal(), quickConnects })).toEqual({
      path: 'quickConnects[0].colour',
      reason: 'Unknown key "colour"; the keys allowed here are id, kind, name, target',
    });
  });

  it('lists the keys of a partial settings object of the machine policy', () => {
    expect(policyRefusal({ routing: { colour: 'red' } })).toEqual({
      path: 'routing.colour',
      reason:
        'Unknown key "colour"; the keys allowed here are voice, chatSlots, voiceWithChat, chatAttachments',
    });
  });

  it('names only the unknown key where the schema cannot tell which keys are allowed', () => {
    const schema = z.strictObject({
      target: z.union([
        z.strictObject({ uri: z.string() }),
        z.strictObject({ number: z.string() }),
      ]),
    });
    expect(problemWith(schema, { target: { uri: 'sip:a@b', colour: 'red' } })).toEqual({
      path: 'target.colour',
      reason: 'Unknown key "colour"',
    });
  });

  it('names only the unknown key inside an entry of a map of objects', () => {
    const schema = z.strictObject({
      shortcuts: z.record(z.string(), z.strictObject({ key: z.string() })),
    });
    expect(problemWith(schema, { shortcuts: { answer: { key: 'F1', colour: 'red' } } })).toEqual({
      path: 'shortcuts.answer.colour',
      reason: 'Unknown key "colour"',
    });
  });
});

describe('describeIssue: enums and custom messages', () => {
  it('lists every allowed DTMF mode', () => {
    expect(profileRefusal({ ...minimal(), dtmf: 'tones' })).toEqual({
      path: 'dtmf',
      reason: 'Must be one of "auto", "rfc4733", "info"',
    });
  });

  it('passes a schema message through as written', () => {
    expect(profileRefusal({ ...minimal(), sipHeaders: { queueName: 'X Queue' } })).toEqual({
      path: 'sipHeaders.queueName',
      reason: 'Not a valid SIP header name',
    });
  });
});

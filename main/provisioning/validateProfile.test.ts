import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ProfileInput } from './ProfileSchema';
import {
  MAX_PROFILE_BYTES,
  parseProfileText,
  validatePolicy,
  validateProfile,
} from './validateProfile';

const EXAMPLE_TEXT = readFileSync(
  new URL('./fixtures/example-profile.json', import.meta.url),
  'utf8',
);
const example = (): Record<string, unknown> => JSON.parse(EXAMPLE_TEXT) as Record<string, unknown>;
const minimal = (): ProfileInput => ({ schemaVersion: 1, servers: ['wss://sip.example.com'] });

/** The refusal of a document, failing the test if it was accepted. */
function refusal(json: unknown) {
  const result = validateProfile(json);
  if (result.ok) throw new Error('expected the profile to be refused');
  return { path: result.path, reason: result.reason };
}

describe('validateProfile: accepted profiles', () => {
  it('accepts the example profile as written', () => {
    const result = parseProfileText(EXAMPLE_TEXT);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.profile.servers).toEqual([
      'wss://sip1.example.com:7443/ws',
      'wss://sip2.example.com:7443/ws',
    ]);
    expect(result.profile.dialing?.defaultCountry).toBe('GB');
    expect(result.profile.quickConnects.map((entry) => entry.kind)).toEqual([
      'queue',
      'agent',
      'external',
    ]);
    expect(result.profile.permissions.deskPhone).toBe(false);
  });

  it('fills every default of a minimal profile', () => {
    const result = validateProfile(minimal());
    expect(result).toEqual({
      ok: true,
      profile: {
        schemaVersion: 1,
        servers: ['wss://sip.example.com'],
        routing: { voice: true, chatSlots: 0, voiceWithChat: false },
        quickConnects: [],
        permissions: {
          outbound: true,
          transfer: true,
          conference: true,
          // Desk phone mode puts the call audio through the PC: only where IT allows it (B3).
          deskPhone: false,
          chat: true,
        },
        ringTimeoutSec: 20,
        autoAccept: { voice: false, chat: false, beep: true },
        sipHeaders: {
          queueName: 'X-Queue-Name',
          callback: 'X-Callback',
          conversationId: 'X-Conversation-Id',
          chatRole: 'X-Chat-Role',
        },
        wrapUp: { codes: [], required: false },
        dtmf: 'auto',
        dialLinks: { autoDial: false },
        sipPolicy: { acceptReplaces: false },
        recording: { allowed: false, automatic: false },
        supervision: { supervisors: [], listenIn: false },
      },
    });
  });

  it('refuses a duplicate wrap-up code, and a DTMF mode it does not know', () => {
    const code = { id: 'resolved', label: 'Resolved' };
    expect(validateProfile({ ...minimal(), wrapUp: { codes: [code, code] } })).toMatchObject({
      ok: false,
      path: 'wrapUp.codes[1].id',
    });
    expect(validateProfile({ ...minimal(), dtmf: 'inband' })).toMatchObject({
      ok: false,
      path: 'dtmf',
    });
    expect(
      validateProfile({ ...minimal(), wrapUp: { codes: [{ id: 'Bad Id', label: 'x' }] } }).ok,
    ).toBe(false);
  });

  it('fills the defaults inside a partly written object', () => {
    const result = validateProfile({ ...minimal(), autoAccept: { voice: true } });
    expect(result.ok && result.profile.autoAccept).toEqual({
      voice: true,
      chat: false,
      beep: true,
    });
  });

  it('accepts plain ws:// to this computer only', () => {
    expect(validateProfile({ ...minimal(), servers: ['ws://127.0.0.1:8080'] }).ok).toBe(true);
    expect(validateProfile({ ...minimal(), servers: ['ws://[::1]:8080/ws'] }).ok).toBe(true);
  });

  it('accepts a UTF-8 byte order mark, as Notepad writes it', () => {
    expect(parseProfileText(`\uFEFF${EXAMPLE_TEXT}`).ok).toBe(true);
  });
});

describe('validateProfile: the first error and its path', () => {
  it('points at a wrong type deep inside a quick connect', () => {
    const profile = example();
    const quickConnects = profile.quickConnects as Array<Record<string, unknown>>;
    quickConnects[2] = { ...quickConnects[2], kind: 'person' };
    expect(refusal(profile)).toEqual({
      path: 'quickConnects[2].kind',
      reason: 'Must be one of "agent", "queue", "external"',
    });
  });

  it('points at a number where text is expected', () => {
    const profile = example();
    (profile.quickConnects as Array<Record<string, unknown>>)[1]!.target = 1001;
    expect(refusal(profile)).toEqual({
      path: 'quickConnects[1].target',
      reason: 'Expected text, got 1001',
    });
  });

  it('names a misspelt key and the key it probably meant', () => {
    const profile = example();
    profile.permissions = { outbond: false };
    expect(refusal(profile)).toEqual({
      path: 'permissions.outbond',
      reason: 'Unknown key "outbond" (did you mean "outbound"?)',
    });
  });

  it('reports a misspelt required key as unknown, not as missing', () => {
    const { servers, ...rest } = minimal();
    expect(refusal({ ...rest, Servers: servers })).toEqual({
      path: 'Servers',
      reason: 'Unknown key "Servers" (did you mean "servers"?)',
    });
  });

  it('lists the allowed keys when an unknown key resembles none', () => {
    const { path, reason } = refusal({ ...minimal(), colour: 'blue' });
    expect(path).toBe('colour');
    expect(reason).toMatch(
      /^Unknown key "colour"; the keys allowed here are \$schema, schemaVersion, servers/,
    );
  });

  it('refuses a password and says why', () => {
    const profile = { ...minimal(), identity: { sipUri: 'sip:a@example.com', password: 'x' } };
    expect(refusal(profile)).toEqual({
      path: 'identity.password',
      reason: expect.stringContaining('a profile never carries a password'),
    });
  });

  it('points at a duplicate status id', () => {
    const profile = example();
    (profile.statuses as unknown[]).push({ id: 'lunch', label: 'Late lunch' });
    expect(refusal(profile)).toEqual({
      path: 'statuses[3].id',
      reason: 'Duplicate status id "lunch"',
    });
  });

  it('refuses a custom status that shadows a built-in one', () => {
    const profile = { ...minimal(), statuses: [{ id: 'offline', label: 'Gone' }] };
    expect(refusal(profile)).toEqual({
      path: 'statuses[0].id',
      reason: '"offline" is a built-in status; choose another id',
    });
  });

  it('refuses more than 32 custom statuses', () => {
    const statuses = Array.from({ length: 33 }, (_, index) => ({ id: `s${index}`, label: 'S' }));
    expect(refusal({ ...minimal(), statuses })).toEqual({
      path: 'statuses',
      reason: 'Must list at most 32 entries',
    });
  });

  it('refuses plain ws:// to a remote server, at that server', () => {
    const profile = { ...minimal(), servers: ['wss://a.example.com', 'ws://sip.example.com'] };
    expect(refusal(profile)).toEqual({
      path: 'servers[1]',
      reason:
        'Plain ws:// is allowed only to this computer (localhost); use wss:// for a remote server',
    });
  });

  it('refuses an empty server list', () => {
    expect(refusal({ ...minimal(), servers: [] })).toEqual({
      path: 'servers',
      reason: 'Must list at least one entry',
    });
  });

  it('refuses a missing server list', () => {
    expect(refusal({ schemaVersion: 1 })).toEqual({
      path: 'servers',
      reason: 'Required, but missing',
    });
  });

  it('refuses another schema version', () => {
    expect(refusal({ ...minimal(), schemaVersion: 2 })).toEqual({
      path: 'schemaVersion',
      reason: 'Must be 1',
    });
  });

  it('quotes a key that is not a plain name in the path', () => {
    const profile = {
      ...minimal(),
      statuses: [{ id: 'away', label: 'Away', labels: { 'zh-CN': '' } }],
    };
    expect(refusal(profile)).toEqual({
      path: 'statuses[0].labels["zh-CN"]',
      reason: 'Must not be empty',
    });
  });

  it('refuses a status label in a language the app does not have', () => {
    const profile = {
      ...minimal(),
      statuses: [{ id: 'away', label: 'Away', labels: { fr: 'Absent' } }],
    };
    expect(refusal(profile).path).toBe('statuses[0].labels.fr');
  });

  it('refuses a ring timeout out of range and a fractional ACW timeout', () => {
    expect(refusal({ ...minimal(), ringTimeoutSec: 4 })).toEqual({
      path: 'ringTimeoutSec',
      reason: 'Must be at least 5',
    });
    expect(refusal({ ...minimal(), acwTimeoutSec: 1.5 })).toEqual({
      path: 'acwTimeoutSec',
      reason: 'Expected a whole number, got 1.5',
    });
  });

  it('refuses chat slots above 10', () => {
    expect(refusal({ ...minimal(), routing: { chatSlots: 11 } })).toEqual({
      path: 'routing.chatSlots',
      reason: 'Must be at most 10',
    });
  });

  it('refuses a country code that does not exist or is in lower case', () => {
    expect(refusal({ ...minimal(), dialing: { defaultCountry: 'XX' } })).toEqual({
      path: 'dialing.defaultCountry',
      reason: 'Not a country code the dialer knows',
    });
    expect(refusal({ ...minimal(), dialing: { defaultCountry: 'gb' } }).reason).toMatch(
      /two-letter ISO 3166 country code in capitals/,
    );
  });

  it('refuses a blocked number with separators', () => {
    const profile = {
      ...minimal(),
      dialing: { defaultCountry: 'US', blockedNumbers: ['900-555'] },
    };
    expect(refusal(profile).path).toBe('dialing.blockedNumbers[0]');
  });

  it('accepts campus short numbers and refuses one that does not expand to E.164, saying why', () => {
    const campus = { prefix: '4', digits: 4, expandTo: '+1734764' };
    expect(
      validateProfile({ ...minimal(), dialing: { defaultCountry: 'US', shortNumbers: [campus] } })
        .ok,
    ).toBe(true);
    expect(
      refusal({
        ...minimal(),
        dialing: { defaultCountry: 'US', shortNumbers: [{ ...campus, expandTo: '734764' }] },
      }),
    ).toEqual({
      path: 'dialing.shortNumbers[0].expandTo',
      reason: 'Use E.164: "+" then the country code and digits',
    });
    expect(
      refusal({
        ...minimal(),
        dialing: { defaultCountry: 'US', shortNumbers: [{ ...campus, prefix: 'x' }] },
      }).reason,
    ).toBe('A short-number prefix is 1 to 4 digits');
    expect(
      refusal({
        ...minimal(),
        dialing: {
          defaultCountry: 'US',
          shortNumbers: [{ ...campus, digits: 8, expandTo: '+12345678901' }],
        },
      }).reason,
    ).toBe('The expanded number would be longer than the 15 digits E.164 allows');
  });

  it('refuses a SIP header name with a space', () => {
    expect(refusal({ ...minimal(), sipHeaders: { callback: 'X Callback' } })).toEqual({
      path: 'sipHeaders.callback',
      reason: 'Not a valid SIP header name',
    });
  });

  it('refuses a quick connect target that is neither a SIP URI nor a number', () => {
    const quickConnects = [{ id: 'q', kind: 'queue', name: 'Q', target: 'sales desk' }];
    expect(refusal({ ...minimal(), quickConnects }).reason).toMatch(/^Must be a SIP URI/);
  });

  it('refuses duplicate quick connect ids', () => {
    const entry = { id: 'q', kind: 'queue', name: 'Q', target: '*500' };
    expect(refusal({ ...minimal(), quickConnects: [entry, entry] })).toEqual({
      path: 'quickConnects[1].id',
      reason: 'Duplicate quick connect id "q"',
    });
  });

  it('refuses a document that is not an object', () => {
    expect(refusal([minimal()])).toEqual({
      path: '(document)',
      reason: 'Expected an object { ... }, got a list',
    });
  });
});

describe('parseProfileText: the document', () => {
  it('reports a JSON syntax error with its line and column', () => {
    const text =
      '{\n  "schemaVersion": 1,\n  "servers": ["wss://a.example.com"]\n  "ringTimeoutSec": 30\n}';
    expect(parseProfileText(text)).toEqual({
      ok: false,
      path: '(document)',
      reason: "JSON syntax error at line 4, column 3: expected ',' or '}' after a property value",
    });
  });

  it('reports a trailing comma where it is', () => {
    const text = '{\n  "schemaVersion": 1,\n  "servers": ["wss://a.example.com",]\n}';
    expect(parseProfileText(text)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^JSON syntax error at line 3, column 37: /),
    });
  });

  it('refuses an empty document', () => {
    expect(parseProfileText('  \n')).toEqual({
      ok: false,
      path: '(document)',
      reason: 'The document is empty',
    });
  });

  it('refuses a document over 1 MiB before parsing it', () => {
    const padding = ' '.repeat(MAX_PROFILE_BYTES);
    const result = parseProfileText(`${JSON.stringify(minimal())}${padding}`);
    expect(result).toMatchObject({ ok: false, path: '(document)' });
    expect(!result.ok && result.reason).toMatch(/limit is 1048576 bytes \(1 MiB\)/);
  });
});

describe('validatePolicy', () => {
  it('accepts a partial profile without filling defaults', () => {
    expect(validatePolicy({ permissions: { outbound: false }, ringTimeoutSec: 30 })).toEqual({
      ok: true,
      policy: { permissions: { outbound: false }, ringTimeoutSec: 30 },
    });
  });

  it('keeps the fields a profile requires inside identity and dialing', () => {
    expect(validatePolicy({ dialing: { blockedNumbers: ['112'] } })).toEqual({
      ok: false,
      path: 'dialing.defaultCountry',
      reason: 'Required, but missing',
    });
  });

  it('is strict like the profile', () => {
    expect(validatePolicy({ permisions: { outbound: false } })).toEqual({
      ok: false,
      path: 'permisions',
      reason: 'Unknown key "permisions" (did you mean "permissions"?)',
    });
  });
});

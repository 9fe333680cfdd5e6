import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { PROFILE_SCHEMA_FILE, PROFILE_SCHEMA_ID, profileJsonSchema } from './profileJsonSchema';
import { validateProfile } from './validateProfile';

const root = new URL('../../', import.meta.url);
const committed = JSON.parse(readFileSync(new URL(PROFILE_SCHEMA_FILE, root), 'utf8')) as Record<
  string,
  unknown
>;
const example = JSON.parse(
  readFileSync(new URL('./fixtures/example-profile.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

describe('the published JSON Schema', () => {
  it('is what the generator produces from the zod schema now (run `npm run schema`)', () => {
    expect(committed).toEqual(profileJsonSchema());
  });

  it('names itself and its draft', () => {
    expect(committed).toMatchObject({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: PROFILE_SCHEMA_ID,
      title: expect.any(String),
      description: expect.any(String),
    });
  });

  // An IT admin's editor checks with the JSON Schema, the app with zod: they must agree.
  describe('agrees with the app', () => {
    const check = new Ajv2020({ allErrors: false }).compile(committed);

    it('accepts the example profile', () => {
      expect(check(example), JSON.stringify(check.errors)).toBe(true);
      expect(validateProfile(example).ok).toBe(true);
    });

    it.each([
      ['an unknown key', { ...example, colour: 'blue' }],
      ['a misspelt nested key', { ...example, permissions: { outbond: false } }],
      ['a missing server list', { ...example, servers: undefined }],
      ['an empty server list', { ...example, servers: [] }],
      [
        'a bad quick connect kind',
        { ...example, quickConnects: [{ id: 'a', kind: 'x', name: 'A', target: '1' }] },
      ],
      ['a ring timeout too long', { ...example, ringTimeoutSec: 121 }],
      ['a lower-case country', { ...example, dialing: { defaultCountry: 'gb' } }],
      [
        'a short number of 9 digits',
        {
          ...example,
          dialing: {
            defaultCountry: 'US',
            shortNumbers: [{ prefix: '4', digits: 9, expandTo: '+1' }],
          },
        },
      ],
      [
        'a status label in French',
        { ...example, statuses: [{ id: 'a', label: 'A', labels: { fr: 'A' } }] },
      ],
      ['an http server', { ...example, servers: ['https://sip.example.com'] }],
    ])('refuses %s', (_name, profile) => {
      const json: unknown = JSON.parse(JSON.stringify(profile));
      expect(check(json)).toBe(false);
      expect(validateProfile(json).ok).toBe(false);
    });
  });
});

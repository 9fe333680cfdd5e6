import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { redactJson, redactText } from './redactText';

/** A log seeded with one secret of each kind, each marked SEED- so a leak is easy to find. */
const SEEDED = readFileSync(new URL('./fixtures/seeded-secrets.log', import.meta.url), 'utf8');

describe('redactText on a log seeded with each kind of secret', () => {
  const redacted = redactText(SEEDED);

  it('leaves no seeded secret in the text', () => {
    expect(redacted).not.toMatch(/SEED-/);
  });

  it.each([
    ['a password field', /"password":"\*\*\*"/],
    ['a password field nested under another name', /"sipPassword":"\*\*\*"/],
    [
      'a SIP Authorization header with its digest response',
      /REGISTER failed: Authorization: Digest \*\*\*"/,
    ],
    ['a Proxy-Authorization header', /Proxy-Authorization: Digest \*\*\*"/],
    ['a token in a URL', /p\.json\?token=\*\*\* answered 403/],
    ['a bearer token', /Bearer \*\*\*/],
    ['a password in a URI', /wss:\/\/agent1:\*\*\*@pbx\.example\.com\/ws unreachable/],
    ['a JSON web token', /"text":"\*\*\*"/],
    ['a digest response quoted alone', /response=\\"\*\*\*\\" rejected with 403 Forbidden/],
  ])('masks %s and keeps the words around it', (_kind, expected) => {
    expect(redacted).toMatch(expected);
  });

  it('keeps what support needs: messages, SIP addresses, status codes', () => {
    expect(redacted).toContain('"message":"signed in","data":{"uri":"sip:agent1@pbx.example.com"}');
    expect(redacted).toContain('"status":401');
    expect(redacted.split('\n')).toHaveLength(SEEDED.split('\n').length);
  });
});

describe('redactJson', () => {
  it('masks secret-named keys at any depth and secrets inside string values', () => {
    expect(
      redactJson({
        servers: ['wss://pbx.example.com/ws'],
        identity: { sipUri: 'sip:a@b.example', password: 'SEED' },
        list: [{ apiKey: 'SEED' }, 'https://x.example/?token=SEED'],
      }),
    ).toEqual({
      servers: ['wss://pbx.example.com/ws'],
      identity: { sipUri: 'sip:a@b.example', password: '***' },
      list: [{ apiKey: '***' }, 'https://x.example/?token=***'],
    });
  });
});

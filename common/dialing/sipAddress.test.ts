import { describe, expect, it } from 'vitest';
import { isNumericUser, isSipUserName, parseSipAddress } from './sipAddress';

const typed = { requireScheme: false };
const link = { requireScheme: true };

describe('parseSipAddress', () => {
  it('parses and normalises scheme and host, keeping user and params', () => {
    expect(parseSipAddress('SIPS:Alice@PBX.Example.com:5061;transport=TLS', typed)).toEqual({
      scheme: 'sips',
      user: 'Alice',
      host: 'pbx.example.com',
      uri: 'sips:Alice@pbx.example.com:5061;transport=TLS',
    });
  });

  it('defaults the scheme to sip: for typed input only', () => {
    expect(parseSipAddress('alice@example.com', typed)?.uri).toBe('sip:alice@example.com');
    expect(parseSipAddress('alice@example.com', link)).toBeUndefined();
  });

  it('accepts IPv4 and bracketed IPv6 hosts', () => {
    expect(parseSipAddress('sip:1001@192.0.2.10', link)?.host).toBe('192.0.2.10');
    expect(parseSipAddress('sip:1001@[2001:db8::1]:5060', link)?.uri).toBe(
      'sip:1001@[2001:db8::1]:5060',
    );
  });

  it.each([
    'sip:alice',
    'sip:@example.com',
    'sip:alice@',
    'sip:alice:secret@example.com',
    'sip:alice@example.com?Subject=hi',
    'sip:alice@exa mple.com',
    'sip:ali ce@example.com',
    'sip:a@b@example.com',
    'sip:alice@example.com:0',
    'sip:alice@example.com:65536',
    'sip:alice@-example.com',
    `sip:alice@${'a'.repeat(64)}.com`,
    `sip:${'a'.repeat(65)}@example.com`,
    `sip:alice@example.com${';p=1'.repeat(9)}`,
    'http:alice@example.com',
  ])('refuses %s', (text) => {
    expect(parseSipAddress(text, typed)).toBeUndefined();
  });
});

describe('isSipUserName', () => {
  it.each([
    ['customer1', true],
    ['alice.smith', true],
    ['a', true],
    ['x1001', true],
    ['1001', false],
    ['1-800-FLOWERS', false],
    ['alice smith', false],
    ['alice@example.com', false],
    ['', false],
    ['a'.repeat(65), false],
  ])('%s -> %s', (text, expected) => {
    expect(isSipUserName(text)).toBe(expected);
  });
});

describe('isNumericUser', () => {
  it.each([
    ['911', true],
    ['+17347644357', true],
    ['734-764.4357', true],
    ['+', false],
    ['-', false],
    ['alice', false],
    ['1001a', false],
  ])('%s -> %s', (user, expected) => {
    expect(isNumericUser(user)).toBe(expected);
  });
});

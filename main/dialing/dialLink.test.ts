import { describe, expect, it } from 'vitest';
import { MAX_DIAL_LINK_LENGTH, parseDialLink } from './dialLink';

describe('parseDialLink: tel:', () => {
  it.each([
    ['tel:+1-734-764-4357', '+17347644357'],
    ['TEL:+1.734.764.4357', '+17347644357'],
    ['tel:7347644357;phone-context=+1', '+17347644357'],
    ['tel:7347644357;Phone-Context=%2B1', '+17347644357'],
    ['tel:+1-734-764-4357;phone-context=+44', '+17347644357'],
    ['tel:7347644357;phone-context=example.com', '7347644357'],
    ['tel:7347644357', '7347644357'],
    ['tel:%2B1%20(734)%20764-4357', '+17347644357'],
    ['tel:+17347644357;ext=12', '+17347644357'],
    ['tel://+17347644357/', '+17347644357'],
    ['tel:911', '911'],
  ])('%s -> %s, read as a tel: link', (url, target) => {
    expect(parseDialLink(url)).toEqual({ target, scheme: 'tel' });
  });
});

describe('parseDialLink: callto:', () => {
  it.each([
    ['callto:+442071838750', '+442071838750'],
    ['callto://+442071838750', '+442071838750'],
    ['callto://+442071838750/', '+442071838750'],
    ['callto:+44%2020%207183%208750', '+442071838750'],
    ['callto://+442071838750?call', '+442071838750'],
    ['callto:alice', 'alice'],
    ['callto://alice@Example.com', 'sip:alice@example.com'],
  ])('%s -> %s, read as a callto: link', (url, target) => {
    expect(parseDialLink(url)).toEqual({ target, scheme: 'callto' });
  });
});

describe('parseDialLink: sip: and sips:', () => {
  it.each([
    ['sip:alice@example.com', 'sip:alice@example.com'],
    ['sips:alice@example.com', 'sips:alice@example.com'],
    ['SIP:alice@EXAMPLE.com;transport=tcp', 'sip:alice@example.com;transport=tcp'],
    ['sip:%2B17347644357@carrier.example', 'sip:+17347644357@carrier.example'],
  ])('%s -> %s, read as a sip: link', (url, target) => {
    expect(parseDialLink(url)).toEqual({ target, scheme: 'sip' });
  });
});

describe('parseDialLink: refused', () => {
  it.each([
    '',
    '   ',
    'http://example.com/',
    'https://example.com/tel:+1',
    'javascript:alert(1)',
    'data:text/html,tel',
    'file:///etc/passwd',
    '+17347644357',
    'tel:',
    'tel:abc',
    'tel:*72#',
    'tel:++1',
    'tel:%zz',
    'tel:%0a911',
    'tel:911%00',
    'tel:\u0000911',
    'tel:+1\n734',
    `tel:+${'1'.repeat(40)}`,
    'callto:',
    'callto://',
    'callto:alice smith',
    'callto:<script>',
    'sip:alice',
    'sip://alice@example.com',
    'sip:alice%40evil.com@example.com',
    'sip:alice@example.com?Subject=x',
    'sip:alice@example.com%0d%0aVia:x',
    'tel:+١٢٣',
  ])('%o', (url) => {
    expect(parseDialLink(url)).toBeUndefined();
  });

  it('bounds the length before parsing anything', () => {
    const padded = `tel:+17347644357;x=${'a'.repeat(MAX_DIAL_LINK_LENGTH)}`;
    expect(parseDialLink(padded)).toBeUndefined();
    expect(parseDialLink(padded.slice(0, MAX_DIAL_LINK_LENGTH))).toEqual({
      target: '+17347644357',
      scheme: 'tel',
    });
  });

  it('trims the whitespace a shell or OS may add', () => {
    expect(parseDialLink('  tel:+17347644357 ')).toEqual({
      target: '+17347644357',
      scheme: 'tel',
    });
  });
});

describe('parseDialLink: edge cases that must refuse, never throw', () => {
  it.each(['callto:%zz', 'callto:alice@', 'callto:@example.com', 'sip:%zz@example.com', 'tel:%'])(
    '%o',
    (url) => {
      expect(parseDialLink(url)).toBeUndefined();
    },
  );

  it('takes a link of exactly MAX_DIAL_LINK_LENGTH characters and refuses one more', () => {
    const link = (length: number) => `tel:+17347644357;x=${'a'.repeat(length - 19)}`;
    expect(link(MAX_DIAL_LINK_LENGTH)).toHaveLength(MAX_DIAL_LINK_LENGTH);
    expect(parseDialLink(link(MAX_DIAL_LINK_LENGTH))).toEqual({
      target: '+17347644357',
      scheme: 'tel',
    });
    expect(parseDialLink(link(MAX_DIAL_LINK_LENGTH + 1))).toBeUndefined();
  });
});

describe('parseDialLink: tel: parameters and digit bounds', () => {
  it.each([
    ['tel:7347644357;ext=1;phone-context=+1', '+17347644357'],
    ['tel:7347644357;phone-context=+', '7347644357'],
    ['tel:7347644357;phone-context=%zz', '7347644357'],
    ['tel:7347644357;phone-context', '7347644357'],
  ])('%s -> %s', (url, target) => {
    expect(parseDialLink(url)).toEqual({ target, scheme: 'tel' });
  });

  it('takes up to 20 digits and refuses 21', () => {
    expect(parseDialLink(`tel:+${'1'.repeat(20)}`)).toEqual({
      target: `+${'1'.repeat(20)}`,
      scheme: 'tel',
    });
    expect(parseDialLink(`tel:+${'1'.repeat(21)}`)).toBeUndefined();
  });

  it.each(['tel:---', 'callto:---', 'callto:a@b@c'])('%o has nothing to dial', (url) => {
    expect(parseDialLink(url)).toBeUndefined();
  });
});

describe('parseDialLink: what only the link-level checks refuse', () => {
  it.each([
    'tel:+1\u00a0734\u00a0764\u00a04357',
    'tel:+1\u200b7347644357',
    'tel:+\u0661\u0662\u0663\u0664',
  ])(
    'refuses raw non-ASCII before the end of the link (%o), though the number inside reads as digits',
    (url) => {
      expect(parseDialLink(url)).toBeUndefined();
    },
  );

  it('refuses a local tel: number with no digits even when it has a global phone-context', () => {
    expect(parseDialLink('tel:---;phone-context=+1')).toBeUndefined();
  });

  it('applies only the phone-context parameter, never another parameter holding a "+" number', () => {
    expect(parseDialLink('tel:7347644357;isub=+44')).toEqual({
      target: '7347644357',
      scheme: 'tel',
    });
  });

  it.each(['callto:ali//ce', 'callto:a/lice', 'callto://a/lice/'])(
    'strips slashes only at the ends of a callto: link, so %o is no user name',
    (url) => {
      expect(parseDialLink(url)).toBeUndefined();
    },
  );
});

describe('parseDialLink: scheme case, slashes and decoding per scheme', () => {
  it.each([
    ['CALLTO://+442071838750/', { target: '+442071838750', scheme: 'callto' }],
    ['tEl://+17347644357/', { target: '+17347644357', scheme: 'tel' }],
    ['Sips:alice@example.com', { target: 'sips:alice@example.com', scheme: 'sip' }],
  ] as const)('reads the scheme of %o whatever its case', (url, link) => {
    expect(parseDialLink(url)).toEqual(link);
  });

  it('prefixes a local tel: number with a global phone-context that holds an area code too', () => {
    expect(parseDialLink('tel:7644357;phone-context=+1-734')).toEqual({
      target: '+17347644357',
      scheme: 'tel',
    });
  });

  it('leaves a local tel: number alone when its phone-context decodes to a control character', () => {
    expect(parseDialLink('tel:7347644357;phone-context=%2B1%0a')).toEqual({
      target: '7347644357',
      scheme: 'tel',
    });
  });

  it.each(['callto:alice@example.com', 'callto:alice%40example.com'])(
    'reads the address in %o as a sip: URI',
    (url) => {
      expect(parseDialLink(url)).toEqual({ target: 'sip:alice@example.com', scheme: 'callto' });
    },
  );

  it('strips no slash from a sip: link: a trailing one is no part of an address', () => {
    expect(parseDialLink('sip:alice@example.com/')).toBeUndefined();
  });

  it.each(['callto:alice%09', 'callto:%7f', 'callto:+44%0a2071838750', 'sip:alice@example.com%09'])(
    'refuses %o: it decodes to a control character',
    (url) => {
      expect(parseDialLink(url)).toBeUndefined();
    },
  );

  it.each(['tel:+', 'tel:%2B', 'callto:+', 'callto:%2B'])(
    'refuses %o: a plus sign with no digits',
    (url) => {
      expect(parseDialLink(url)).toBeUndefined();
    },
  );
});

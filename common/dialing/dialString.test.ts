import { describe, expect, it } from 'vitest';
import { isShortCode, stripVisualSeparators, toDialString } from './dialString';

describe('stripVisualSeparators', () => {
  it('removes RFC 3966 separators, whitespace, slashes and brackets', () => {
    expect(stripVisualSeparators(' (734) 764-4357 ')).toBe('7347644357');
    expect(stripVisualSeparators('734.764/4357')).toBe('7347644357');
    expect(stripVisualSeparators('[0]20 7183 8750')).toBe('02071838750');
  });

  it('removes Unicode dashes, no-break, ideographic and zero-width spaces', () => {
    expect(stripVisualSeparators('734\u2013764\u2014435\u22127')).toBe('7347644357');
    expect(stripVisualSeparators('734\u00a0764\u3000435\u200b7')).toBe('7347644357');
  });

  it('folds full-width forms first', () => {
    expect(stripVisualSeparators('＋４４（２０）')).toBe('+4420');
  });

  it('keeps everything else', () => {
    expect(stripVisualSeparators('a*b#c+')).toBe('a*b#c+');
  });
});

describe('toDialString', () => {
  it('returns the digits and whether a "+" led', () => {
    expect(toDialString('+44 20 7183 8750')).toEqual({
      text: '+442071838750',
      digits: '442071838750',
      international: true,
    });
    expect(toDialString('(734) 764-4357')).toEqual({
      text: '7347644357',
      digits: '7347644357',
      international: false,
    });
  });

  it('maps Arabic-Indic, Persian and full-width digits to ASCII', () => {
    expect(toDialString('٧٣٤')?.text).toBe('734');
    expect(toDialString('۷۳۴')?.text).toBe('734');
    expect(toDialString('７３４')?.text).toBe('734');
  });

  it('refuses digits of other scripts rather than guess', () => {
    expect(toDialString('१२३')).toBeUndefined();
  });

  it.each(['++1', '1+1', 'abc', '911a', '*72', '12#', '7 x 12'])('refuses %s', (input) => {
    expect(toDialString(input)).toBeUndefined();
  });

  it('returns empty digits for separators only, so callers can tell empty from invalid', () => {
    expect(toDialString(' - ')).toEqual({ text: '', digits: '', international: false });
    expect(toDialString('+')).toEqual({ text: '+', digits: '', international: true });
  });
});

describe('isShortCode', () => {
  it.each([
    ['1', false],
    ['12', true],
    ['123456', true],
    ['1234567', false],
    ['12a', false],
    ['', false],
  ])('%s -> %s', (digits, expected) => {
    expect(isShortCode(digits)).toBe(expected);
  });
});

import { describe, expect, it } from 'vitest';
import { classifyEntry, compileNumberList } from './numberList';

describe('classifyEntry', () => {
  it.each([
    ['1001', 'US', { kind: 'shortCode', digits: '1001' }],
    ['10-01', 'US', { kind: 'shortCode', digits: '1001' }],
    ['988', 'US', { kind: 'shortCode', digits: '988' }],
    ['+1 734 764 4357', 'GB', { kind: 'e164', e164: '+17347644357' }],
    ['7347644357', 'US', { kind: 'e164', e164: '+17347644357' }],
    ['020 7183 8750', 'GB', { kind: 'e164', e164: '+442071838750' }],
  ] as const)('%s (%s) -> %o', (entry, country, expected) => {
    expect(classifyEntry(entry, country)).toEqual(expected);
  });

  it.each(['1', '+1001', '555-1234', 'abc', '*72', ''])('refuses %s', (entry) => {
    expect(classifyEntry(entry, 'US')).toBeUndefined();
  });

  it('reads national digits with the default country', () => {
    expect(classifyEntry('2075551234', 'US')).toEqual({ kind: 'e164', e164: '+12075551234' });
    expect(classifyEntry('2075551234', 'GB')).toEqual({ kind: 'e164', e164: '+442075551234' });
  });
});

describe('compileNumberList', () => {
  it('splits entries into short codes and E.164 numbers, skipping bad ones', () => {
    const list = compileNumberList(['1001', '+44 20 7183 8750', 'junk', '(734) 764-4357'], 'US');
    expect([...list.shortCodes]).toEqual(['1001']);
    expect([...list.e164].sort()).toEqual(['+17347644357', '+442071838750']);
  });

  it('is empty for no entries', () => {
    const list = compileNumberList(undefined, 'US');
    expect(list.shortCodes.size + list.e164.size).toBe(0);
  });
});

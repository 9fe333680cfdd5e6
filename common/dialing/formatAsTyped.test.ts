import { describe, expect, it } from 'vitest';
import { formatAsTyped } from './formatAsTyped';

describe('formatAsTyped', () => {
  it.each([
    ['7', 'US', '7'],
    ['734', 'US', '(734)'],
    ['734764', 'US', '(734) 764'],
    ['7347644357', 'US', '(734) 764-4357'],
    ['17347644357', 'US', '1 (734) 764-4357'],
    ['02071838750', 'GB', '020 7183 8750'],
    ['020718', 'GB', '020 718'],
    ['+4420', 'US', '+44 20'],
    ['+442071838750', 'US', '+44 20 7183 8750'],
    ['011442071838750', 'US', '011 44 20 7183 8750'],
  ] as const)('%s (%s) -> %s', (input, country, expected) => {
    expect(formatAsTyped(input, country)).toBe(expected);
  });

  it('reformats input that already has separators', () => {
    expect(formatAsTyped('734-764 4357', 'US')).toBe('(734) 764-4357');
    expect(formatAsTyped('７３４７６４４３５７', 'US')).toBe('(734) 764-4357');
  });

  it.each(['customer1', 'sip:alice@example.com', '*72', '12#', '++1', '+', '', ' '])(
    'leaves %o as typed',
    (input) => {
      expect(formatAsTyped(input, 'US')).toBe(input);
    },
  );

  it('leaves overlong input alone', () => {
    const long = '1'.repeat(65);
    expect(formatAsTyped(long, 'US')).toBe(long);
  });
});

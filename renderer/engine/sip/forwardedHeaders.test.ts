import { describe, expect, it } from 'vitest';
import { forwardedHeaders, MAX_FORWARDED_HEADERS } from './forwardedHeaders';

const header = (raw: string) => [{ raw }];

describe('forwardedHeaders', () => {
  it('forwards X- headers and the names the account lists, case-insensitively', () => {
    const forwarded = forwardedHeaders(
      {
        'X-Queue-Name': header('Sales'),
        'P-Callback': header('yes'),
        Subject: header('hello'),
        'User-Agent': header('PBX'),
      },
      ['p-CALLBACK', 'Subject'],
    );
    expect(forwarded).toEqual({ 'x-queue-name': 'Sales', 'p-callback': 'yes', subject: 'hello' });
  });

  it('bounds how many headers and how much text cross into main', () => {
    const many = Object.fromEntries(
      Array.from({ length: 40 }, (_, index) => [`X-H${index}`, header('v'.repeat(1000))]),
    );
    const forwarded = forwardedHeaders(many, []);
    expect(Object.keys(forwarded)).toHaveLength(MAX_FORWARDED_HEADERS);
    expect(Object.values(forwarded).every((value) => value.length === 256)).toBe(true);
  });
});

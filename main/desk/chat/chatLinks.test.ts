import { describe, expect, it } from 'vitest';
import { openChatLink } from './chatLinks';

describe('links in chat lines', () => {
  it.each(['https://example.com/order?id=7', 'http://example.com'])('opens %s', (url) => {
    const opened: string[] = [];
    expect(openChatLink(url, (link) => opened.push(link))).toEqual({ ok: true });
    expect(opened).toHaveLength(1);
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    'vbscript:msgbox',
    '//example.com',
    'example.com',
    '',
  ])('refuses %j without opening anything', (url) => {
    const opened: string[] = [];
    expect(openChatLink(url, (link) => opened.push(link))).toEqual({
      ok: false,
      reason: 'linkNotAllowed',
    });
    expect(opened).toEqual([]);
  });
});

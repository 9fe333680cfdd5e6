import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { renderMarkup } from '../shared/renderMarkup.testkit';
import { ChatText } from './ChatText';
import { safeHref } from './markdownPolicy';

const html = (text: string) => renderMarkup(createElement(ChatText, { text }));

describe('chat line rendering (the sanitiser configuration)', () => {
  it('renders bold, italic, lists and code', () => {
    const markup = html('**bold** _italic_ `code`\n\n- one\n- two');
    expect(markup).toContain('<strong>bold</strong>');
    expect(markup).toContain('<em>italic</em>');
    expect(markup).toContain('<code>code</code>');
    expect(markup).toContain('<li>one</li>');
  });

  it('shows raw HTML as text: no img element, no onerror attribute', () => {
    const markup = html('hi <img src=x onerror=alert(1)> there <script>alert(2)</script>');
    expect(markup).not.toMatch(/<img|<script/i);
    expect(markup).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(markup).toContain('&lt;script&gt;');
  });

  it('keeps an https link, and drops the href of a javascript: link', () => {
    expect(html('[order](https://shop.example/o/7)')).toContain('href="https://shop.example/o/7"');
    const evil = html('[click](javascript:alert(1))');
    expect(evil).not.toContain('href');
    expect(evil).not.toContain('javascript');
    expect(evil).toContain('click');
  });

  it('never loads an image written as markdown', () => {
    expect(html('![x](https://tracker.example/p.png)')).not.toContain('<img');
  });

  it.each([
    ['https://a.example', 'https://a.example'],
    ['http://a.example', 'http://a.example'],
    ['javascript:alert(1)', ''],
    ['data:text/html,x', ''],
    ['/relative', ''],
  ])('safeHref(%j) is %j', (url, expected) => {
    expect(safeHref(url)).toBe(expected);
  });
});

import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, pageUrl, servedFile, servedHeaders } from './pageServing';

const ROOT = '/opt/OpenCCP/resources/app.asar/out/renderer';

describe('where the pages load from', () => {
  it('packaged: always app://, whatever the environment says', () => {
    expect(pageUrl('ui', { packaged: true, devServer: 'http://evil.example' })).toBe(
      'app://openccp/ui/index.html',
    );
  });

  it('not packaged: the dev server when one runs, app:// otherwise', () => {
    expect(pageUrl('engine', { packaged: false, devServer: 'http://localhost:5173' })).toBe(
      'http://localhost:5173/engine/index.html',
    );
    expect(pageUrl('engine', { packaged: false })).toBe('app://openccp/engine/index.html');
  });
});

describe('what app:// serves', () => {
  it('serves a page and its assets from the renderer folder', () => {
    expect(servedFile('app://openccp/ui/index.html', ROOT)).toEqual({
      file: `${ROOT}/ui/index.html`,
      contentType: 'text/html; charset=utf-8',
      page: 'ui',
    });
    expect(servedFile('app://openccp/assets/ui-1.js', ROOT)?.contentType).toBe(
      'text/javascript; charset=utf-8',
    );
    expect(servedFile('app://openccp/engine/index.html?x=1#y', ROOT)?.page).toBe('engine');
  });

  it('refuses paths that climb out of the folder, plain or percent-encoded', () => {
    // The URL parser already resolves a plain `..` against the origin's root: still inside.
    expect(servedFile('app://openccp/../main/index.js', ROOT)?.file).toBe(`${ROOT}/main/index.js`);
    // ...and so does `%2e%2e` (WHATWG URL treats it as a dot segment).
    expect(servedFile('app://openccp/ui/%2e%2e/%2e%2e/main/index.js', ROOT)?.file).toBe(
      `${ROOT}/main/index.js`,
    );
    // An encoded slash is not resolved by the parser: refused here.
    expect(
      servedFile('app://openccp/ui/..%2f..%2f..%2f..%2fetc/passwd.json', ROOT),
    ).toBeUndefined();
    expect(servedFile('app://openccp/ui/..%2f..%2fmain/index.js', ROOT)).toBeUndefined();
    expect(servedFile('app://openccp/ui/%5c..%5c..%5cmain.js', ROOT)).toBeUndefined();
    expect(servedFile('app://openccp/ui/%00.html', ROOT)).toBeUndefined();
    expect(servedFile('app://openccp/%E0%A4%A', ROOT)).toBeUndefined();
  });

  it('refuses another host, another scheme, and kinds of file we never ship', () => {
    expect(servedFile('app://elsewhere/ui/index.html', ROOT)).toBeUndefined();
    expect(servedFile('file:///opt/OpenCCP/ui/index.html', ROOT)).toBeUndefined();
    expect(servedFile('app://openccp/preload/ui.cjs', ROOT)).toBeUndefined();
    expect(servedFile('app://openccp/ui/', ROOT)).toBeUndefined();
  });
});

describe('the Content-Security-Policy', () => {
  it.each(['ui', 'engine'] as const)(
    '%s: own scripts only, no base, forms, plugins or framing',
    (page) => {
      const policy = contentSecurityPolicy(page).split('; ');
      expect(policy).toEqual(
        expect.arrayContaining([
          "default-src 'self'",
          "script-src 'self'",
          "base-uri 'none'",
          "form-action 'none'",
          "object-src 'none'",
          "frame-ancestors 'none'",
        ]),
      );
      expect(contentSecurityPolicy(page)).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
    },
  );

  it('lets only the engine open WebSockets to the SIP server', () => {
    expect(contentSecurityPolicy('engine')).toContain("connect-src 'self' ws: wss:");
    expect(contentSecurityPolicy('ui')).not.toContain('connect-src');
  });

  it('sends the policy of the page the file belongs to, and no sniffing', () => {
    const served = servedFile('app://openccp/engine/index.html', ROOT);
    if (!served) throw new Error('not served');
    expect(servedHeaders(served)).toEqual({
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': contentSecurityPolicy('engine'),
      'x-content-type-options': 'nosniff',
    });
  });
});

/**
 * The `app://openccp/` scheme that serves our built pages (main/desktop/pageServing.ts decides
 * what and with which headers). Registered as privileged before the app is ready: `standard`
 * gives it a real origin (so `'self'` in the policy and our own-page checks work), `secure`
 * makes it a secure context (getUserMedia, setSinkId), `supportFetchAPI` lets the pages load
 * their module scripts through it.
 */
import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { APP_SCHEME, servedFile, servedHeaders } from '../desktop/pageServing';

export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

/** Serves the renderer folder; anything else is 404, never a file from elsewhere. */
export function serveAppPages(rendererRoot: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const served = servedFile(request.url, rendererRoot);
    if (!served) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(served.file);
      return new Response(body, { status: 200, headers: servedHeaders(served) });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}

/**
 * Where our pages load from, and what they are served with (DESIGN.md's security baseline).
 * Packaged, and whenever no dev server runs, the built pages come from the privileged
 * `app://openccp/` scheme rather than `file://`: a file page would need the
 * `grantFileProtocolExtraPrivileges` fuse on and could read any file of the machine by URL;
 * `app://` serves only the renderer folder, with a strict Content-Security-Policy header.
 * The dev server's URL only when the app is not packaged: otherwise whoever can set an
 * environment variable could load both pages from anywhere, and that page would count as our
 * own origin and get the microphone and the `ccp` API.
 *
 * Electron-free: main/shell/appProtocol.ts serves with it, the harness's static server sends
 * the same header, and each decision is unit-tested here.
 */
import { extname, join, normalize, sep } from 'node:path';

export type PageName = 'ui' | 'engine';

export const APP_SCHEME = 'app';
export const APP_HOST = 'openccp';
const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

export function pageUrl(
  page: PageName,
  options: { packaged: boolean; devServer?: string },
): string {
  if (options.devServer && !options.packaged) return `${options.devServer}/${page}/index.html`;
  return `${APP_ORIGIN}/${page}/index.html`;
}

/**
 * The policy of each page. Both: scripts only our own, no <base>, no form posts, no plugins,
 * never framed. The UI renders caller-controlled text (chat) and shows data: images; the
 * engine talks SIP over WebSocket to the agent's server (any host: the profile names it) and
 * plays remote streams.
 */
const COMMON_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
  "frame-ancestors 'none'",
];
const PAGE_POLICY: Record<PageName, readonly string[]> = {
  ui: ["style-src 'self' 'unsafe-inline'", "img-src 'self' data:"],
  engine: [
    "connect-src 'self' ws: wss:",
    "media-src 'self' blob: mediastream:",
    "style-src 'self'",
  ],
};

export function contentSecurityPolicy(page: PageName): string {
  return [...COMMON_POLICY, ...PAGE_POLICY[page]].join('; ');
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.wav': 'audio/wav',
};

export interface ServedFile {
  /** The file on disk, inside the renderer folder. */
  file: string;
  contentType: string;
  /** The page whose policy applies: the folder it is in (assets are shared: the UI's). */
  page: PageName;
}

/**
 * The file an `app://openccp/...` URL names inside `root`, or undefined: another host, a path
 * that climbs out of the folder (also percent-encoded), or a kind of file we never ship.
 */
export function servedFile(url: string, root: string): ServedFile | undefined {
  if (!URL.canParse(url)) return undefined;
  const parsed = new URL(url);
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return undefined;
  let path: string;
  try {
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return undefined;
  }
  if (path.includes('\0') || path.split(/[\\/]/).includes('..')) return undefined;
  const file = normalize(join(root, path));
  if (!file.startsWith(normalize(root) + sep)) return undefined;
  const contentType = TYPES[extname(file).toLowerCase()];
  if (!contentType) return undefined;
  const page: PageName = path.startsWith('/engine/') ? 'engine' : 'ui';
  return { file, contentType, page };
}

/** The headers every served file carries. */
export function servedHeaders(served: ServedFile): Record<string, string> {
  return {
    'content-type': served.contentType,
    'content-security-policy': contentSecurityPolicy(served.page),
    'x-content-type-options': 'nosniff',
  };
}

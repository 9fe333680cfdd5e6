/**
 * What our pages may do beyond the page itself (the shell applies it, DESIGN.md's security
 * baseline): which URLs are our own pages, who gets the microphone, and which links may open
 * in the agent's browser. Electron-free, so each decision is unit-tested here.
 */

/** Our pages are matched on origin and path; the query (`?view=widget`) and hash do not count. */
export function ownPageMatcher(ownUrls: readonly string[]): (url: string) => boolean {
  const key = (url: string): string | undefined => {
    if (!URL.canParse(url)) return undefined;
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
  };
  const own = new Set(ownUrls.map(key).filter((entry) => entry !== undefined));
  return (url) => {
    const candidate = key(url);
    return candidate !== undefined && own.has(candidate);
  };
}

export interface MediaRequest {
  permission: string;
  /** The URL of the frame that asked, not of the window: an iframe must not borrow our grant. */
  requestingUrl: string;
  isMainFrame: boolean;
  /** What a request asks for (`audio`, `video`); a permission check names at most one. */
  mediaTypes: readonly string[] | undefined;
}

/**
 * The microphone for our own pages' top frames, audio only. A request for video (or for
 * nothing named) is refused: a softphone never needs the camera.
 */
export function grantsMediaRequest(
  request: MediaRequest,
  isOwnUrl: (url: string) => boolean,
): boolean {
  // Choosing the speaker or ringer (setSinkId to a device other than the default) asks this.
  if (request.permission === 'speaker-selection') {
    return request.isMainFrame && isOwnUrl(request.requestingUrl);
  }
  if (request.permission !== 'media' || !request.isMainFrame) return false;
  if (!isOwnUrl(request.requestingUrl)) return false;
  const types = request.mediaTypes ?? [];
  return types.length > 0 && types.every((type) => type === 'audio');
}

/**
 * A permission check (devices listed with their names, a getUserMedia about to run): media for
 * our own top frames, never named as video. `unknown` is what Chromium checks before listing
 * devices, which the device choice (B1) needs.
 */
export function allowsMediaCheck(
  request: MediaRequest,
  isOwnUrl: (url: string) => boolean,
): boolean {
  // HID is checked, never requested: the engine page lists headsets that hidGrant.ts allows.
  if (request.permission === 'speaker-selection' || request.permission === 'hid') {
    return request.isMainFrame && isOwnUrl(request.requestingUrl);
  }
  if (request.permission !== 'media' || !request.isMainFrame) return false;
  if (!isOwnUrl(request.requestingUrl)) return false;
  return (request.mediaTypes ?? []).every((type) => type === 'audio' || type === 'unknown');
}

/**
 * Links a page asks to open go to the agent's browser only from the CCP (a CRM link in a
 * note), only for http(s). The engine page handles SIP from strangers and opens nothing.
 */
export function opensExternally(page: 'ui' | 'engine', url: string): boolean {
  if (page === 'engine') return false;
  return /^https?:\/\//i.test(url) && URL.canParse(url);
}

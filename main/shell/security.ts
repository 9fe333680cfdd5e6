/**
 * The security baseline every window gets: no navigation away from our pages, no popups,
 * external links only to http(s) in the browser, and microphone (and HID, see hidGrant.ts)
 * access for our origin only.
 */
import { shell, type Session, type WebContents } from 'electron';

export function hardenContents(contents: WebContents, isOwnUrl: (url: string) => boolean): void {
  contents.on('will-navigate', (event, url) => {
    if (!isOwnUrl(url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (/^https?:\/\//i.test(url) && URL.canParse(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

/**
 * The microphone ('media'), and choosing the speaker and ringer (setSinkId to a device other
 * than the default asks for 'speaker-selection').
 */
const AUDIO_PERMISSIONS: ReadonlySet<string> = new Set(['media', 'speaker-selection']);

export function grantMediaToOwnPages(session: Session, isOwnUrl: (url: string) => boolean): void {
  session.setPermissionRequestHandler((contents, permission, callback) => {
    callback(AUDIO_PERMISSIONS.has(permission) && isOwnUrl(contents.getURL()));
  });
  // 'hid' is checked, not requested: the engine page lists headsets (shell/hidGrant.ts decides
  // which devices) and never calls navigator.hid.requestDevice, so no chooser is ever asked for.
  session.setPermissionCheckHandler(
    (contents, permission, _origin, details) =>
      (AUDIO_PERMISSIONS.has(permission) || permission === 'hid') &&
      isOwnUrl(details.requestingUrl ?? contents?.getURL() ?? ''),
  );
}

/**
 * The security baseline every window gets: no navigation away from our pages, no popups,
 * external links only from the CCP and only to http(s) in the browser (the engine page opens
 * none), and the microphone for our own pages' top frames, audio only, with the speaker choice
 * (setSinkId) and HID headsets (see hidGrant.ts) for those pages too (main/desktop/pagePolicy).
 */
import { shell, type Session, type WebContents } from 'electron';
import { allowsMediaCheck, grantsMediaRequest, opensExternally } from '../desktop/pagePolicy';

export function hardenContents(
  contents: WebContents,
  page: 'ui' | 'engine',
  isOwnUrl: (url: string) => boolean,
): void {
  contents.on('will-navigate', (event, url) => {
    if (!isOwnUrl(url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (opensExternally(page, url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

export function grantMediaToOwnPages(session: Session, isOwnUrl: (url: string) => boolean): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const media = 'mediaTypes' in details ? details.mediaTypes : undefined;
    callback(
      grantsMediaRequest(
        {
          permission,
          requestingUrl: details.requestingUrl,
          isMainFrame: details.isMainFrame,
          mediaTypes: media,
        },
        isOwnUrl,
      ),
    );
  });
  session.setPermissionCheckHandler((contents, permission, _origin, details) =>
    allowsMediaCheck(
      {
        permission,
        requestingUrl: details.requestingUrl ?? contents?.getURL() ?? '',
        isMainFrame: details.isMainFrame,
        mediaTypes: details.mediaType ? [details.mediaType] : undefined,
      },
      isOwnUrl,
    ),
  );
}

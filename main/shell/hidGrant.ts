/**
 * Which HID devices our pages may use: telephony headsets only, and only our own pages.
 *
 * Electron asks `setDevicePermissionHandler` for every HID device a page's
 * `navigator.hid.getDevices()` could list (ElectronHidDelegate::HasDevicePermission, through
 * the session's HID chooser context); answering true lists the device without any chooser,
 * which is how the engine page finds headsets on Windows and macOS. Keyboards, mice and
 * security keys stay out of reach of every page, ours included.
 */
import type { Session } from 'electron';
import { hasTelephonyCollection } from '../../common/contract';

/** The origin Electron reports for one of our pages: `app://openccp` for the built pages. */
export function originOfPage(url: string): string {
  if (url.startsWith('file:')) return 'file://';
  if (!URL.canParse(url)) return '';
  const parsed = new URL(url);
  // Node's URL gives a custom scheme the opaque origin 'null'; Electron registers app:// as
  // standard, so Chromium gives it a real one.
  return parsed.protocol === 'app:' ? `app://${parsed.host}` : parsed.origin;
}

/** Electron has given file origins as `file://` and as `file:///`; http ones without a slash. */
function normalOrigin(origin: string): string {
  return origin.startsWith('file:') ? 'file://' : origin.replace(/\/$/, '');
}

interface DeviceRequest {
  deviceType: string;
  origin: string;
  device: object;
}

/** Whether to let a page at `origin` use this device (pure: the unit tests call it). */
export function mayUseHidDevice(request: DeviceRequest, ownOrigins: readonly string[]): boolean {
  if (request.deviceType !== 'hid') return false;
  if (!ownOrigins.includes(normalOrigin(request.origin))) return false;
  const collections: unknown = (request.device as { collections?: unknown }).collections;
  return (
    Array.isArray(collections) &&
    hasTelephonyCollection(
      collections.map((collection: unknown) => ({
        usagePage: (collection as { usagePage?: unknown }).usagePage === 0x0b ? 0x0b : -1,
      })),
    )
  );
}

export function grantTelephonyHidToOwnPages(
  session: Pick<Session, 'setDevicePermissionHandler'>,
  pageUrls: readonly string[],
): void {
  const ownOrigins = pageUrls.map(originOfPage).filter(Boolean);
  session.setDevicePermissionHandler((details) => mayUseHidDevice(details, ownOrigins));
}

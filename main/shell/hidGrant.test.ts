import { describe, expect, it } from 'vitest';
import { grantTelephonyHidToOwnPages, mayUseHidDevice, originOfPage } from './hidGrant';

const headset = {
  collections: [
    { usagePage: 0x0b, usage: 5 },
    { usagePage: 0xff30, usage: 1 },
  ],
};
const keyboard = { collections: [{ usagePage: 0x01, usage: 6 }] };
const OWN = ['file://', 'http://localhost:5173'];

describe('which HID devices our pages may use', () => {
  it('names the origin Electron reports for a packaged page and for the dev server', () => {
    expect(originOfPage('file:///opt/OpenCCP/resources/app/out/renderer/engine/index.html')).toBe(
      'file://',
    );
    expect(originOfPage('http://localhost:5173/engine/index.html')).toBe('http://localhost:5173');
    expect(originOfPage('not a url')).toBe('');
    // Electron registers app:// as a standard scheme: Chromium gives it this origin.
    expect(originOfPage('app://openccp/engine/index.html')).toBe('app://openccp');
  });

  it('grants a telephony headset to our own pages, with either spelling of the file origin', () => {
    for (const origin of [
      'file://',
      'file:///',
      'http://localhost:5173',
      'http://localhost:5173/',
    ]) {
      expect(mayUseHidDevice({ deviceType: 'hid', origin, device: headset }, OWN)).toBe(true);
    }
  });

  it('refuses a keyboard, another origin, a device without collections, and USB or serial devices', () => {
    const refused = [
      { deviceType: 'hid', origin: 'file://', device: keyboard },
      { deviceType: 'hid', origin: 'https://evil.example', device: headset },
      { deviceType: 'hid', origin: 'file://', device: {} },
      { deviceType: 'usb', origin: 'file://', device: headset },
      { deviceType: 'serial', origin: 'file://', device: headset },
    ];
    for (const request of refused) expect(mayUseHidDevice(request, OWN)).toBe(false);
  });

  it("sets the session's device permission handler from our pages' URLs", () => {
    let handler: ((details: never) => boolean) | undefined;
    grantTelephonyHidToOwnPages(
      { setDevicePermissionHandler: (next) => (handler = next as typeof handler) ?? undefined },
      ['file:///app/renderer/ui/index.html', 'file:///app/renderer/engine/index.html'],
    );
    const ask = (origin: string) =>
      handler?.({ deviceType: 'hid', origin, device: headset } as never);
    expect(ask('file://')).toBe(true);
    expect(ask('http://localhost:5173')).toBe(false);
  });
});

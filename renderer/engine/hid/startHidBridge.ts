/**
 * Binds the HID bridge to navigator.hid when the page has both (the engine window in the app;
 * a browser without WebHID, or a page without the preload, simply has no WebHID headsets).
 */
import { HID_GLOBAL, type HidBridgeApi } from '../../../common/contract';
import { HidBridge } from './HidBridge';
import type { HID } from './webHidApi';

export function startHidBridge(): void {
  const api = (window as unknown as Record<string, HidBridgeApi | undefined>)[HID_GLOBAL];
  const hid = (navigator as unknown as { hid?: HID }).hid;
  if (!api || !hid) return;
  const bridge = new HidBridge(hid, (event) => {
    void api.report(event).catch((error: unknown) => console.error('HID event refused', error));
  });
  api.onCommand((command) => void bridge.handle(command));
  void api.report({ type: 'ready' });
}

/**
 * Entry of the hidden engine page: binds the SipEngine to the bridge the preload exposed.
 */
import { ENGINE_GLOBAL, type EngineBridge } from '../../common/contract';
import { startHidBridge } from './hid/startHidBridge';
import { SipEngine } from './SipEngine';
import { DeviceWatcher } from './audio/DeviceWatcher';
import { learnAudioCodecsWhenIdle } from './sip/incomingOffer';

declare global {
  interface Window {
    [ENGINE_GLOBAL]?: EngineBridge;
    /** Read-only figures for diagnostics export and the bench. */
    openccpEngineDiagnostics?: { readonly iceWaits: readonly number[] };
  }
}

const bridge = window[ENGINE_GLOBAL];
if (!bridge) {
  throw new Error(
    'OpenCCP engine: the preload bridge is missing; the page must run in the engine window',
  );
}
const engine = new SipEngine((event) => {
  void bridge
    .report(event)
    .catch((error: unknown) => console.error('engine event refused', event.type, error));
}, navigator.mediaDevices);
window.openccpEngineDiagnostics = { iceWaits: engine.iceWaits };
bridge.onCommand((command) => engine.handle(command));
// The desk tries the line at once when the network comes back (Reconnection in main).
window.addEventListener('online', () => void bridge.report({ type: 'network', online: true }));
window.addEventListener('offline', () => void bridge.report({ type: 'network', online: false }));
void bridge.report({ type: 'ready' });
// Headsets on Windows and macOS: WebHID, on its own channel (main's WebHidPort).
startHidBridge();
// After `ready`: main sends its routing when it hears ready, and then the devices it resolves.
new DeviceWatcher(navigator.mediaDevices, (event) => void bridge.report(event)).start();
// Before the first offer, not during it.
learnAudioCodecsWhenIdle();

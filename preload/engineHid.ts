/**
 * The engine page's HID inbox and outbox (window.openccpHid), apart from the SIP engine's:
 * main's HID commands in, the devices' events out, each checked against the HID contract.
 */
import { contextBridge, ipcRenderer } from 'electron';
import {
  HID_COMMAND_CHANNEL,
  HID_EVENT_CHANNEL,
  HID_GLOBAL,
  HidCommand,
  type HidBridgeApi,
} from '../common/contract';

export function exposeHidBridge(): void {
  let handler: ((command: HidCommand) => void) | undefined;
  const queued: HidCommand[] = [];

  ipcRenderer.on(HID_COMMAND_CHANNEL, (_event, payload: unknown) => {
    const parsed = HidCommand.safeParse(payload);
    if (!parsed.success) {
      console.error('OpenCCP engine: invalid HID command dropped', parsed.error.issues[0]);
      return;
    }
    if (handler) handler(parsed.data);
    else queued.push(parsed.data);
  });

  const bridge: HidBridgeApi = {
    onCommand(next) {
      handler = next;
      for (const command of queued.splice(0)) next(command);
    },
    async report(event) {
      await ipcRenderer.invoke(HID_EVENT_CHANNEL, event);
    },
  };
  contextBridge.exposeInMainWorld(HID_GLOBAL, bridge);
}

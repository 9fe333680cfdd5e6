/**
 * Preload of the hidden engine window: a command inbox and an event outbox, nothing more.
 * Commands are validated here too, so a compromised main-side bug cannot feed the engine junk.
 */
import { contextBridge, ipcRenderer } from 'electron';
import {
  ENGINE_COMMAND_CHANNEL,
  ENGINE_GLOBAL,
  EngineCommand,
  type EngineBridge,
  type EngineInvokeChannel,
} from '../common/contract';
import { exposeHidBridge } from './engineHid';

const EVENT_CHANNEL: EngineInvokeChannel = 'engine:event';

let handler: ((command: EngineCommand) => void) | undefined;
const queued: EngineCommand[] = [];

ipcRenderer.on(ENGINE_COMMAND_CHANNEL, (_event, payload: unknown) => {
  const parsed = EngineCommand.safeParse(payload);
  if (!parsed.success) {
    console.error('OpenCCP engine: invalid command dropped', parsed.error.issues[0]);
    return;
  }
  if (handler) handler(parsed.data);
  else queued.push(parsed.data);
});

const bridge: EngineBridge = {
  onCommand(next) {
    handler = next;
    for (const command of queued.splice(0)) next(command);
  },
  async report(event) {
    await ipcRenderer.invoke(EVENT_CHANNEL, event);
  },
};

contextBridge.exposeInMainWorld(ENGINE_GLOBAL, bridge);
// The headsets' WebHID path (Windows, macOS) has its own small bridge.
exposeHidBridge();

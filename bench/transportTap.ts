/**
 * Main's side of the bench's step timings: the harness transport's prototype (Electron's
 * ipcMain and webContents in the product) wrapped so the bench sees each invoke a renderer
 * makes and each message main sends, as they happen. Returns a function that puts it back.
 */
import { PlaywrightTransport } from '../e2e/harness/PlaywrightTransport';
import type { InvokeHandler } from '../main/ipc/IpcTransport';

export interface TransportTap {
  /** Runs around main's handler of `channel`: `handle` calls it and returns what it returns. */
  invoke?(channel: string, payload: unknown, handle: () => unknown): unknown;
  /** Before main sends `payload` on `channel`. */
  send?(channel: string, payload: unknown): void;
}

export function tapTransport(tap: TransportTap): () => void {
  const proto = PlaywrightTransport.prototype;
  const { handle, send } = proto;
  proto.handle = function (channel: string, handler: InvokeHandler) {
    const around = tap.invoke;
    const tapped: InvokeHandler = around
      ? (sender, payload) =>
          around(channel, payload, () => handler(sender, payload)) as ReturnType<InvokeHandler>
      : handler;
    handle.call(this, channel, tapped);
  };
  proto.send = function (role, channel, payload) {
    tap.send?.(channel, payload);
    send.call(this, role, channel, payload);
  };
  return () => {
    proto.handle = handle;
    proto.send = send;
  };
}

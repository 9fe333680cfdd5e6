/**
 * A headset opened through the engine page's WebHID, as the HidDevice the controller drives
 * (node-hid's shape): writes go to the page as `send` commands, the page's input reports come
 * back as `data` in node-hid's layout (report id first when the device numbers its reports),
 * and an unplug or a reloaded page is an `error`, as a read error is with node-hid.
 */
import { EventEmitter } from 'node:events';
import type { HidDevice } from '../HidDevice';

/** What the device needs of its port: one command, answered or refused. */
export type HidRequest = (
  command: { type: 'send'; reportId: number; data: number[] } | { type: 'close' },
) => Promise<void>;

export class WebHidDevice extends EventEmitter implements HidDevice {
  private gone = false;

  constructor(
    readonly deviceId: string,
    private readonly request: HidRequest,
    private readonly forget: () => void,
  ) {
    super();
  }

  async write(values: number[]): Promise<number> {
    if (this.gone) throw new Error('Cannot write to hid device');
    const [reportId = 0, ...data] = values;
    await this.request({ type: 'send', reportId, data });
    return values.length;
  }

  async close(): Promise<void> {
    if (this.gone) return;
    this.gone = true;
    this.forget();
    await this.request({ type: 'close' });
  }

  /** An input report as WebHID gives it: the id apart (0 when the device numbers none). */
  received(reportId: number, data: readonly number[]): void {
    this.emit('data', Uint8Array.from(reportId === 0 ? data : [reportId, ...data]));
  }

  /** The device or the page that held it is gone: no more writes, the host hears an error. */
  lost(reason: string): void {
    if (this.gone) return;
    this.gone = true;
    this.forget();
    this.emit('error', new Error(reason));
  }
}

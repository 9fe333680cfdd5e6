/**
 * The desk's EnginePort over IPC. Commands sent before the engine page has loaded are held
 * until its first `ready`, because a message sent to a page that is still loading is lost.
 */
import {
  ENGINE_COMMAND_CHANNEL,
  type EngineCommand,
  type EngineEvent,
} from '../../common/contract';
import type { EnginePort } from '../desk/ports';
import type { IpcTransport } from '../ipc/IpcTransport';

export class EngineLink implements EnginePort {
  private ready = false;
  private readonly held: EngineCommand[] = [];

  constructor(private readonly transport: IpcTransport) {}

  send(command: EngineCommand): void {
    if (this.ready) this.transport.send('engine', ENGINE_COMMAND_CHANNEL, command);
    else this.held.push(command);
  }

  /** The engine page is hung or gone: hold commands for the next one, drop the old page's. */
  lost(): void {
    this.ready = false;
    this.held.length = 0;
  }

  observe(event: EngineEvent): void {
    if (event.type !== 'ready' || this.ready) return;
    this.ready = true;
    for (const command of this.held.splice(0)) this.send(command);
  }
}

/**
 * Binds the contract's invoke channels to handlers, checking the sender's role and validating
 * the payload with the channel's schema before any handler sees it.
 */
import type { z } from 'zod';
import { engineInvokeChannels, uiInvokeChannels, type RendererRole } from '../../common/contract';
import type { Logger } from '../log/Logger';
import { IpcRejection } from './IpcRejection';
import type { IpcTransport } from './IpcTransport';

type ChannelTable = Record<string, { request: z.ZodType; response: z.ZodType }>;

type Handlers<T extends ChannelTable> = {
  [C in keyof T]: (
    request: z.output<T[C]['request']>,
  ) => z.input<T[C]['response']> | Promise<z.input<T[C]['response']>>;
};

/** A handler for every channel the UI may invoke (the composition's uiRoutes). */
export type UiHandlers = Handlers<typeof uiInvokeChannels>;

export class IpcRouter {
  constructor(
    private readonly transport: IpcTransport,
    private readonly logger: Logger,
  ) {}

  bindUi(handlers: UiHandlers): void {
    this.bind('ui', uiInvokeChannels, handlers);
  }

  bindEngine(handlers: Handlers<typeof engineInvokeChannels>): void {
    this.bind('engine', engineInvokeChannels, handlers);
  }

  private bind<T extends ChannelTable>(role: RendererRole, table: T, handlers: Handlers<T>): void {
    for (const channel of Object.keys(table) as Array<keyof T & string>) {
      const schema = table[channel]!.request;
      const handler = handlers[channel];
      this.transport.handle(channel, async (sender, payload) => {
        if (sender.role !== role) {
          this.logger.warn('ipc: sender refused', { channel, url: sender.url, role: sender.role });
          throw new IpcRejection(`${channel}: not allowed from this window`);
        }
        const parsed = schema.safeParse(payload);
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          const where = issue?.path.length ? issue.path.join('.') : '(payload)';
          const message = `${channel}: invalid payload at ${where}: ${issue?.message ?? 'invalid'}`;
          this.logger.warn('ipc: payload refused', { channel, where, issue: issue?.message });
          throw new IpcRejection(message);
        }
        return handler(parsed.data as z.output<T[typeof channel]['request']>);
      });
    }
  }
}

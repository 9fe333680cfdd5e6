import { describe, expect, it } from 'vitest';
import { uiInvokeChannels, type RendererRole } from '../../common/contract';
import { createLogger } from '../log/Logger';
import { IpcRouter } from './IpcRouter';
import type { InvokeHandler, IpcTransport } from './IpcTransport';
import { stubUiHandlers } from './uiHandlers.testkit';

class LoopbackTransport implements IpcTransport {
  readonly handlers = new Map<string, InvokeHandler>();
  handle(channel: string, handler: InvokeHandler): void {
    this.handlers.set(channel, handler);
  }
  send(): void {}
  invoke(role: RendererRole | undefined, channel: string, payload: unknown): Promise<unknown> {
    return this.handlers.get(channel)!({ role, url: 'app://test' }, payload);
  }
}

function setup() {
  const transport = new LoopbackTransport();
  const log: string[] = [];
  const router = new IpcRouter(
    transport,
    createLogger((line) => log.push(line)),
  );
  const dialled: string[] = [];
  const dtmf: string[] = [];
  router.bindUi(
    stubUiHandlers({
      'ui:dtmf': ({ digits }) => {
        dtmf.push(digits);
        return { ok: true as const };
      },
      'ui:dial': ({ target }) => {
        dialled.push(target);
        return { ok: true as const };
      },
    }),
  );
  return { transport, log, dialled, dtmf };
}

describe('IpcRouter', () => {
  it('passes a valid payload from the right window', async () => {
    const { transport, dialled } = setup();
    await expect(transport.invoke('ui', 'ui:dial', { target: ' 555 ' })).resolves.toEqual({
      ok: true,
    });
    expect(dialled).toEqual(['555']);
  });

  it('rejects an invalid payload with the path and reason, and logs it', async () => {
    const { transport, log, dialled } = setup();
    await expect(transport.invoke('ui', 'ui:dial', { target: 7 })).rejects.toThrow(
      /ui:dial: invalid payload at target/,
    );
    expect(dialled).toEqual([]);
    expect(log.join('\n')).toContain('payload refused');
  });

  it('rejects an intent sent from the engine window or an unknown frame', async () => {
    const { transport, dialled } = setup();
    await expect(transport.invoke('engine', 'ui:dial', { target: '1' })).rejects.toThrow(
      /not allowed/,
    );
    await expect(transport.invoke(undefined, 'ui:dial', { target: '1' })).rejects.toThrow(
      /not allowed/,
    );
    expect(dialled).toEqual([]);
  });

  it('binds every channel of the contract, the in-call ones included', async () => {
    const { transport } = setup();
    expect([...transport.handlers.keys()].sort()).toEqual(Object.keys(uiInvokeChannels).sort());
    await expect(
      transport.invoke('ui', 'ui:hold', { contactId: 'c', leg: 'all', hold: true }),
    ).resolves.toEqual({ ok: true });
  });

  it('refuses DTMF that is not a telephone event before the desk sees it', async () => {
    const { transport, dtmf } = setup();
    await expect(
      transport.invoke('ui', 'ui:dtmf', { contactId: 'c', digits: '12;rm -rf' }),
    ).rejects.toThrow(/ui:dtmf: invalid payload at digits/);
    await transport.invoke('ui', 'ui:dtmf', { contactId: 'c', digits: '12#' });
    expect(dtmf).toEqual(['12#']);
  });
});

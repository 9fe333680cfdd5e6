import { describe, expect, it } from 'vitest';
import { UI_STATE_CHANNEL, type RendererRole } from '../../common/contract';
import { createLogger } from '../log/Logger';
import { IpcRouter } from './IpcRouter';
import type { InvokeHandler, IpcTransport } from './IpcTransport';
import { RendererPages, type SenderFrame } from './RendererPages';
import { stubUiHandlers } from './uiHandlers.testkit';

const UI_URL = 'app://openccp/ui/index.html';
const ENGINE_URL = 'app://openccp/engine/index.html';

/** A window as the transport sees it: what it received, and whether it was closed. */
class FakeWindow {
  readonly received: Array<{ channel: string; payload: unknown }> = [];
  destroyed = false;
}

/** The shape ElectronTransport has, over fake windows: the same RendererPages decides. */
class FakeWindowsTransport implements IpcTransport {
  readonly pages = new RendererPages<FakeWindow>((window) => window.destroyed);
  private readonly handlers = new Map<string, InvokeHandler>();
  attach(role: RendererRole, window: FakeWindow, pageUrl: string): void {
    this.pages.attach(role, window, pageUrl);
  }
  handle(channel: string, handler: InvokeHandler): void {
    this.handlers.set(channel, handler);
  }
  send(role: RendererRole, channel: string, payload: unknown): void {
    for (const window of this.pages.pagesOf(role)) window.received.push({ channel, payload });
  }
  invoke(from: FakeWindow, frame: SenderFrame, channel: string, payload: unknown) {
    const role = this.pages.roleOf(from, frame);
    return this.handlers.get(channel)!({ role, url: frame.url }, payload);
  }
}

const top = (url: string): SenderFrame => ({ isTopFrame: true, url });

function setup() {
  const transport = new FakeWindowsTransport();
  const router = new IpcRouter(
    transport,
    createLogger(() => {}),
  );
  const dialled: string[] = [];
  router.bindUi(
    stubUiHandlers({
      'ui:dial': ({ target }) => {
        dialled.push(target);
        return { ok: true };
      },
    }),
  );
  const ccp = new FakeWindow();
  const widget = new FakeWindow();
  const engine = new FakeWindow();
  transport.attach('engine', engine, ENGINE_URL);
  transport.attach('ui', ccp, UI_URL);
  transport.attach('ui', widget, `${UI_URL}#widget`);
  return { transport, dialled, ccp, widget, engine };
}

describe('RendererPages under a transport', () => {
  it("pushes to 'ui' reach every UI window, and only them", () => {
    const { transport, ccp, widget, engine } = setup();
    transport.send('ui', UI_STATE_CHANNEL, { revision: 7 });
    const expected = [{ channel: UI_STATE_CHANNEL, payload: { revision: 7 } }];
    expect(ccp.received).toEqual(expected);
    expect(widget.received).toEqual(expected);
    expect(engine.received).toEqual([]);
  });

  it('drops a window once it is destroyed; the others still receive', () => {
    const { transport, ccp, widget } = setup();
    widget.destroyed = true;
    transport.send('ui', UI_STATE_CHANNEL, { revision: 8 });
    expect(widget.received).toEqual([]);
    expect(ccp.received).toHaveLength(1);
    expect(transport.pages.pagesOf('ui')).toEqual([ccp]);
  });

  it("accepts an intent from each UI window's top frame at its own page", async () => {
    const { transport, dialled, ccp, widget } = setup();
    await transport.invoke(ccp, top(UI_URL), 'ui:dial', { target: '1' });
    await transport.invoke(widget, top(`${UI_URL}?compact#widget`), 'ui:dial', { target: '2' });
    expect(dialled).toEqual(['1', '2']);
  });

  it('refuses an iframe, a navigated window, a stranger, a closed window and the engine', async () => {
    const { transport, dialled, widget, engine } = setup();
    const refusals = [
      transport.invoke(widget, { isTopFrame: false, url: UI_URL }, 'ui:dial', { target: '1' }),
      transport.invoke(widget, top('https://evil.example/'), 'ui:dial', { target: '2' }),
      transport.invoke(new FakeWindow(), top(UI_URL), 'ui:dial', { target: '3' }),
      transport.invoke(engine, top(ENGINE_URL), 'ui:dial', { target: '4' }),
    ];
    for (const refusal of refusals) await expect(refusal).rejects.toThrow(/not allowed/);
    widget.destroyed = true;
    await expect(transport.invoke(widget, top(UI_URL), 'ui:dial', { target: '5' })).rejects.toThrow(
      /not allowed/,
    );
    expect(dialled).toEqual([]);
  });

  it('a window attached again takes its new role only', () => {
    const { transport, ccp, widget } = setup();
    transport.attach('engine', widget, ENGINE_URL);
    expect(transport.pages.pagesOf('ui')).toEqual([ccp]);
    expect(transport.pages.roleOf(widget, top(UI_URL))).toBeUndefined();
    expect(transport.pages.roleOf(widget, top(ENGINE_URL))).toBe('engine');
  });
});

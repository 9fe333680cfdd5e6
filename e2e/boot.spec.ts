/**
 * The real Electron entry (main/index.ts, as built into out/main/index.js) booted under Node
 * with `electron` resolved to a recording stand-in (harness/ElectronStandIn.ts). What the
 * entry wires is exercised as the app runs it: sandboxing and the window preferences, the IPC
 * handlers, the permission and link handlers, the tray, close-to-tray, a second instance after
 * the CCP window was closed, a crashed CCP page, and Quit with its un-REGISTER.
 * The engine page is played by the test: it answers the commands main sends, as JsSIP would.
 *
 * The bundle is loaded once per worker (a module runs once), so the steps share one boot.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from '@playwright/test';
import * as electron from './harness/ElectronStandIn';
import { resolveElectronTo } from './harness/electronModuleHook';
import { ROOT } from './harness/bundles';

const {
  app,
  BrowserWindow,
  ipcMain,
  session,
  protocol,
  Tray,
  Notification,
  shell,
  globalShortcut,
} = electron;

type Command = { type: string; [key: string]: unknown };

/** Sends an event from the engine page to main, as its preload would. */
async function engineSays(engine: electron.BrowserWindow, event: Record<string, unknown>) {
  const handler = ipcMain.handlers.get('engine:event');
  if (!handler) throw new Error('main has no engine:event handler');
  const contents = engine.webContents;
  await handler({ sender: contents, senderFrame: contents.mainFrame }, event);
}

/** Invokes a UI channel from the CCP window's page, as its preload would. */
async function uiInvokes(ccp: electron.BrowserWindow, channel: string, payload: unknown) {
  const handler = ipcMain.handlers.get(channel);
  if (!handler) throw new Error(`main has no ${channel} handler`);
  const contents = ccp.webContents;
  return handler({ sender: contents, senderFrame: contents.mainFrame }, payload);
}

/** The engine page played by the test: registers and unregisters when told, answers pings. */
function playEngine(engine: electron.BrowserWindow, commands: Command[]): void {
  engine.webContents.on('stand-in:sent', (channel: string, payload: Command) => {
    if (channel !== 'engine:command') return;
    commands.push(payload);
    // Later, as a page's answer over IPC always is: never inside main's own send.
    // A page closed by then (the app quit) says nothing more.
    const reply = (event: Record<string, unknown>) =>
      setImmediate(() => {
        if (!engine.isDestroyed()) void engineSays(engine, event);
      });
    if (payload.type === 'ping') reply({ type: 'pong', seq: payload['seq'] });
    if (payload.type === 'connect') reply({ type: 'transport', state: 'connected' });
    if (payload.type === 'connect' || payload.type === 'register')
      reply({ type: 'registration', state: 'registered' });
    if (payload.type === 'unregister') reply({ type: 'registration', state: 'unregistered' });
  });
}

const windowsLoading = (page: string) =>
  BrowserWindow.created.filter((window) => window.loads.at(-1)?.includes(`/${page}/index.html`));

test.describe.serial('the Electron entry booted on a recording stand-in', () => {
  const userData = mkdtempSync(join(tmpdir(), 'openccp-boot-'));
  const commands: Command[] = [];
  let engine: electron.BrowserWindow;
  let ccp: electron.BrowserWindow;

  test.beforeAll(async () => {
    app.userData = userData;
    // What an attacker who can set an environment variable would try: ignored when packaged.
    process.env['ELECTRON_RENDERER_URL'] = 'http://attacker.example';
    resolveElectronTo(electron);
    await import(pathToFileURL(join(ROOT, 'out/main/index.js')).href);
    app.becomeReady();
    await expect.poll(() => windowsLoading('ui').length).toBe(1);
    [engine] = windowsLoading('engine') as [electron.BrowserWindow];
    [ccp] = windowsLoading('ui') as [electron.BrowserWindow];
    playEngine(engine, commands);
    await engineSays(engine, { type: 'ready' });
  });

  test.afterAll(() => {
    delete process.env['ELECTRON_RENDERER_URL'];
    rmSync(userData, { recursive: true, force: true });
  });

  test('sandboxes every renderer and creates both windows isolated, without Node', () => {
    expect(app.calls.slice(0, 2)).toEqual(['enableSandbox', 'requestSingleInstanceLock']);
    expect(app.calls).toEqual(expect.arrayContaining(['setAsDefaultProtocolClient tel']));
    for (const window of [engine, ccp]) {
      expect(window.options['webPreferences']).toMatchObject({
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
      });
    }
    expect(engine.options['webPreferences']).toMatchObject({ backgroundThrottling: false });
    expect(engine.options['show']).toBe(false);
    // Packaged: the pages load from app://, never file:// nor a dev-server URL from the
    // environment (the test sets ELECTRON_RENDERER_URL before booting).
    expect(ccp.loads[0]).toBe('app://openccp/ui/index.html');
    expect(engine.loads[0]).toBe('app://openccp/engine/index.html');
  });

  test('serves the built pages on a privileged app:// scheme with the strict CSP, and nothing outside them', async () => {
    expect(protocol.privilegedBeforeReady).toBe(true);
    expect(protocol.privileged).toEqual([
      {
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true }) as unknown,
      },
    ]);
    const serve = protocol.handlers.get('app');
    if (!serve) throw new Error('no app:// handler');
    const page = await serve({ url: 'app://openccp/ui/index.html' });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const policy = page.headers.get('content-security-policy') ?? '';
    for (const directive of [
      "default-src 'self'",
      "base-uri 'none'",
      "form-action 'none'",
      "object-src 'none'",
    ]) {
      expect(policy).toContain(directive);
    }
    expect(await page.text()).toContain('<div id="root">');
    const engineCsp = (await serve({ url: 'app://openccp/engine/index.html' })).headers.get(
      'content-security-policy',
    );
    expect(engineCsp).toContain('connect-src');
    for (const outside of [
      'app://openccp/ui/..%2f..%2fmain%2findex.js',
      'app://openccp/main/index.js',
      'app://elsewhere/ui/index.html',
      'app://openccp/ui/missing.html',
    ]) {
      expect((await serve({ url: outside })).status, outside).toBe(404);
    }
  });

  test('registers the UI and engine IPC handlers', () => {
    for (const channel of ['ui:get-state', 'ui:sign-in', 'ui:accept', 'engine:event']) {
      expect(ipcMain.handlers.has(channel), channel).toBe(true);
    }
  });

  test('grants the microphone only to our own top frame asking for audio, links never from the engine', () => {
    const request = session.defaultSession.requestHandler;
    if (!request) throw new Error('no permission request handler');
    const ask = (url: string, mediaTypes: string[]) =>
      new Promise<boolean>((resolve) =>
        request(engine.webContents, 'media', resolve, {
          requestingUrl: url,
          isMainFrame: true,
          mediaTypes,
        }),
      );
    return (async () => {
      expect(await ask(engine.loads[0] ?? '', ['audio'])).toBe(true);
      expect(await ask(engine.loads[0] ?? '', ['audio', 'video'])).toBe(false);
      expect(await ask('https://elsewhere.example/', ['audio'])).toBe(false);
      expect(engine.webContents.openHandler?.({ url: 'https://crm.example/' })).toEqual({
        action: 'deny',
      });
      expect(shell.opened).toEqual([]);
      ccp.webContents.openHandler?.({ url: 'https://crm.example/' });
      expect(shell.opened).toEqual(['https://crm.example/']);
    })();
  });

  test('lists HID devices to our own pages only, and only telephony headsets', () => {
    const device = session.defaultSession.deviceHandler;
    if (!device) throw new Error('no device permission handler');
    const ask = (origin: string, usagePage: number) =>
      device({ deviceType: 'hid', origin, device: { collections: [{ usagePage }] } });
    // Chromium's origin of app://openccp/ (a standard scheme); Node's URL would say 'null'.
    const ours = 'app://openccp';
    expect(ask(ours, 0x0b)).toBe(true);
    expect(ask(ours, 0x01)).toBe(false);
    expect(ask('https://elsewhere.example', 0x0b)).toBe(false);
  });

  test('shows the tray and registers the default global shortcuts', () => {
    const tray = Tray.created.at(-1);
    expect(tray?.tooltip).toBe('OpenCCP: signed out');
    expect(tray?.menu?.items.map((item) => item.id ?? '-')).toEqual([
      'showCcp',
      'showWidget',
      '-',
      'quit',
    ]);
    expect([...globalShortcut.registered.keys()]).toEqual([
      'CommandOrControl+Shift+F7',
      'CommandOrControl+Shift+F8',
      'CommandOrControl+Shift+F9',
      'CommandOrControl+Shift+F10',
    ]);
  });

  test('signed in, closing the CCP window hides it to the tray and says so once', async () => {
    ccp.emit('ready-to-show');
    expect(ccp.isVisible()).toBe(true);
    const result = await uiInvokes(ccp, 'ui:sign-in', {
      serverUrl: 'wss://sip.example.test',
      sipUri: 'sip:agent1@example.test',
      authUser: 'agent1',
      password: 'secret',
      displayName: 'Agent One',
    });
    expect(result, JSON.stringify(commands)).toEqual({ ok: true });
    await uiInvokes(ccp, 'ui:set-status', { statusId: 'available' });
    await expect.poll(() => Tray.created.at(-1)?.tooltip).toBe('OpenCCP: Available');

    ccp.close();
    expect(ccp.isDestroyed()).toBe(false);
    expect(ccp.isVisible()).toBe(false);
    expect(Notification.shown.map((n) => n.options.id)).toEqual(['inTray']);
    ccp.close();
    expect(Notification.shown.map((n) => n.options.id)).toEqual(['inTray']);
    expect(app.quitted).toBe(false);
  });

  test('a second launch brings the hidden CCP window back, focused', () => {
    app.emit('second-instance', new electron.StandInEvent(), ['openccp'], userData);
    expect(ccp.isVisible()).toBe(true);
    expect(ccp.isFocused()).toBe(true);
  });

  test('a crashed CCP page is loaded again in its window', () => {
    const loads = ccp.loads.length;
    ccp.webContents.emit('render-process-gone', new electron.StandInEvent(), {
      reason: 'crashed',
      exitCode: 1,
    });
    expect(ccp.loads.length).toBe(loads + 1);
    expect(ccp.loads.at(-1)).toBe(ccp.loads[0]);
  });

  test('Quit from the tray goes Offline, un-REGISTERs, then flushes and quits', async () => {
    Tray.created.at(-1)?.choose('quit');
    await expect.poll(() => app.quitted).toBe(true);
    const types = commands.map((command) => command.type);
    expect(types).toContain('unregister');
    expect(types.lastIndexOf('unregister')).toBeGreaterThan(types.lastIndexOf('register'));
    expect(globalShortcut.registered.size).toBe(0);
    expect(Tray.created.at(-1)?.isDestroyed()).toBe(true);
  });
});

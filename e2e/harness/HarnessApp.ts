/**
 * The whole app without the Electron binary: the real main composition (main/app.ts) in this
 * Node process, the real preloads (bundled with the electron shim), and the real UI and engine
 * pages in Chromium. Only main/shell is swapped: windows are pages, IPC is Playwright bindings,
 * the desktop is HarnessShell, electron-store is conf (its own base) in a temp dir, safeStorage
 * is the harness cipher.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import Conf, { type Schema } from 'conf';
import { startOpenCcp, type OpenCcpMain } from '../../main/app';
import type { HeadsetPort } from '../../main/headset/HeadsetPort';
import { WebHidPort } from '../../main/headset/webHid/WebHidPort';
import { systemClock, type Clock } from '../../main/desk/ports';
import { standInWebHid } from '../../renderer/engine/hid/standInWebHid.testkit';
import { createFileLogger } from '../../main/log/FileLogger';
import { repairSettingsFile } from '../../main/settings/repairSettingsFile';
import { settingsJsonSchema, type Settings } from '../../main/settings/settingsSchema';
import type { InstallKind } from '../../main/updates/updateSettings';
import { installAudioProbe } from './audioProbe';
import { installFakeMediaDevices, type FakeAudioDevice } from './fakeMediaDevices';
import { preloadBundle } from './bundles';
import { createHarnessCipher } from './harnessCipher';
import { HarnessShell } from './HarnessShell';
import { PlaywrightTransport } from './PlaywrightTransport';

export interface StartupSteps {
  /** Main's own start: settings, policy, history, journal, the desk (startOpenCcp). */
  readonly mainMs: number;
  /** Loading the engine page until its load event. */
  readonly engineMs: number;
  /** Loading the CCP page until its load event. */
  readonly uiMs: number;
}

export interface HarnessApp {
  readonly main: OpenCcpMain;
  /** The desktop: what the app showed there, and the links and relaunches a test performs. */
  readonly shell: HarnessShell;
  /** The CCP window: a new page after the app reloaded a crashed one. */
  readonly ui: Page;
  /** The compact widget's page, once the app showed it. */
  readonly widget: Page | undefined;
  /** Settles when the app asked to end the process (the quit sequence is done). */
  readonly exited: Promise<void>;
  /** The engine page in use: a new one after the app restarted a hung or crashed one. */
  readonly engine: Page;
  readonly context: BrowserContext;
  /** How long each step of the start took (ms), for the bench's start-up rows. */
  readonly startup: StartupSteps;
  readonly logFile: string;
  /** The user data folder (settings, history, drafts). */
  readonly dataDir: string;
  /** The main log as it stands: every line logged so far (the writes are asynchronous). */
  readLog(): Promise<string>;
  /** One more UI window attached as 'ui' (as the compact widget will be): same DeskState. */
  openUiWindow(): Promise<Page>;
  /** Quits the clean way: the drafts journal and the log are flushed, the pages closed. */
  close(): Promise<void>;
  /**
   * Dies the way a killed process does: the pages go, nothing is flushed or shut down, and the
   * old main writes nothing more to the user data folder (its drafts journal is abandoned, as
   * a dead process's would be). The folder is kept for the next start.
   */
  crash(): Promise<void>;
}

export interface HarnessAppOptions {
  browser: Browser;
  origin: string;
  /** The agent's microphone tone. */
  toneHz: number;
  /** Settings directory to reuse (to test what survives a restart); a fresh temp dir otherwise. */
  userDataDir?: string;
  /** The machine policy file to read (none by default: the host's real one is not the test's). */
  policyFile?: string;
  /** Settings written before the app starts, as a profile or an earlier run would have. */
  settings?: Partial<Settings>;
  /** The USB headsets the app sees: a StandInHeadsetPort to plug stand-in devices in. */
  headsetPort?: HeadsetPort;
  /**
   * Headsets the Windows and macOS way: main's WebHidPort, and in the engine page a stand-in
   * navigator.hid (window.__openccpStandInHid plugs devices in). Instead of `headsetPort`.
   */
  webHidHeadsets?: boolean;
  /** The OS language the pages see (navigator.languages), as a BCP 47 tag: "it-IT", "ja". */
  locale?: string;
  /**
   * The OS's audio devices, stood in for (fakeMediaDevices.ts): each microphone its own tone,
   * each output recording what plays on it. Without: the one-tone microphone of the probe.
   */
  audioDevices?: readonly FakeAudioDevice[];
  /** How the app was installed, which decides who updates it (unpackaged by default). */
  install?: InstallKind;
  /** Main's clock (the system's by default): the soak's tolerates its heap snapshots. */
  clock?: Clock;
  /** Runs before each page loads (the bench installs its timing probes here). */
  beforeLoad?: (pages: { engine: Page; ui: Page }) => Promise<void>;
}

export async function startHarnessApp(options: HarnessAppOptions): Promise<HarnessApp> {
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'openccp-app-'));
  // The app's own log writer (buffered, rotated, flood-limited), in the user data folder.
  const logger = createFileLogger({ dir: userDataDir });
  const logFile = logger.file;
  const transport = new PlaywrightTransport();
  // The pages are made below; the shell replaces them when the app says so.
  let replaceEngine: () => Promise<void> = () => Promise.resolve();
  let reloadUi: () => Promise<void> = () => Promise.resolve();
  let showWidget: () => Promise<void> = () => Promise.resolve();
  let markExited: () => void = () => undefined;
  const exited = new Promise<void>((resolve) => (markExited = resolve));
  const shell = new HarnessShell({
    replaceEngine: () => replaceEngine(),
    reloadUi: () => reloadUi(),
    showWidget: () => showWidget(),
    exit: () => Promise.resolve(markExited()),
  });
  // As main/index.ts does before electron-store: conf throws on the same damaged files.
  const settingsRepair = repairSettingsFile(join(userDataDir, 'settings.json'));
  const settingsFile = new Conf<Record<string, unknown>>({
    cwd: userDataDir,
    configName: 'settings',
    projectName: 'openccp',
    schema: (settingsJsonSchema.properties ?? {}) as Schema<Record<string, unknown>>,
  });
  for (const [key, value] of Object.entries(options.settings ?? {})) settingsFile.set(key, value);
  let stepStarted = performance.now();
  const step = (): number => {
    const now = performance.now();
    const took = now - stepStarted;
    stepStarted = now;
    return took;
  };
  const main = await startOpenCcp({
    transport,
    shell,
    settingsFile,
    settingsRepair,
    cipher: createHarnessCipher(),
    logger,
    dataDir: userDataDir,
    exportDir: join(userDataDir, 'exports'),
    policyFile: options.policyFile ?? join(userDataDir, 'no-policy.json'),
    diagnostics: { log: logger, appVersion: 'harness' },
    updates: { updater: shell.updater, install: options.install ?? 'unpackaged' },
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.headsetPort ? { headsetPort: options.headsetPort } : {}),
    ...(options.webHidHeadsets ? { headsetPort: new WebHidPort(transport, systemClock) } : {}),
  });

  const mainMs = step();
  // One context like Electron's one default session: both windows share it.
  const context = await options.browser.newContext({
    viewport: { width: 360, height: 620 },
    ...(options.locale ? { locale: options.locale } : {}),
  });
  const engineUrl = `${options.origin}/engine/index.html`;
  let engine = await context.newPage();
  const ui = await context.newPage();
  await options.beforeLoad?.({ engine, ui });
  /** What the Electron shell does with its engine window: load it, and again when it dies. */
  const loadEngine = async (page: Page): Promise<void> => {
    engine = page;
    await page.addInitScript(installAudioProbe, options.toneHz);
    if (options.webHidHeadsets) await page.addInitScript(standInWebHid);
    if (options.audioDevices) {
      await page.addInitScript(installFakeMediaDevices, [...options.audioDevices]);
    }
    await page.addInitScript({ path: preloadBundle('engine') });
    await transport.attach('engine', page, engineUrl);
    // A crash or a close the app did not ask for: the app is told and has the shell reload it.
    page.once('crash', () => {
      if (page !== engine) return;
      shell.engineGone('crashed');
    });
    await page.goto(engineUrl);
  };
  replaceEngine = async () => {
    const hung = engine;
    const next = await context.newPage();
    // Closing ends the page's process and its media, as crashing the renderer does.
    await hung.close({ runBeforeUnload: false });
    await loadEngine(next);
  };
  step();
  await loadEngine(engine);
  const engineMs = step();

  const uiUrl = `${options.origin}/ui/index.html`;
  const loadUi = async (page: Page, url = uiUrl): Promise<Page> => {
    await page.addInitScript({ path: preloadBundle('ui') });
    await transport.attach('ui', page, url);
    await page.goto(url);
    return page;
  };
  let ccp = ui;
  /** The CCP page: a crashed renderer tells the app, which has the shell load a new one. */
  const loadCcp = async (page: Page): Promise<void> => {
    ccp = page;
    page.once('crash', () => {
      if (page === ccp) shell.uiGone('crashed');
    });
    await loadUi(page);
  };
  reloadUi = async () => {
    const crashed = ccp;
    const next = await context.newPage();
    await crashed.close({ runBeforeUnload: false });
    await loadCcp(next);
  };
  let widget: Page | undefined;
  showWidget = async () => {
    if (widget && !widget.isClosed()) return;
    widget = await context.newPage();
    await loadUi(widget, `${uiUrl}?view=widget`);
  };
  await loadCcp(ui);
  const uiMs = step();

  return {
    main,
    shell,
    get ui() {
      return ccp;
    },
    get widget() {
      return widget;
    },
    exited,
    get engine() {
      return engine;
    },
    context,
    startup: { mainMs, engineMs, uiMs },
    logFile,
    dataDir: userDataDir,
    async readLog() {
      await logger.flush();
      return readFileSync(logFile, 'utf8');
    },
    openUiWindow: async () => loadUi(await context.newPage()),
    async close() {
      await main.shutdown();
      await context.close();
      await logger.close();
      if (!options.userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    },
    async crash() {
      main.drafts.abandon();
      // A dead app's timers die with it: its heartbeat must not judge the next app's engine.
      main.stop();
      await context.close();
    },
  };
}

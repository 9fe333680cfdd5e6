/**
 * The main process's composition: settings, AgentDesk, the engine link, the IPC routes and the
 * desktop's inputs (ShellPort).
 * Electron-free on purpose: main/index.ts runs it with the Electron shell, the test harness
 * with its own, so the end-to-end tests exercise exactly this wiring.
 */
import { basename, join } from 'node:path';
import {
  MICROPHONE_LEVEL_CHANNEL,
  UI_STATE_CHANNEL,
  type DesktopPreferencesState,
  type ShortcutProblem,
} from '../common/contract';
import { DeskCommands } from './commands/DeskCommands';
import { Desktop } from './desktop/Desktop';
import { DesktopPreferences } from './desktop/DesktopPreferences';
import { shortcutsOf } from './desktop/desktopSettings';
import { AgentDesk } from './desk/AgentDesk';
import type { DeskProfileSettings } from './desk/deskSettings';
import { deskOptionsFromProfile } from './profileDeskOptions';
import { failoverServers, policyRefusal } from './policySignIn';
import { profileSummary } from './profileSummary';
import {
  defaultSourcePorts,
  DOWNLOAD_TIMEOUT_MS,
  loadMachinePolicy,
  type ProfileSourcePorts,
} from './provisioning/ProfileLoader';
import { fetchHttpsText } from './provisioning/fetchHttpsText';
import { machinePolicyPath } from './provisioning/policyPath';
import { isLocked } from './provisioning/mergePolicy';
import type { SettingsPolicy } from './provisioning/SettingsPolicy';
import { ProfileStore } from './provisioning/ProfileStore';
import { systemClock, type Clock } from './desk/ports';
import { EngineLink } from './engine/EngineLink';
import { EngineSupervisor } from './engine/EngineSupervisor';
import { DeskHistory } from './history/DeskHistory';
import { HistoryLog } from './history/HistoryLog';
import { RecentContactIndex } from './history/RecentContactIndex';
import { IpcRouter } from './ipc/IpcRouter';
import { uiRoutes } from './uiRoutes';
import { DraftJournal } from './journal/DraftJournal';
import { HeadsetHub } from './headset/HeadsetHub';
import type { HeadsetPort } from './headset/HeadsetPort';
import type { IpcTransport } from './ipc/IpcTransport';
import type { Logger } from './log/Logger';
import type { ShellPort } from './shell/ShellPort';
import type { KeyValueFile } from './settings/KeyValueFile';
import type { SecretCipher } from './settings/SecretCipher';
import type { SettingsRepair } from './settings/repairSettingsFile';
import { SettingsStore } from './settings/SettingsStore';
import { SignInMemoryStore } from './settings/SignInMemoryStore';
import { StatusMemoryStore } from './settings/StatusMemoryStore';
import { AudioSettingsStore } from './settings/AudioSettingsStore';
import { AudioDevices } from './audio/AudioDevices';
import { MicrophoneMeter } from './audio/MicrophoneMeter';
import { FolderRecordingFiles } from './recordings/FolderRecordingFiles';
import { RecordingsFolder } from './recordings/RecordingsFolder';
import { lockedAudioRoles } from './audio/lockedAudioRoles';
import { audioSettingsWithPolicy } from './audio/audioPolicy';
import { DeskPhoneSetting } from './deskPhone/DeskPhoneSetting';
import { profileSettings } from './desk/deskSettings';
import { AppUpdates } from './updates/AppUpdates';
import type { UpdaterPort } from './updates/UpdaterPort';
import { updateSettings, type InstallKind } from './updates/updateSettings';

export interface OpenCcpDependencies {
  transport: IpcTransport;
  shell: ShellPort;
  settingsFile: KeyValueFile;
  cipher: SecretCipher;
  logger: Logger;
  /** The user's data folder: the contact history lives here. */
  dataDir: string;
  /** Where history exports are written (the Downloads folder in the app). */
  exportDir: string;
  /** Where call recordings go unless settings name a folder (Documents/OpenCCP recordings). */
  recordingsDir?: string;
  /** The machine-wide policy file IT manages; the platform's usual place by default. */
  policyFile?: string;
  clock?: Clock;
  /** What repairSettingsFile did before the store opened, if anything: the agent is told. */
  settingsRepair?: SettingsRepair | undefined;
  /** The USB headsets (node-hid in the app, a stand-in in the harness); none: no headset. */
  headsetPort?: HeadsetPort;
  /** The log file the diagnostics export reads (G6), and the app's version for it. */
  diagnostics?: { log: { file: string; flush(): Promise<void> }; appVersion: string };
  /** electron-updater (a stand-in in the harness) and how this copy was installed (G5). */
  updates?: { updater: UpdaterPort; install: InstallKind };
}

export interface OpenCcpMain {
  readonly desk: AgentDesk;
  /** What every input uses to act on the desk (the UI's IPC table, and the shell's inputs). */
  readonly commands: DeskCommands;
  readonly settings: SettingsStore;
  /** The audio devices: main's choice of microphone, speaker and ringer (B1). */
  readonly audio: AudioDevices;
  /** The settings screen's microphone level meter: on only while the screen shows it. */
  readonly microphoneMeter: MicrophoneMeter;
  /** Stops main's own timers (the engine heartbeat, the headset poll): the app is closing. */
  stop(): void;
  /** The tray, notifications, shortcuts and lifecycle (Quit) around the desk. */
  readonly desktop: Desktop;
  /** The headset hub, when a headset port was given. */
  readonly headset: HeadsetHub | undefined;
  /** The open contacts and the agent's drafts, kept against a crash. */
  readonly drafts: DraftJournal;
  /** Clean quit: waits until the drafts journal holds the last state. */
  shutdown(): Promise<void>;
  /** The machine policy's values for the agent's settings (updates read it at start). */
  settingsPolicy(): SettingsPolicy;
  /** The desktop preferences in force: the agent's, with the machine policy's over them. */
  desktopPreferences(): DesktopPreferencesState;
}

/** Where the drafts journal lives in the user data folder. */
export const DRAFT_JOURNAL_FILE = join('drafts', 'open-contacts.json');

export async function startOpenCcp(deps: OpenCcpDependencies): Promise<OpenCcpMain> {
  const { transport, logger } = deps;
  const settings = new SettingsStore(deps.settingsFile, logger);
  const clock = deps.clock ?? systemClock;
  const link = new EngineLink(transport);
  // The desk talks to the engine through its supervisor, which notices a hung or gone page.
  const engine = new EngineSupervisor(link, clock, (reason) => {
    link.lost();
    desk.engineLost(reason);
    // A crashed page is already being reloaded by the shell; a hung one must be ended first.
    if (reason !== 'gone') deps.shell.restartEngine();
  });
  // The recent contacts list (D4) is an index over the same file, fed as the log reads it.
  // Read in the background: years of history must not hold the windows back at start.
  const recentContacts = new RecentContactIndex();
  const historyLog = HistoryLog.openLoading(join(deps.dataDir, 'history', 'contacts.jsonl'), {
    logger,
    observe: (record) => recentContacts.add(record),
  });
  const history = new DeskHistory(historyLog, deps.exportDir);
  // Read before the desk exists: what it finds is what the last run had open when it closed.
  const draftsFile = join(deps.dataDir, DRAFT_JOURNAL_FILE);
  const { journal: drafts, leftBehind } = DraftJournal.open(draftsFile, { logger });
  const profiles = new ProfileStore(
    { load: () => settings.get().profile, save: (profile) => settings.update({ profile }) },
    logger,
  );
  profiles.applyPolicy(await loadMachinePolicy(deps.policyFile ?? machinePolicyPath()));
  // Profiles are downloaded through the shell: net.fetch in the app (OS certificates, proxy).
  const sourcePorts: ProfileSourcePorts = {
    ...defaultSourcePorts,
    fetchText: (url, maxBytes) =>
      fetchHttpsText(url, {
        timeoutMs: DOWNLOAD_TIMEOUT_MS,
        maxBytes,
        fetchImpl: (address, init) => deps.shell.fetch(address, init),
      }),
  };
  // Settings carry what a manual setup chose; a profile in force overrides them.
  const profileOptions = (): DeskProfileSettings => ({
    ringTimeoutMs: settings.get().ringTimeoutSec * 1000,
    ...(settings.get().dialing ? { dialingRules: settings.get().dialing } : {}),
    ...deskOptionsFromProfile(profiles.current().profile),
  });
  // The policy's folder, the agent's, or Documents/OpenCCP recordings (D9).
  const recordingsFolder = new RecordingsFolder({
    policy: () => profiles.current().settingsPolicy.recordingsFolder,
    // An unreadable policy names no folder but still locks it (A3).
    locked: () => isLocked(profiles.current().lockedKeys, 'recordingsFolder'),
    saved: () => settings.get().recordingsFolder,
    save: (folder) => settings.update({ recordingsFolder: folder }),
    fallback: () => deps.recordingsDir ?? join(deps.dataDir, 'recordings'),
    changed: (state) => desk.setRecordingsFolder(state),
  });
  const desk = new AgentDesk({
    engine,
    clock,
    history,
    memory: new SignInMemoryStore(settings, deps.cipher, logger),
    statusMemory: new StatusMemoryStore(settings),
    drafts,
    logger,
    recordingFiles: new FolderRecordingFiles(() => recordingsFolder.current()),
  });
  desk.setRecordingsFolder(recordingsFolder.snapshot());
  desk.applyProfile(profileOptions(), profileSummary(profiles.current()));
  const audio = new AudioDevices({
    engine,
    settings: audioSettingsWithPolicy(
      new AudioSettingsStore(settings),
      () => profiles.current().settingsPolicy,
    ),
    lockedRoles: () => lockedAudioRoles(profiles.current().lockedKeys),
    isLocked: (key) => isLocked(profiles.current().lockedKeys, key),
    notify: (level, code, values) => desk.notify(level, code, values),
    changed: (state) => desk.setAudio(state),
  });
  const microphoneMeter = new MicrophoneMeter({
    engine,
    show: (level) => transport.send('ui', MICROPHONE_LEVEL_CHANNEL, { level }),
  });
  if (deps.settingsRepair) {
    logger.warn('settings: repaired at start', { ...deps.settingsRepair });
    // The agent gets the file's name; the full path is in the log line above, for support.
    desk.notify('warning', 'settingsRepaired', { file: basename(deps.settingsRepair.backup) });
  }
  void historyLog.loaded.then((recovered) => {
    if (recovered.tornBytes > 0 || recovered.skippedLines > 0) {
      logger.warn('history: repaired at start', { ...recovered });
      // Today's figures and the export would silently miss what was cut: the agent is told.
      desk.notify('warning', 'historyRepaired');
    }
    desk.historyLoaded();
  });
  // The app closed with contacts open: they come back in ACW with the notes as typed.
  if (leftBehind) desk.contactIntents.restoreInterrupted(leftBehind.contacts, leftBehind.savedAt);
  drafts.resume();

  // Shortcuts, start at login, the widget on top: saved, applied by the shell, shown.
  const desktopPreferences = new DesktopPreferences({
    load: () => settings.get().desktop,
    save: (desktop) => settings.update({ desktop }),
    shell: deps.shell,
    applyShortcuts: (): readonly ShortcutProblem[] => desktop.applyShortcuts(),
    changed: (state) => desk.setDesktopPreferences(state),
    policy: {
      values: () => profiles.current().settingsPolicy.desktop,
      isLocked: (key) => isLocked(profiles.current().lockedKeys, key),
    },
  });

  // Softphone or desk phone (B3): saved, allowed by the profile, fixed by the policy.
  const deskPhone = new DeskPhoneSetting({
    load: () => settings.get().deskPhone,
    save: (chosen) => settings.update({ deskPhone: chosen }),
    allowed: () => profiles.current().profile?.permissions.deskPhone === true,
    rules: () => profileSettings(profileOptions()).dialingRules,
    changed: (state) => desk.setDeskPhone(state),
    policy: {
      values: () => profiles.current().settingsPolicy.deskPhone,
      isLocked: (key) => isLocked(profiles.current().lockedKeys, key),
    },
  });
  deskPhone.publish();
  // The app's own updates: the policy says where to look, the gate when to restart (G5).
  const updates = new AppUpdates(
    updateSettings(profiles.current().settingsPolicy, deps.updates?.install ?? 'unpackaged'),
    deps.updates?.updater,
    desk,
    logger,
  );

  // Every input reaches the desk through these commands; the UI's IPC table is one client.
  const commands = new DeskCommands(
    desk,
    {
      refusal: (request) => policyRefusal(request, profiles.current()),
      servers: (request) => failoverServers(request, profiles.current()),
    },
    desktopPreferences,
    deskPhone,
    updates,
  );

  // The headset is one more input (DeskCommands) and one more output (its lights follow DeskState).
  const headset = deps.headsetPort
    ? new HeadsetHub({
        port: deps.headsetPort,
        commands,
        desk,
        clock,
        logger,
        // The machine policy's headset wins over the agent's (A3).
        preferred: () => profiles.current().settingsPolicy.headset ?? settings.get().headset,
        microphone: () => audio.microphoneInUse(),
      })
    : undefined;
  if (headset) {
    desk.subscribe((state) => headset.show(state));
    headset.show(desk.snapshot());
    headset.start();
  }
  // After the headset: its lights are a few bytes the agent sees with the ringer, while this
  // clones the whole DeskState to every UI window, which the Ring light waited for (issue 18).
  // Nothing is lost by subscribing here: no window is attached yet, and a UI window asks for
  // the state when it loads (ui:get-state).
  desk.subscribe((state) => transport.send('ui', UI_STATE_CHANNEL, state));

  const router = new IpcRouter(transport, logger);
  router.bindUi(
    uiRoutes(deps, {
      desk,
      commands,
      profiles,
      sourcePorts,
      profileOptions,
      deskPhone,
      audio,
      microphoneMeter,
      recentContacts,
      recordingsFolder,
      history,
      clock,
    }),
  );
  router.bindEngine({
    'engine:event': (event) => {
      link.observe(event);
      engine.observe(event);
      desk.handleEngineEvent(event);
      audio.handleEngineEvent(event);
      microphoneMeter.handleEngineEvent(event);
      return { ok: true };
    },
  });
  // The tray, the notifications and the global shortcuts: outputs of DeskState, inputs to
  // the commands, decided in main/desktop and shown by the shell.
  const desktop = new Desktop({
    desk,
    commands,
    shell: deps.shell,
    clock,
    logger,
    // Shortcuts the machine policy sets win over the agent's (A3).
    shortcuts: () => ({
      ...shortcutsOf(settings.get().desktop),
      ...profiles.current().settingsPolicy.desktop?.shortcuts,
    }),
    engineGone: (reason) => {
      logger.error('engine page gone', { reason });
      engine.gone();
    },
  });
  // What the agent does at the desktop. The CCP comes to the front for a link, whatever the
  // desk made of it: the number it filled in, the call it placed, or why it refused.
  deps.shell.connect({
    openDialLink: (url) => {
      commands.openDialLink(url);
      deps.shell.bringCcpToFront();
    },
    relaunched: () => deps.shell.bringCcpToFront(),
    resumed: () => commands.systemResumed(),
    engineGone: (reason) => desktop.engineGone(reason),
    uiGone: (reason) => {
      microphoneMeter.stop();
      desktop.uiGone(reason);
    },
    trayChose: (action) => desktop.trayChose(action),
    notificationChose: (id, choice) => desktop.notificationChose(id, choice),
    shortcutPressed: (action) => desktop.shortcutPressed(action),
    ccpCloseRequested: (moment) => {
      // Hidden, minimized or closed: the settings screen's meter cannot be seen any more.
      microphoneMeter.stop();
      return desktop.ccpCloseRequested(moment);
    },
    quitRequested: () => desktop.quitRequested(),
    powerChanged: (event) => desktop.powerChanged(event),
  });
  desktop.start();
  desktopPreferences.start(desktop.shortcutProblems);
  updates.start();
  return {
    desk,
    desktop,
    commands,
    settings,
    audio,
    microphoneMeter,
    drafts,
    headset,
    settingsPolicy: () => profiles.current().settingsPolicy,
    desktopPreferences: () => desktopPreferences.snapshot(),
    stop: () => {
      engine.stop();
      updates.stop();
      void headset?.stop();
    },
    shutdown: async () => {
      engine.stop();
      updates.stop();
      await headset?.stop();
      return drafts.close();
    },
  };
}

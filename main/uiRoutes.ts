/**
 * The CCP window's invoke channels, each bound to the part of main that answers it. Part of the
 * composition (app.ts): the intents go through DeskCommands, the settings screen's requests to
 * the part that owns the setting, and the two exports (history, diagnostics) answer with the
 * file written or the reason it could not be. The router has checked the sender and the payload
 * against the contract before any of these runs.
 */
import { join } from 'node:path';
import type { OpenCcpDependencies } from './app';
import type { AudioDevices } from './audio/AudioDevices';
import type { MicrophoneMeter } from './audio/MicrophoneMeter';
import type { DeskCommands } from './commands/DeskCommands';
import { openChatLink } from './desk/chat/chatLinks';
import type { AgentDesk } from './desk/AgentDesk';
import type { DeskProfileSettings } from './desk/deskSettings';
import type { Clock } from './desk/ports';
import type { DeskPhoneSetting } from './deskPhone/DeskPhoneSetting';
import { diagnosticsSnapshot } from './diagnostics/diagnosticsSnapshot';
import { writeDiagnostics } from './diagnostics/writeDiagnostics';
import type { DeskHistory } from './history/DeskHistory';
import type { RecentContactIndex } from './history/RecentContactIndex';
import type { UiHandlers } from './ipc/IpcRouter';
import { profileSummary } from './profileSummary';
import { loadProfile, type ProfileSourcePorts } from './provisioning/ProfileLoader';
import type { ProfileStore } from './provisioning/ProfileStore';
import type { RecordingsFolder } from './recordings/RecordingsFolder';

export interface UiRouteParts {
  readonly desk: AgentDesk;
  readonly commands: DeskCommands;
  readonly profiles: ProfileStore;
  /** How a profile location is read (files, https through the shell). */
  readonly sourcePorts: ProfileSourcePorts;
  /** The desk's options from the settings and the profile in force. */
  readonly profileOptions: () => DeskProfileSettings;
  readonly deskPhone: DeskPhoneSetting;
  readonly audio: AudioDevices;
  readonly microphoneMeter: MicrophoneMeter;
  readonly recentContacts: RecentContactIndex;
  readonly recordingsFolder: RecordingsFolder;
  readonly history: DeskHistory;
  readonly clock: Clock;
}

export function uiRoutes(deps: OpenCcpDependencies, parts: UiRouteParts): UiHandlers {
  const { desk, commands, profiles, sourcePorts, profileOptions, deskPhone, audio } = parts;
  const { microphoneMeter, recentContacts, recordingsFolder, history, clock } = parts;
  const { logger } = deps;
  return {
    'ui:get-state': () => desk.snapshot(),
    'ui:sign-in': (request) => commands.signIn(request),
    'ui:sign-out': () => commands.signOut(),
    'ui:forget-password': () => commands.forgetPassword(),
    'ui:set-status': ({ statusId }) => commands.setStatus(statusId),
    'ui:accept': ({ contactId }) => commands.accept(contactId),
    'ui:reject': ({ contactId }) => commands.reject(contactId),
    'ui:end': ({ contactId, voicemail }) =>
      commands.end(contactId, voicemail !== undefined ? { voicemail } : {}),
    'ui:hold': ({ contactId, leg, hold }) => commands.hold(contactId, leg, hold),
    'ui:mute': ({ contactId, muted }) => commands.mute(contactId, muted),
    'ui:dtmf': ({ contactId, digits }) => commands.sendDtmf(contactId, digits),
    'ui:consult': ({ contactId, to }) => commands.consult(contactId, to),
    'ui:transfer': ({ contactId, to }) => commands.transfer(contactId, to),
    'ui:join': ({ contactId }) => commands.join(contactId),
    'ui:swap': ({ contactId }) => commands.swap(contactId),
    'ui:leave': ({ contactId }) => commands.leave(contactId),
    'ui:end-leg': ({ contactId, leg }) => commands.endLeg(contactId, leg),
    'ui:save-details': ({ contactId, details }) => commands.saveDetails(contactId, details),
    'ui:clear': ({ contactId }) => commands.clear(contactId),
    'ui:dial': ({ target }) => commands.dial(target),
    'ui:chat-send': ({ contactId, text }) => commands.sendChat(contactId, text),
    'ui:chat-attach': ({ contactId, attachment }) => commands.attachChat(contactId, attachment),
    'ui:chat-typing': ({ contactId, active }) => commands.chatTyping(contactId, active),
    'ui:chat-read': ({ contactId }) => commands.chatRead(contactId),
    'ui:open-link': ({ url }) => openChatLink(url, (link) => deps.shell.openExternal(link)),
    'ui:customer-lookup': ({ contactId }) =>
      commands.customerLookup(contactId, (url, where) =>
        where === 'panel' ? deps.shell.showLookupWindow(url) : deps.shell.openExternal(url),
      ),
    'ui:load-profile': async ({ location }) => {
      const applied = profiles.apply(await loadProfile(location, sourcePorts));
      if (applied.ok) desk.applyProfile(profileOptions(), profileSummary(profiles.current()));
      if (applied.ok) deskPhone.publish();
      return applied;
    },
    'ui:choose-audio-device': ({ role, deviceId }) => audio.choose(role, deviceId),
    'ui:set-ring': (ring) => audio.setRing(ring),
    'ui:set-language': ({ language }) => audio.setLanguage(language),
    'ui:test-sound': ({ role }) => audio.testSound(role),
    'ui:microphone-meter': ({ on }) => microphoneMeter.watch(on),
    'ui:recent-contacts': (request) => recentContacts.search(request),
    'ui:export-diagnostics': async ({ includeHistory }) => {
      try {
        const folder = await writeDiagnostics(
          {
            log: deps.diagnostics?.log,
            historyFile: join(deps.dataDir, 'history', 'contacts.jsonl'),
            gather: () => diagnosticsSnapshot(deps.diagnostics?.appVersion, desk, audio, profiles),
          },
          deps.exportDir,
          clock.now(),
          includeHistory,
        );
        return { ok: true, file: folder };
      } catch (error) {
        logger.error('diagnostics export failed', { error: String(error) });
        return { ok: false, reason: String(error).slice(0, 256) };
      }
    },
    'ui:set-shortcut': ({ action, accelerator }) => commands.setShortcut(action, accelerator),
    'ui:set-start-at-login': ({ enabled }) => commands.setStartAtLogin(enabled),
    'ui:set-widget-on-top': ({ enabled }) => commands.setWidgetAlwaysOnTop(enabled),
    'ui:set-desk-phone': (request) => commands.setDeskPhone(request),
    'ui:record': ({ contactId, on }) => commands.record(contactId, on),
    'ui:set-recordings-folder': ({ folder }) => recordingsFolder.set(folder),
    'ui:monitor': ({ target }) => commands.monitor(target),
    'ui:restart-to-update': () => commands.restartToUpdate(),
    'ui:export-history': async () => {
      try {
        return { ok: true, file: await history.exportCsv(clock.now()) };
      } catch (error) {
        logger.error('history export failed', { error: String(error) });
        return { ok: false, reason: String(error).slice(0, 256) };
      }
    },
  };
}

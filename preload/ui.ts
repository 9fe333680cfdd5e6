/**
 * Preload of the UI window: the narrow, domain-shaped `window.ccp` API. The UI can only ask
 * for the intents listed in the contract; it never gets a generic send.
 */
import { contextBridge, ipcRenderer } from 'electron';
import {
  DeskState,
  MICROPHONE_LEVEL_CHANNEL,
  MicrophoneLevelUpdate,
  UI_GLOBAL,
  UI_STATE_CHANNEL,
  type CcpApi,
  type UiInvokeChannel,
  type UiRequest,
  type UiResponse,
} from '../common/contract';

function invoke<C extends UiInvokeChannel>(
  channel: C,
  request: UiRequest<C>,
): Promise<UiResponse<C>> {
  return ipcRenderer.invoke(channel, request) as Promise<UiResponse<C>>;
}

const api: CcpApi = {
  state: {
    get: () => invoke('ui:get-state', {}),
    subscribe(listener) {
      const onState = (_event: unknown, payload: unknown): void => {
        const parsed = DeskState.safeParse(payload);
        if (parsed.success) listener(parsed.data);
        else console.error('OpenCCP: invalid state snapshot dropped', parsed.error.issues[0]);
      };
      ipcRenderer.on(UI_STATE_CHANNEL, onState);
      return () => {
        ipcRenderer.removeListener(UI_STATE_CHANNEL, onState);
      };
    },
  },
  session: {
    signIn: (request) => invoke('ui:sign-in', request),
    signOut: () => invoke('ui:sign-out', {}),
    forgetPassword: () => invoke('ui:forget-password', {}),
  },
  status: { set: (statusId) => invoke('ui:set-status', { statusId }) },
  contacts: {
    accept: (contactId) => invoke('ui:accept', { contactId }),
    reject: (contactId) => invoke('ui:reject', { contactId }),
    end: (contactId, options) => invoke('ui:end', { contactId, ...options }),
    clear: (contactId) => invoke('ui:clear', { contactId }),
    hold: (contactId, leg, hold) => invoke('ui:hold', { contactId, leg, hold }),
    mute: (contactId, muted) => invoke('ui:mute', { contactId, muted }),
    sendDtmf: (contactId, digits) => invoke('ui:dtmf', { contactId, digits }),
    consult: (contactId, to) => invoke('ui:consult', { contactId, to }),
    transfer: (contactId, to) => invoke('ui:transfer', { contactId, to }),
    join: (contactId) => invoke('ui:join', { contactId }),
    swap: (contactId) => invoke('ui:swap', { contactId }),
    leave: (contactId) => invoke('ui:leave', { contactId }),
    endLeg: (contactId, leg) => invoke('ui:end-leg', { contactId, leg }),
    saveDetails: (contactId, details) => invoke('ui:save-details', { contactId, details }),
    customerLookup: (contactId) => invoke('ui:customer-lookup', { contactId }),
  },
  calls: { dial: (target) => invoke('ui:dial', { target }) },
  chats: {
    send: (contactId, text) => invoke('ui:chat-send', { contactId, text }),
    attach: (contactId, attachment) => invoke('ui:chat-attach', { contactId, attachment }),
    typing: (contactId, active) => invoke('ui:chat-typing', { contactId, active }),
    read: (contactId) => invoke('ui:chat-read', { contactId }),
    openLink: (url) => invoke('ui:open-link', { url }),
  },
  history: {
    exportCsv: () => invoke('ui:export-history', {}),
    recent: (request) => invoke('ui:recent-contacts', request),
  },
  diagnostics: {
    export: (includeHistory) => invoke('ui:export-diagnostics', { includeHistory }),
  },
  profile: { load: (location) => invoke('ui:load-profile', { location }) },
  settings: {
    chooseAudioDevice: (role, deviceId) => invoke('ui:choose-audio-device', { role, deviceId }),
    setRing: (ring) => invoke('ui:set-ring', ring),
    setLanguage: (language) => invoke('ui:set-language', { language }),
    testSound: (role) => invoke('ui:test-sound', { role }),
    setRecordingsFolder: (folder) => invoke('ui:set-recordings-folder', { folder }),
    watchMicrophoneLevel(listener) {
      const onLevel = (_event: unknown, payload: unknown): void => {
        const parsed = MicrophoneLevelUpdate.safeParse(payload);
        if (parsed.success) listener(parsed.data.level);
      };
      ipcRenderer.on(MICROPHONE_LEVEL_CHANNEL, onLevel);
      void invoke('ui:microphone-meter', { on: true });
      return () => {
        ipcRenderer.removeListener(MICROPHONE_LEVEL_CHANNEL, onLevel);
        void invoke('ui:microphone-meter', { on: false });
      };
    },
  },
  desktop: {
    setShortcut: (action, accelerator) => invoke('ui:set-shortcut', { action, accelerator }),
    setStartAtLogin: (enabled) => invoke('ui:set-start-at-login', { enabled }),
    setWidgetAlwaysOnTop: (enabled) => invoke('ui:set-widget-on-top', { enabled }),
  },
  deskPhone: { set: (request) => invoke('ui:set-desk-phone', request) },
  recording: { set: (contactId, on) => invoke('ui:record', { contactId, on }) },
  monitoring: { start: (target) => invoke('ui:monitor', { target }) },
  updates: { restart: () => invoke('ui:restart-to-update', {}) },
};

contextBridge.exposeInMainWorld(UI_GLOBAL, api);

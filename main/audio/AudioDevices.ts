/**
 * Main's side of the audio devices (B1, B4): it knows the OS's devices from the engine's
 * reports, owns the agent's choice (kept in the settings file, A4), resolves each role with the
 * device-choice rules, tells the engine what to use, and says so when a chosen device is gone
 * or back. The UI only shows `snapshot()` and sends the intents below.
 */
import type { MicrophoneInUse } from '../headset/headsetForMicrophone';
import type {
  AudioDevice,
  AudioRole,
  AudioRouting,
  AudioState,
  EngineCommand,
  EngineEvent,
  IntentResult,
  MicrophoneAccess,
  Notice,
  NoticeCode,
  RefusalReason,
  UiLanguage,
} from '../../common/contract';
import type { AudioSettings } from '../settings/settingsSchema';
import { audioChangeRefusal } from './audioPolicy';
import {
  choiceOf,
  devicesFor,
  resolveRole,
  roleChange,
  SYSTEM_DEFAULT,
  type Resolved,
} from './deviceChoice';

const ROLES: readonly AudioRole[] = ['microphone', 'speaker', 'ringer'];
const OK: IntentResult = { ok: true };

/** Where the choice is kept: the settings file in the app. */
export interface AudioSettingsPort {
  load(): { audio: AudioSettings; language: UiLanguage };
  saveAudio(audio: AudioSettings): void;
  saveLanguage(language: UiLanguage): void;
}

export interface AudioDevicesOptions {
  engine: { send(command: EngineCommand): void };
  settings: AudioSettingsPort;
  /** The roles the machine policy fixes (the agent cannot change them). */
  lockedRoles?: () => ReadonlySet<AudioRole>;
  /** Whether the machine policy fixes a setting (`audio.ringtone`, `language`, ...). */
  isLocked?: (key: string) => boolean;
  notify: (level: Notice['level'], code: NoticeCode, values?: Notice['values']) => void;
  /** Called with the new state after every change. */
  changed: (state: AudioState) => void;
}

export class AudioDevices {
  private devices: AudioDevice[] = [];
  private access: MicrophoneAccess = 'unknown';
  private resolved: Partial<Record<AudioRole, Resolved>> = {};
  private lastRouting: string | undefined;
  /** The last state shown: a devicechange that changes nothing costs the desk no snapshot. */
  private lastShown: string | undefined;

  constructor(private readonly options: AudioDevicesOptions) {
    this.resolveAll(false);
  }

  handleEngineEvent(event: EngineEvent): void {
    if (event.type === 'ready') {
      // A new engine page knows nothing yet: it gets the routing again.
      this.lastRouting = undefined;
      this.sendRouting();
      return;
    }
    if (event.type !== 'audio-devices') return;
    this.devices = event.devices;
    this.access = event.microphoneAccess;
    this.resolveAll(true);
  }

  snapshot(): AudioState {
    const { audio, language } = this.options.settings.load();
    const locked = this.locked();
    const role = (name: AudioRole) => {
      const chosen = audio[name];
      const resolved = this.resolved[name];
      return {
        ...(chosen ? { chosen } : {}),
        deviceId: resolved?.deviceId ?? SYSTEM_DEFAULT,
        fallback: resolved?.fallback ?? false,
        locked: locked.has(name),
      };
    };
    return {
      devices: this.devices.filter((device) => device.deviceId !== '' && device.label !== ''),
      roles: { microphone: role('microphone'), speaker: role('speaker'), ringer: role('ringer') },
      microphoneAccess: this.access,
      ringtone: audio.ringtone,
      ringVolume: audio.ringVolume,
      language,
    };
  }

  /** Why the agent cannot take calls with this machine's microphone, if they cannot (B4). */
  microphoneProblem(): Extract<RefusalReason, 'noMicrophone' | 'microphoneDenied'> | undefined {
    if (this.access === 'none') return 'noMicrophone';
    if (this.access === 'denied') return 'microphoneDenied';
    return undefined;
  }

  /**
   * The OS name of the microphone in use (the chosen one, or the default standing in): the
   * headset hub can pick the HID headset that belongs to it.
   */
  microphoneLabel(): string | undefined {
    return this.resolved.microphone?.label || undefined;
  }

  /**
   * The microphone in use as the OS lists it (label and groupId), and the whole list: the
   * headset hub finds the HID headset that is this microphone (headsetForMicrophone).
   */
  microphoneInUse(): MicrophoneInUse {
    const label = this.microphoneLabel();
    const microphone =
      label === undefined
        ? undefined
        : (this.devices.find(
            (device) => device.kind === 'audioinput' && device.label === label,
          ) ?? {
            label,
            groupId: '',
          });
    return { microphone, devices: this.devices };
  }

  /** `deviceId` '' is the system default. */
  choose(role: AudioRole, deviceId: string): IntentResult {
    if (this.locked().has(role)) return { ok: false, reason: 'settingLocked' };
    const { audio } = this.options.settings.load();
    if (deviceId === SYSTEM_DEFAULT) {
      const { [role]: _dropped, ...rest } = audio;
      this.options.settings.saveAudio(rest);
    } else {
      const device = devicesFor(role, this.devices).find((entry) => entry.deviceId === deviceId);
      if (!device) return { ok: false, reason: 'unknownDevice' };
      this.options.settings.saveAudio({ ...audio, [role]: choiceOf(device) });
    }
    this.resolveAll(false);
    return OK;
  }

  setRing(ring: { ringtone?: AudioSettings['ringtone']; ringVolume?: number }): IntentResult {
    const refused = audioChangeRefusal(ring, this.isLocked);
    if (refused) return refused;
    const { audio } = this.options.settings.load();
    this.options.settings.saveAudio({ ...audio, ...definedOnly(ring) });
    this.resolveAll(false);
    return OK;
  }

  setLanguage(language: UiLanguage): IntentResult {
    const refused = audioChangeRefusal({ language }, this.isLocked);
    if (refused) return refused;
    this.options.settings.saveLanguage(language);
    this.show();
    return OK;
  }

  testSound(role: 'speaker' | 'ringer'): IntentResult {
    this.options.engine.send({ type: 'test-sound', role });
    return OK;
  }

  private readonly isLocked = (key: string): boolean => this.options.isLocked?.(key) ?? false;

  private locked(): ReadonlySet<AudioRole> {
    return this.options.lockedRoles?.() ?? new Set();
  }

  /** Resolves every role; `announce`: tell the agent about devices gone or back. */
  private resolveAll(announce: boolean): void {
    const { audio } = this.options.settings.load();
    for (const role of ROLES) {
      const next = resolveRole(role, audio[role], this.devices);
      const change = roleChange(this.resolved[role], next);
      this.resolved[role] = next;
      const name = audio[role]?.label ?? '';
      if (announce && change === 'fellBack') {
        this.options.notify('warning', 'audioDeviceFallback', { role, name });
      }
      if (announce && change === 'returned') {
        this.options.notify('info', 'audioDeviceReturned', { role, name });
      }
    }
    this.sendRouting();
    this.show();
  }

  private show(): void {
    const state = this.snapshot();
    const key = JSON.stringify(state);
    if (key === this.lastShown) return;
    this.lastShown = key;
    this.options.changed(state);
  }

  private routing(): AudioRouting {
    const { audio } = this.options.settings.load();
    return {
      microphone: this.resolved.microphone?.deviceId ?? SYSTEM_DEFAULT,
      speaker: this.resolved.speaker?.deviceId ?? SYSTEM_DEFAULT,
      ringer: this.resolved.ringer?.deviceId ?? SYSTEM_DEFAULT,
      microphoneLabel: this.resolved.microphone?.label ?? '',
      ringtone: audio.ringtone,
      ringVolume: audio.ringVolume,
    };
  }

  /** Only when something changed: a devicechange that moves nothing costs the engine nothing. */
  private sendRouting(): void {
    const routing = this.routing();
    const key = JSON.stringify(routing);
    if (key === this.lastRouting) return;
    this.lastRouting = key;
    this.options.engine.send({ type: 'audio-routing', routing });
  }
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(value).filter(([, entry]) => entry !== undefined),
  ) as Partial<T>;
}

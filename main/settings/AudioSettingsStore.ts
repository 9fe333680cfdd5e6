import type { UiLanguage } from '../../common/contract';
import type { AudioSettingsPort } from '../audio/AudioDevices';
import type { SettingsStore } from './SettingsStore';
import { AudioSettings } from './settingsSchema';

/** Keeps the agent's audio devices, ring and UI language in the settings file (A4). */
export class AudioSettingsStore implements AudioSettingsPort {
  constructor(private readonly settings: SettingsStore) {}

  load(): { audio: AudioSettings; language: UiLanguage } {
    const current = this.settings.get();
    return { audio: current.audio ?? AudioSettings.parse({}), language: current.language };
  }

  saveAudio(audio: AudioSettings): void {
    this.settings.update({ audio });
  }

  saveLanguage(language: UiLanguage): void {
    this.settings.update({ language });
  }
}

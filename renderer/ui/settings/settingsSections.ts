/**
 * The settings screen's sections, in order. Each is one component rendering from the
 * DeskState; another part of the app adds its own section by adding an entry here.
 */
import type { ComponentType } from 'react';
import type { DeskState } from '../../../common/contract';
import type { MessageKey } from '../shared/messageKey';
import { AudioSection } from './AudioSection';
import { DesktopSection } from './DesktopSection';
import { DeskPhoneSection } from './DeskPhoneSection';
import { DiagnosticsSection } from './DiagnosticsSection';
import { HeadsetSection } from './HeadsetSection';
import { LanguageSection } from './LanguageSection';
import { UpdatesSection } from './UpdatesSection';
import { RecordingsSection } from './RecordingsSection';

export interface SettingsSection {
  readonly id: string;
  readonly title: MessageKey;
  readonly Component: ComponentType<{ state: DeskState }>;
}

export const SETTINGS_SECTIONS: readonly SettingsSection[] = [
  { id: 'audio', title: 'settings.audio', Component: AudioSection },
  { id: 'headset', title: 'settings.headset', Component: HeadsetSection },
  { id: 'deskPhone', title: 'deskPhone.title', Component: DeskPhoneSection },
  { id: 'language', title: 'settings.language', Component: LanguageSection },
  { id: 'desktop', title: 'desktopSettings.title', Component: DesktopSection },
  { id: 'recordings', title: 'settings.recordings', Component: RecordingsSection },
  { id: 'diagnostics', title: 'settings.diagnostics', Component: DiagnosticsSection },
  { id: 'updates', title: 'updates.title', Component: UpdatesSection },
];

import type { StatusMemory } from '../desk/status/AgentStatus';
import type { SettingsStore } from './SettingsStore';

/** Keeps the agent's last chosen status in the settings file (A4). */
export class StatusMemoryStore implements StatusMemory {
  constructor(private readonly settings: SettingsStore) {}

  load(): string | undefined {
    return this.settings.get().lastStatusId;
  }

  save(statusId: string): void {
    this.settings.update({ lastStatusId: statusId });
  }
}

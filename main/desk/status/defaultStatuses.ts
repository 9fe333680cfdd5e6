import { AVAILABLE, OFFLINE, type AgentStatusDefinition } from '../../../common/contract';

/** Built-in statuses every agent has; custom ones (Break, Lunch, ...) come from settings. */
export const BUILT_IN_STATUSES: readonly AgentStatusDefinition[] = [
  { id: AVAILABLE, label: 'Available', kind: 'available' },
  { id: OFFLINE, label: 'Offline', kind: 'offline' },
];

/** Until a provisioning profile supplies its own, these are the custom statuses shown. */
export const DEFAULT_CUSTOM_STATUSES: readonly AgentStatusDefinition[] = [
  // `preset`: the UI words them in the agent's language; `label` stays for history and CSV.
  { id: 'break', label: 'Break', kind: 'custom', preset: 'break' },
  { id: 'lunch', label: 'Lunch', kind: 'custom', preset: 'lunch' },
  { id: 'training', label: 'Training', kind: 'custom', preset: 'training' },
];

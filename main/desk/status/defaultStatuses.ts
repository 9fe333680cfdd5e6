import { AVAILABLE, OFFLINE, type AgentStatusDefinition } from '../../../common/contract';

/** Built-in statuses every agent has; custom ones (Break, Lunch, ...) come from settings. */
export const BUILT_IN_STATUSES: readonly AgentStatusDefinition[] = [
  { id: AVAILABLE, label: 'Available', kind: 'available' },
  { id: OFFLINE, label: 'Offline', kind: 'offline' },
];

/** Until a provisioning profile supplies its own, these are the custom statuses shown. */
export const DEFAULT_CUSTOM_STATUSES: readonly AgentStatusDefinition[] = [
  { id: 'break', label: 'Break', kind: 'custom' },
  { id: 'lunch', label: 'Lunch', kind: 'custom' },
  { id: 'training', label: 'Training', kind: 'custom' },
];

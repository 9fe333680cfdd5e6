import type { TFunction } from 'i18next';
import { AVAILABLE, OFFLINE, type AgentStatusDefinition } from '../../../common/contract';
import { localizedLabel } from '../shared/localizedLabel';

/**
 * Built-in statuses and the app's default ones (Break, Lunch, Training) are translated; a
 * profile's statuses show the profile's label, in the UI's language when it gives one.
 */
export function statusLabel(
  t: TFunction,
  status: AgentStatusDefinition | undefined,
  id: string,
  language: string,
): string {
  if (id === AVAILABLE || status?.kind === 'available') return t('status.available');
  if (id === OFFLINE || status?.kind === 'offline') return t('status.offline');
  if (!status) return id;
  if (status.preset) return t(`status.preset.${status.preset}`);
  return localizedLabel(status, language);
}

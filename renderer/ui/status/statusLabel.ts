import type { TFunction } from 'i18next';
import { AVAILABLE, OFFLINE, type AgentStatusDefinition } from '../../../common/contract';

/** Built-in statuses are translated by id; custom ones show the label from the profile. */
export function statusLabel(
  t: TFunction,
  status: AgentStatusDefinition | undefined,
  id: string,
): string {
  if (id === AVAILABLE || status?.kind === 'available') return t('status.available');
  if (id === OFFLINE || status?.kind === 'offline') return t('status.offline');
  return status?.label ?? id;
}

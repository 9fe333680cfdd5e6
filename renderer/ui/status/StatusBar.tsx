import { useTranslation } from 'react-i18next';
import type { DeskState } from '../../../common/contract';
import { contactStrip, type StatusTone } from './contactStrip';
import { statusLabel } from './statusLabel';

export type { StatusTone } from './contactStrip';

/**
 * The coloured strip at the top, as in the CCP: the agent's status, or while a contact is
 * open, the contact's state (with hold and conference). It is the live region that announces
 * both kinds of change.
 */
export function StatusBar({ state }: { state: DeskState }) {
  const { t, i18n } = useTranslation();
  const contact = state.contacts[0];
  const status = state.agent.statuses.find((item) => item.id === state.agent.statusId);
  let tone: StatusTone;
  let label: string;
  if (contact) {
    const strip = contactStrip(contact);
    tone = strip.tone;
    label = t(strip.labelKey);
  } else {
    tone = status?.kind ?? 'custom';
    label = statusLabel(t, status, state.agent.statusId, i18n.language);
  }

  return (
    <div
      className={`status-bar status-bar--${tone}`}
      data-testid="status-bar"
      data-tone={tone}
      role="status"
      aria-live="polite"
    >
      <span className="status-bar__label">{label}</span>
    </div>
  );
}

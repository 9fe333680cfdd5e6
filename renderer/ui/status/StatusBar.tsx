import { useTranslation } from 'react-i18next';
import type { Contact, DeskState } from '../../../common/contract';
import { statusLabel } from './statusLabel';

export type StatusTone =
  'available' | 'offline' | 'custom' | 'incoming' | 'active' | 'connected' | 'acw' | 'missed';

function contactTone(contact: Contact): StatusTone {
  switch (contact.state) {
    case 'incoming':
      return 'incoming';
    case 'accepting':
    case 'dialing':
      return 'active';
    case 'connected':
      return 'connected';
    case 'acw':
      return 'acw';
    case 'missed':
    case 'failed':
      return 'missed';
  }
}

/**
 * The coloured strip at the top, as in the CCP: the agent's status, or while a contact is
 * open, the contact's state. It is the live region that announces both kinds of change.
 */
export function StatusBar({ state }: { state: DeskState }) {
  const { t } = useTranslation();
  const contact = state.contacts[0];
  const status = state.agent.statuses.find((item) => item.id === state.agent.statusId);
  const tone: StatusTone = contact ? contactTone(contact) : (status?.kind ?? 'custom');
  let label: string;
  if (!contact) label = statusLabel(t, status, state.agent.statusId);
  // A queued callback is announced as such (D7), as the CCP's "Callback incoming".
  else if (contact.callback && contact.state === 'incoming')
    label = t('contact.callbackIncomingTitle');
  else label = t(`contactState.${contact.state}`);

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

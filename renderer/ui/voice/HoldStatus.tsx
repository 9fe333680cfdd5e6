import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../common/contract';
import { ElapsedTime } from '../shared/ElapsedTime';
import { useSince } from '../shared/useSince';

/**
 * The customer's hold, as the agent must not miss it: "On hold" (and for how long) or the
 * customer's side holding the agent. A live region, so each change is announced; the timer
 * inside opts out of it, or it would be read out every second.
 */
export function HoldStatus({ contact }: { contact: Contact }) {
  const { t } = useTranslation();
  const held = contact.hold === 'held';
  const heldSince = useSince(held);
  return (
    <div className="call-status" role="status">
      {held ? (
        <span className="badge badge--hold" data-testid="on-hold">
          {t('call.onHold')}
        </span>
      ) : null}
      {heldSince !== undefined ? (
        <ElapsedTime
          since={heldSince}
          label={t('call.holdTimerLabel')}
          testId="hold-timer"
          className="call-status__timer"
          notLive
        />
      ) : null}
      {contact.remoteHold ? (
        <span className="badge badge--hold" data-testid="remote-hold">
          {t('call.remoteHold')}
        </span>
      ) : null}
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import type { DeskState } from '../../../common/contract';
import { isKeyLocked } from '../session/profileLocks';

/** Whether the machine policy fixes a setting (`audio.ringtone`, `language`, ...): main says so. */
export function isSettingLocked(state: DeskState, key: string): boolean {
  return isKeyLocked(state.profile?.lockedKeys ?? [], key);
}

/**
 * "Set by your IT department" with a lock, under a control the machine policy fixes (A3). The
 * control itself is disabled; main refuses a change anyway. `id` lets the control point at it
 * with aria-describedby.
 */
export function LockedNote({ id }: { id: string }) {
  const { t } = useTranslation();
  return (
    <p id={id} className="settings__hint settings__locked" data-testid={id}>
      <svg
        className="settings__lock"
        viewBox="0 0 16 16"
        width="12"
        height="12"
        aria-hidden="true"
        focusable="false"
      >
        <path d="M4 7V5a4 4 0 0 1 8 0v2h1v8H3V7h1zm2 0h4V5a2 2 0 0 0-4 0v2z" fill="currentColor" />
      </svg>
      {t('settings.locked')}
    </p>
  );
}

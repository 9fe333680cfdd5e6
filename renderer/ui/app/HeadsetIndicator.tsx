import { useTranslation } from 'react-i18next';
import type { HeadsetStatus } from '../../../common/contract';
import { HEADSET_BUTTON_MESSAGES } from './headsetMessages';

/**
 * The headset in use and the last button pressed on it (B2), so an agent can tell at a glance
 * that the right headset is listening. Nothing when no telephony headset is plugged in.
 */
export function HeadsetIndicator({ headset }: { headset: HeadsetStatus | undefined }) {
  const { t } = useTranslation();
  if (!headset) return null;
  const last = headset.lastPress;
  return (
    <p className="desk-header__headset" data-testid="headset-in-use">
      <span>{t('headset.inUse', { name: headset.name })}</span>
      {last ? (
        <span data-testid="headset-last-press">
          {' · '}
          {t('headset.lastPress', { button: t(HEADSET_BUTTON_MESSAGES[last.button]) })}
        </span>
      ) : null}
    </p>
  );
}

import { useTranslation } from 'react-i18next';
import type { DeskState } from '../../../common/contract';
import { HEADSET_BUTTON_MESSAGES } from '../app/headsetMessages';

/**
 * The telephony headset in use and its last button press (B2), next to the device choice: an
 * agent checking their setup sees that the headset's buttons reach the app. With several
 * headsets plugged in, the one that is the chosen microphone is used, so choosing the
 * microphone above chooses the headset too.
 */
export function HeadsetSection({ state }: { state: DeskState }) {
  const { t } = useTranslation();
  const headset = state.headset;
  const last = headset?.lastPress;
  return (
    <div className="settings__field" data-testid="settings-headset">
      <p className="field__label">{t('settings.headsetInUse')}</p>
      <p data-testid="settings-headset-name">{headset ? headset.name : t('settings.noHeadset')}</p>
      {last ? (
        <p data-testid="settings-headset-last-press">
          {t('headset.lastPress', { button: t(HEADSET_BUTTON_MESSAGES[last.button]) })}
        </p>
      ) : null}
      <p className="settings__hint">{t('settings.headsetHint')}</p>
    </div>
  );
}

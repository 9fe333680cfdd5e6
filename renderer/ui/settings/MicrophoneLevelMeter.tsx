import { useTranslation } from 'react-i18next';
import { useMicrophoneLevel } from './useMicrophoneLevel';

/**
 * The live microphone level under the microphone choice (B1): the agent speaks and sees the
 * chosen headset pick them up. An ARIA meter (0 to 100) with its label, so a screen reader
 * reads "Microphone level, 45".
 */
export function MicrophoneLevelMeter() {
  const { t } = useTranslation();
  const level = useMicrophoneLevel();
  const percent = Math.round(level * 100);
  return (
    <div className="settings__field">
      <span id="settings-level-label" className="field__label">
        {t('settings.level')}
      </span>
      <div
        role="meter"
        className="level-meter"
        data-testid="settings-microphone-level"
        aria-labelledby="settings-level-label"
        aria-describedby="settings-level-hint"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
      >
        <div className="level-meter__bar" style={{ width: `${percent}%` }} />
      </div>
      <p id="settings-level-hint" className="settings__hint">
        {t('settings.levelHint')}
      </p>
    </div>
  );
}

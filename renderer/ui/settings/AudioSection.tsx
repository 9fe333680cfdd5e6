import { useTranslation } from 'react-i18next';
import { Ringtone, type AudioState, type DeskState } from '../../../common/contract';
import { useCcp } from '../app/CcpContext';
import { IntentError } from '../shared/IntentError';
import { useIntent } from '../shared/useIntent';
import { DeviceSelect } from './DeviceSelect';
import { MicrophoneLevelMeter } from './MicrophoneLevelMeter';
import { isSettingLocked, LockedNote } from './LockedNote';

/** Microphone, speaker and ringer, each with its test; ringtone and ring volume (B1). */
export function AudioSection({ state }: { state: DeskState }) {
  const { t } = useTranslation();
  const audio = state.audio;
  if (!audio) return <p className="settings__hint">{t('settings.noDevices')}</p>;
  return (
    <div className="settings__fields">
      <DeviceSelect role="microphone" audio={audio} test={undefined} />
      <MicrophoneLevelMeter />
      {(['speaker', 'ringer'] as const).map((role) => (
        <DeviceSelect key={role} role={role} audio={audio} test={role} />
      ))}
      <RingControls
        audio={audio}
        ringtoneLocked={isSettingLocked(state, 'audio.ringtone')}
        volumeLocked={isSettingLocked(state, 'audio.ringVolume')}
      />
    </div>
  );
}

interface RingProps {
  audio: AudioState;
  ringtoneLocked: boolean;
  volumeLocked: boolean;
}

function RingControls({ audio, ringtoneLocked, volumeLocked }: RingProps) {
  const { t } = useTranslation();
  const api = useCcp();
  const change = useIntent();
  return (
    <>
      <div className="settings__field">
        <label htmlFor="settings-ringtone" className="field__label">
          {t('settings.ringtone')}
        </label>
        <div className="select-wrap">
          <select
            id="settings-ringtone"
            className="select"
            data-testid="settings-ringtone"
            value={audio.ringtone}
            disabled={ringtoneLocked}
            aria-describedby={ringtoneLocked ? 'settings-ringtone-locked' : undefined}
            onChange={(event) => {
              const ringtone = Ringtone.parse(event.target.value);
              void change.run(() => api.settings.setRing({ ringtone }));
            }}
          >
            {Ringtone.options.map((option) => (
              <option key={option} value={option}>
                {t(`settings.ringtones.${option}`)}
              </option>
            ))}
          </select>
        </div>
        {ringtoneLocked ? <LockedNote id="settings-ringtone-locked" /> : null}
      </div>
      <div className="settings__field">
        <label htmlFor="settings-ring-volume" className="field__label">
          {t('settings.ringVolume')}
        </label>
        <input
          id="settings-ring-volume"
          type="range"
          min={0}
          max={100}
          step={10}
          className="settings__range"
          data-testid="settings-ring-volume"
          value={Math.round(audio.ringVolume * 100)}
          disabled={volumeLocked}
          aria-describedby={volumeLocked ? 'settings-ring-volume-locked' : undefined}
          onChange={(event) => {
            const ringVolume = Number(event.target.value) / 100;
            void change.run(() => api.settings.setRing({ ringVolume }));
          }}
        />
        {volumeLocked ? <LockedNote id="settings-ring-volume-locked" /> : null}
      </div>
      <IntentError failure={change.failure} context="settings" />
    </>
  );
}

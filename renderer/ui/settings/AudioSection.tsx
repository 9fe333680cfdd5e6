import { useTranslation } from 'react-i18next';
import {
  Ringtone,
  type AudioRole,
  type AudioState,
  type DeskState,
} from '../../../common/contract';
import { useCcp } from '../app/CcpContext';
import { IntentError } from '../shared/IntentError';
import { useIntent } from '../shared/useIntent';
import { DeviceSelect } from './DeviceSelect';

/** Microphone, speaker and ringer, each with its test; ringtone and ring volume (B1). */
export function AudioSection({ state }: { state: DeskState }) {
  const { t } = useTranslation();
  const audio = state.audio;
  if (!audio) return <p className="settings__hint">{t('settings.noDevices')}</p>;
  return (
    <div className="settings__fields">
      {(['microphone', 'speaker', 'ringer'] as const).map((role) => (
        <DeviceSelect key={role} role={role} audio={audio} test={testOf(role)} />
      ))}
      <RingControls audio={audio} />
    </div>
  );
}

function testOf(role: AudioRole): 'speaker' | 'ringer' | undefined {
  return role === 'microphone' ? undefined : role;
}

function RingControls({ audio }: { audio: AudioState }) {
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
          onChange={(event) => {
            const ringVolume = Number(event.target.value) / 100;
            void change.run(() => api.settings.setRing({ ringVolume }));
          }}
        />
      </div>
      <IntentError failure={change.failure} context="settings" />
    </>
  );
}

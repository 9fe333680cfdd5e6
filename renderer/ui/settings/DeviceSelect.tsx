import { useTranslation } from 'react-i18next';
import type { AudioDevice, AudioRole, AudioState } from '../../../common/contract';
import { useCcp } from '../app/CcpContext';
import { IntentError } from '../shared/IntentError';
import { useIntent } from '../shared/useIntent';
import { deviceOptions, selectedDevice } from './deviceOptions';
import { LockedNote } from './LockedNote';

interface Props {
  role: AudioRole;
  audio: AudioState;
  /** The role's test sound, for the speaker and the ringer. */
  test: 'speaker' | 'ringer' | undefined;
}

/** One role's device: System default first, then the devices as the OS names them. */
export function DeviceSelect({ role, audio, test }: Props) {
  const { t } = useTranslation();
  const api = useCcp();
  const change = useIntent();
  const testing = useIntent();
  const state = audio.roles[role];
  const id = `settings-${role}`;
  const options: AudioDevice[] = deviceOptions(role, audio.devices);
  const defaultName = audio.devices.find(
    (device) => device.deviceId === 'default' && device.kind === options[0]?.kind,
  )?.label;
  const noteId = `${id}-note`;
  const note = state.locked
    ? t('settings.locked')
    : state.fallback
      ? t('settings.fallback')
      : undefined;
  return (
    <div className="settings__field">
      <label htmlFor={id} className="field__label">
        {t(`settings.${role}`)}
      </label>
      <div className="settings__device-row">
        <div className="select-wrap">
          <select
            id={id}
            className="select"
            data-testid={id}
            value={selectedDevice(state, options)}
            disabled={state.locked}
            aria-describedby={note ? noteId : undefined}
            onChange={(event) => {
              const deviceId = event.target.value;
              void change.run(() => api.settings.chooseAudioDevice(role, deviceId));
            }}
          >
            <option value="">
              {defaultName
                ? t('settings.systemDefaultNamed', { name: defaultName.replace(/^Default - /, '') })
                : t('settings.systemDefault')}
            </option>
            {state.chosen && state.fallback ? (
              // The chosen device is unplugged: it stays chosen and shown until it is back.
              <option value={`missing:${state.chosen.label}`} disabled>
                {state.chosen.label}
              </option>
            ) : null}
            {options.map((device) => (
              <option key={device.deviceId} value={device.deviceId}>
                {device.label}
              </option>
            ))}
          </select>
        </div>
        {test ? (
          <button
            type="button"
            className="button button--quiet button--small"
            data-testid={`settings-test-${test}`}
            onClick={() => void testing.run(() => api.settings.testSound(test))}
          >
            {t(test === 'speaker' ? 'settings.testSpeaker' : 'settings.testRinger')}
          </button>
        ) : null}
      </div>
      {state.locked ? (
        <LockedNote id={noteId} />
      ) : note ? (
        <p id={noteId} className="settings__hint" data-testid={`${id}-note`}>
          {note}
        </p>
      ) : null}
      <IntentError failure={change.failure ?? testing.failure} context="settings" />
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import { UiLanguage, type DeskState } from '../../../common/contract';
import { useCcp } from '../app/CcpContext';
import { IntentError } from '../shared/IntentError';
import { useIntent } from '../shared/useIntent';
import { isSettingLocked, LockedNote } from './LockedNote';

/** The UI language: applied at once (main remembers it, the state brings it back). */
export function LanguageSection({ state }: { state: DeskState }) {
  const { t } = useTranslation();
  const api = useCcp();
  const change = useIntent();
  const language = state.audio?.language ?? 'system';
  const locked = isSettingLocked(state, 'language');
  return (
    <div className="settings__field">
      <label htmlFor="settings-language" className="field__label">
        {t('settings.uiLanguage')}
      </label>
      <div className="select-wrap">
        <select
          id="settings-language"
          className="select"
          data-testid="settings-language"
          value={language}
          disabled={locked}
          aria-describedby={locked ? 'settings-language-locked' : undefined}
          onChange={(event) => {
            const next = UiLanguage.parse(event.target.value);
            void change.run(() => api.settings.setLanguage(next));
          }}
        >
          {UiLanguage.options.map((option) => (
            <option key={option} value={option} lang={option === 'system' ? undefined : option}>
              {t(`settings.languages.${option}`)}
            </option>
          ))}
        </select>
      </div>
      {locked ? <LockedNote id="settings-language-locked" /> : null}
      <IntentError failure={change.failure} context="settings" />
    </div>
  );
}

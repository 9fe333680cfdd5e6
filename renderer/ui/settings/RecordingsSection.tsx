import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskState } from '../../../common/contract';
import { useCcp } from '../app/CcpContext';
import { IntentError } from '../shared/IntentError';
import { useIntent } from '../shared/useIntent';
import { LockedNote } from './LockedNote';

/**
 * The folder call recordings go to (D9). Typed as a full path and saved with its button (or
 * Enter): main checks it is a folder this user can write to and says why when it is not. The
 * machine policy can fix it, and then it shows locked.
 */
export function RecordingsSection({ state }: { state: DeskState }) {
  const { t } = useTranslation();
  const api = useCcp();
  const save = useIntent();
  const current = state.recordingsFolder;
  const [draft, setDraft] = useState<string | undefined>(undefined);
  const [saved, setSaved] = useState(false);
  if (!current) return null;
  const value = draft ?? current.folder;
  const submit = async () => {
    setSaved(false);
    if (await save.run(() => api.settings.setRecordingsFolder(value))) {
      setDraft(undefined);
      setSaved(true);
    }
  };
  return (
    <form
      className="settings__fields"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <div className="settings__field">
        <label htmlFor="settings-recordings-folder" className="field__label">
          {t('settings.recordingsFolder')}
        </label>
        <input
          id="settings-recordings-folder"
          className="field__input"
          data-testid="settings-recordings-folder"
          value={value}
          disabled={current.locked}
          spellCheck={false}
          aria-describedby={
            current.locked ? 'settings-recordings-folder-locked' : 'settings-recordings-folder-hint'
          }
          onChange={(event) => {
            setDraft(event.target.value);
            setSaved(false);
          }}
        />
        {current.locked ? (
          <LockedNote id="settings-recordings-folder-locked" />
        ) : (
          <p id="settings-recordings-folder-hint" className="settings__hint">
            {saved ? t('settings.recordingsFolderSaved') : t('settings.recordingsFolderHint')}
          </p>
        )}
      </div>
      {current.locked ? null : (
        <div>
          <button
            type="submit"
            className="button button--quiet button--small"
            data-testid="settings-recordings-folder-save"
            disabled={value.trim() === '' || value === current.folder}
          >
            {t('settings.recordingsFolderSave')}
          </button>
        </div>
      )}
      <IntentError
        failure={save.failure}
        context="settings"
        testId="settings-recordings-folder-error"
      />
    </form>
  );
}

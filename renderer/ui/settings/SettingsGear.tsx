import { useTranslation } from 'react-i18next';
import { useOpenSettings } from './SettingsOpener';

/** The gear the agent guides start from: "open the settings gear". */
export function SettingsGear({ onLight = false }: { onLight?: boolean }) {
  const { t } = useTranslation();
  const open = useOpenSettings();
  return (
    <button
      type="button"
      className={`button ${onLight ? 'button--quiet' : 'button--ghost'} button--small settings-gear`}
      data-testid="settings-open"
      aria-label={t('settings.open')}
      title={t('settings.open')}
      onClick={open}
    >
      <span aria-hidden="true">⚙</span>
    </button>
  );
}

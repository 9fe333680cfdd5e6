import { useTranslation } from 'react-i18next';
import type { DeskState } from '../../../common/contract';
import { UpdateOfferView } from '../updates/UpdateOfferView';

/** Settings → Updates: the downloaded update with its Restart, "IT updates this app", or none. */
export function UpdatesSection({ state }: { state: DeskState }) {
  const { t } = useTranslation();
  return (
    <div className="settings__fields" data-testid="settings-updates">
      {state.update ? (
        <UpdateOfferView offer={state.update} place="settings" />
      ) : (
        <p className="settings__hint">{t('updates.none')}</p>
      )}
    </div>
  );
}

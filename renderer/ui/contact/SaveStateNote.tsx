import { useTranslation } from 'react-i18next';
import type { SaveSnapshot } from './DetailsAutosave';
import { IntentError } from '../shared/IntentError';

interface Props {
  save: SaveSnapshot;
  /** `call` or `acw`: test ids `acw-save-state`, `acw-saved`, `acw-save-error`. */
  testIdPrefix: string;
}

/** "Saving…" / "Saved" next to the notes, or why the last save was refused. */
export function SaveStateNote({ save, testIdPrefix }: Props) {
  const { t } = useTranslation();
  if (save.state === 'failed') {
    return (
      <IntentError failure={save.failure} context="contact" testId={`${testIdPrefix}-save-error`} />
    );
  }
  return (
    <p
      className={`save-state save-state--${save.state}`}
      role="status"
      data-testid={`${testIdPrefix}-save-state`}
      data-state={save.state}
    >
      {save.state === 'saved' ? (
        <span className="save-state__saved" data-testid={`${testIdPrefix}-saved`}>
          <span aria-hidden="true">✓ </span>
          {t('details.saved')}
        </span>
      ) : null}
      {save.state === 'pending' || save.state === 'saving' ? t('details.saving') : null}
    </p>
  );
}

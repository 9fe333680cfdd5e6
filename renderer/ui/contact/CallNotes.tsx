import { useTranslation } from 'react-i18next';
import { NotesField } from './NotesField';
import { SaveStateNote } from './SaveStateNote';
import type { ContactDetailsHandle } from './useContactDetails';

/** Notes while talking (D8): agents write as the customer speaks; the same notes as in ACW. */
export function CallNotes({ details }: { details: ContactDetailsHandle }) {
  const { t } = useTranslation();
  return (
    <section className="notes-card" aria-labelledby="call-notes-title" data-testid="call-notes">
      <h2 id="call-notes-title" className="section-title">
        {t('details.title')}
      </h2>
      <NotesField
        value={details.draft.notes}
        onChange={(notes) => details.update({ notes })}
        testId="call-notes-input"
      />
      <SaveStateNote save={details.save} testIdPrefix="call" />
    </section>
  );
}

import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { focusIsLost } from '../shared/focusPolicy';
import { MAX_NOTES_LENGTH } from '../../../common/contract';

interface Props {
  value: string;
  onChange(notes: string): void;
  testId: string;
  /**
   * Focus the field, caret at the end, when it appears: when a call ends mid-sentence the
   * agent keeps typing into the ACW notes instead of into whatever button has focus.
   */
  focusOnMount?: boolean;
}

/** The contact's free-text notes; the same field during the call and in ACW. */
export function NotesField({ value, onChange, testId, focusOnMount = false }: Props) {
  const { t } = useTranslation();
  const field = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    const element = field.current;
    // Only focus that was lost (focus policy): a control still in use keeps it.
    if (!focusOnMount || !element || !focusIsLost(document)) return;
    element.focus();
    element.setSelectionRange(element.value.length, element.value.length);
  }, [focusOnMount]);

  return (
    <div className="field">
      <label htmlFor="contact-notes" className="field__label">
        {t('details.notes')}
      </label>
      <textarea
        id="contact-notes"
        ref={field}
        className="field__input field__textarea"
        data-testid={testId}
        rows={3}
        maxLength={MAX_NOTES_LENGTH}
        placeholder={t('details.notesPlaceholder')}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}

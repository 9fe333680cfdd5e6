import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_NOTES_LENGTH, type WrapUpCode } from '../../../common/contract';
import { followUpNeedsDueTime } from './detailsDraft';
import { NotesField } from './NotesField';
import { SaveStateNote } from './SaveStateNote';
import type { ContactDetailsHandle } from './useContactDetails';
import { localizedLabel } from '../shared/localizedLabel';

interface Props {
  details: ContactDetailsHandle;
  wrapUpCodes: WrapUpCode[];
  wrapUpRequired: boolean;
  /** The wrap-up select, focused when Clear contact is refused for want of a code. */
  wrapUpRef?: Ref<HTMLSelectElement>;
}

/**
 * After contact work (D8): notes, wrap-up code from the profile's list and a follow-up task
 * with its due time. No Save button: every change is saved after a short pause.
 */
export function WrapUpDetailsForm({ details, wrapUpCodes, wrapUpRequired, wrapUpRef }: Props) {
  const { t, i18n } = useTranslation();
  const { draft, update } = details;
  const codeKnown = draft.wrapUpCode === '' || wrapUpCodes.some((c) => c.id === draft.wrapUpCode);
  const needsDueTime = followUpNeedsDueTime(draft);
  const showCodes = wrapUpCodes.length > 0 || wrapUpRequired || !codeKnown;

  return (
    <form
      className="details-form"
      data-testid="acw-details"
      aria-label={t('details.title')}
      onSubmit={(event) => event.preventDefault()}
      noValidate
    >
      <NotesField
        value={draft.notes}
        onChange={(notes) => update({ notes })}
        testId="acw-notes"
        focusOnMount
      />

      {showCodes ? (
        <div className="field">
          <label htmlFor="wrap-up-code" className="field__label">
            {t('details.wrapUpCode')}
            {wrapUpRequired ? (
              <span className="field__required" data-testid="acw-wrapup-required">
                {' '}
                {t('details.required')}
              </span>
            ) : null}
          </label>
          <div className="select-wrap">
            <select
              id="wrap-up-code"
              ref={wrapUpRef}
              className="select"
              data-testid="acw-wrapup"
              value={draft.wrapUpCode}
              aria-required={wrapUpRequired || undefined}
              onChange={(event) => update({ wrapUpCode: event.target.value })}
            >
              <option value="">{t('details.noWrapUpCode')}</option>
              {wrapUpCodes.map((code) => (
                <option key={code.id} value={code.id}>
                  {localizedLabel(code, i18n.language)}
                </option>
              ))}
              {codeKnown ? null : <option value={draft.wrapUpCode}>{draft.wrapUpCode}</option>}
            </select>
          </div>
        </div>
      ) : null}

      <fieldset className="follow-up" data-testid="acw-followup">
        <legend className="field__label">{t('details.followUp')}</legend>
        <div className="field">
          <label htmlFor="follow-up-note" className="field__label field__label--small">
            {t('details.followUpNote')}
          </label>
          <input
            id="follow-up-note"
            className="field__input"
            data-testid="acw-followup-note"
            type="text"
            maxLength={MAX_NOTES_LENGTH}
            placeholder={t('details.followUpNotePlaceholder')}
            value={draft.followUpNote}
            onChange={(event) => update({ followUpNote: event.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="follow-up-due" className="field__label field__label--small">
            {t('details.followUpDue')}
          </label>
          <input
            id="follow-up-due"
            className="field__input"
            data-testid="acw-followup-due"
            type="datetime-local"
            value={draft.followUpDue}
            aria-invalid={needsDueTime || undefined}
            aria-describedby={needsDueTime ? 'follow-up-due-hint' : undefined}
            onChange={(event) => update({ followUpDue: event.target.value })}
          />
          {needsDueTime ? (
            <p id="follow-up-due-hint" className="field__error" data-testid="acw-followup-due-hint">
              {t('details.followUpNeedsDue')}
            </p>
          ) : null}
        </div>
      </fieldset>

      <SaveStateNote save={details.save} testIdPrefix="acw" />
    </form>
  );
}

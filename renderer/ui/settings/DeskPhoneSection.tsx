import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskPhoneState, DeskState, PhoneMode } from '../../../common/contract';
import { useCcp } from '../app/CcpContext';
import { IntentError } from '../shared/IntentError';
import { useIntent } from '../shared/useIntent';
import { LockedNote } from './LockedNote';

/**
 * Softphone or desk phone (B3): where the agent talks. In desk phone mode calls ring the desk
 * phone's number and the app keeps the contact; main checks the number with the dialing rules
 * (E.164, no emergency numbers) and the profile's permission, and says why when it refuses.
 */
export function DeskPhoneSection({ state }: { state: DeskState }) {
  const { t } = useTranslation();
  const deskPhone = state.deskPhone;
  if (!deskPhone?.allowed) {
    return (
      <p className="settings__hint" data-testid="settings-desk-phone-not-allowed">
        {t('deskPhone.notAllowed')}
      </p>
    );
  }
  // Keyed by what main has in force, so a policy or profile change resets the form.
  return (
    <DeskPhoneForm key={`${deskPhone.mode}:${deskPhone.number ?? ''}`} deskPhone={deskPhone} />
  );
}

function DeskPhoneForm({ deskPhone }: { deskPhone: DeskPhoneState }) {
  const { t } = useTranslation();
  const api = useCcp();
  const change = useIntent();
  const [mode, setMode] = useState<PhoneMode>(deskPhone.mode);
  const [number, setNumber] = useState(deskPhone.number ?? '');
  const locked = deskPhone.locked;
  const modes: PhoneMode[] = ['softphone', 'deskPhone'];
  return (
    <form
      className="settings__fields"
      data-testid="settings-desk-phone"
      onSubmit={(event) => {
        event.preventDefault();
        void change.run(() => api.deskPhone.set({ mode, number }));
      }}
    >
      <fieldset className="settings__field" disabled={locked}>
        <legend className="field__label">{t('deskPhone.where')}</legend>
        {modes.map((option) => (
          <label key={option} className="settings__check">
            <input
              type="radio"
              name="phone-mode"
              value={option}
              data-testid={`settings-phone-mode-${option}`}
              checked={mode === option}
              onChange={() => setMode(option)}
            />
            {t(`deskPhone.modes.${option}`)}
          </label>
        ))}
      </fieldset>
      <div className="settings__field">
        <label htmlFor="settings-desk-phone-number" className="field__label">
          {t('deskPhone.number')}
        </label>
        <input
          id="settings-desk-phone-number"
          className="field__input"
          data-testid="settings-desk-phone-number"
          type="tel"
          autoComplete="tel"
          disabled={locked}
          value={number}
          placeholder="+44 20 7183 8750"
          aria-describedby="settings-desk-phone-hint"
          onChange={(event) => setNumber(event.target.value)}
        />
        <p className="settings__hint" id="settings-desk-phone-hint">
          {t('deskPhone.hint')}
        </p>
      </div>
      {locked ? <LockedNote id="settings-desk-phone-locked" /> : null}
      <div>
        <button
          type="submit"
          className="button"
          data-testid="settings-desk-phone-save"
          disabled={locked}
        >
          {t('deskPhone.save')}
        </button>
      </div>
      <p className="settings__hint" role="status" data-testid="settings-desk-phone-in-force">
        {deskPhone.mode === 'deskPhone'
          ? t('deskPhone.inForce.deskPhone', { number: deskPhone.number })
          : t('deskPhone.inForce.softphone')}
      </p>
      <IntentError failure={change.failure} context="settings" testId="settings-desk-phone-error" />
    </form>
  );
}

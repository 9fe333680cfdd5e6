import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MicrophoneProblem } from '../settings/MicrophoneProblem';
import { SettingsGear } from '../settings/SettingsGear';
import { SettingsOpener } from '../settings/SettingsOpener';
import { SettingsScreen } from '../settings/SettingsScreen';
import { useUiLanguage } from '../settings/useUiLanguage';
import { useCcp } from './CcpContext';
import { SignedInView } from './SignedInView';
import { SignInScreen } from '../session/SignInScreen';
import { NoticeBar } from './NoticeBar';
import { UpdateBanner } from '../updates/UpdateBanner';
import { useDeskState } from './useDeskState';

/** Picks the screen from the session phase; everything shown comes from the DeskState. */
export function App() {
  const { t } = useTranslation();
  const api = useCcp();
  const desk = useDeskState(api);
  const [settingsOpen, setSettingsOpen] = useState(false);
  useUiLanguage(desk.status === 'ready' ? desk.state.audio?.language : undefined);

  if (desk.status === 'loading') {
    return (
      <div className="app app--center" role="status" aria-live="polite">
        {t('app.loading')}
      </div>
    );
  }
  if (desk.status === 'error') {
    return (
      <div className="app app--center">
        <p role="alert" className="fatal-text">
          {t('app.stateError', { message: desk.message })}
        </p>
      </div>
    );
  }

  const { state } = desk;
  // An offer always shows: it takes the window back from the settings, which stay open behind.
  const offerRinging = state.contacts.some((contact) => contact.state === 'incoming');
  if (settingsOpen && !offerRinging) {
    return (
      <div className="app">
        <SettingsScreen state={state} onClose={() => setSettingsOpen(false)} />
      </div>
    );
  }
  return (
    <SettingsOpener value={() => setSettingsOpen(true)}>
      <div className="app">
        <MicrophoneProblem audio={state.audio} />
        <UpdateBanner offer={state.update} />
        {state.session.phase === 'signedIn' ? (
          <SignedInView state={state} />
        ) : (
          // The same element for signedOut and signingIn: a failed attempt keeps what was typed.
          // A notice from before sign-in (a repaired settings file) shows above the form.
          <>
            <section aria-label={t('notice.regionLabel')}>
              <NoticeBar notice={state.notice} />
            </section>
            <div className="app__signin">
              <header className="app__gear-row">
                <SettingsGear />
              </header>
              <SignInScreen state={state} />
            </div>
          </>
        )}
      </div>
    </SettingsOpener>
  );
}

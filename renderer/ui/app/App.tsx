import { useTranslation } from 'react-i18next';
import { useCcp } from './CcpContext';
import { SignedInView } from './SignedInView';
import { SignInScreen } from '../session/SignInScreen';
import { NoticeBar } from './NoticeBar';
import { useDeskState } from './useDeskState';

/** Picks the screen from the session phase; everything shown comes from the DeskState. */
export function App() {
  const { t } = useTranslation();
  const api = useCcp();
  const desk = useDeskState(api);

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
  return (
    <div className="app">
      {state.session.phase === 'signedIn' ? (
        <SignedInView state={state} />
      ) : (
        // The same element for signedOut and signingIn: a failed attempt keeps what was typed.
        // A notice from before sign-in (a repaired settings file) shows above the form.
        <>
          <section aria-label={t('notice.regionLabel')}>
            <NoticeBar notice={state.notice} />
          </section>
          <SignInScreen state={state} />
        </>
      )}
    </div>
  );
}

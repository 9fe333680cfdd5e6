import { useTranslation } from 'react-i18next';
import type { DeskState } from '../../../common/contract';
import { useCcp } from './CcpContext';
import { IntentError } from '../shared/IntentError';
import { RegistrationIndicator } from '../session/RegistrationIndicator';
import { HeadsetIndicator } from './HeadsetIndicator';
import { deskMoment } from './deskMoment';
import { useIntent } from '../shared/useIntent';
import { SettingsGear } from '../settings/SettingsGear';

/** Who is signed in, whether the line is registered, and Sign out. */
export function DeskHeader({ state }: { state: DeskState }) {
  const { t } = useTranslation();
  const api = useCcp();
  // "End and clear the contact first" is about this moment: it goes when the contact moves on.
  const signOut = useIntent(deskMoment(state));
  const identity = state.session.identity;
  const name = identity?.displayName || identity?.uri || t('app.name');
  const uri = identity?.displayName ? identity.uri : undefined;

  return (
    <header className="desk-header">
      {/* The window's one level-one heading, for screen readers; the strip below is visual. */}
      <h1 className="sr-only">{t('app.signedInHeading')}</h1>
      <div className="desk-header__row">
        <div className="desk-header__identity">
          <RegistrationIndicator registration={state.registration} />
          <div className="desk-header__names">
            <span className="desk-header__name" title={name}>
              {name}
            </span>
            {uri ? (
              <span className="desk-header__uri" title={uri}>
                {uri}
              </span>
            ) : null}
          </div>
        </div>
        <SettingsGear />
        <button
          type="button"
          className="button button--ghost button--small"
          data-testid="signout"
          disabled={signOut.pending}
          onClick={() => void signOut.run(() => api.session.signOut())}
        >
          {t('header.signOut')}
        </button>
      </div>
      <HeadsetIndicator headset={state.headset} />
      <IntentError failure={signOut.failure} context="signOut" testId="signout-error" />
    </header>
  );
}

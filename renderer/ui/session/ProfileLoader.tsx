import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskState } from '../../../common/contract';
import { useCcp } from '../app/CcpContext';
import { errorMessage } from '../shared/errorMessage';

type Outcome =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'ok' }
  | { kind: 'refused'; path: string; reason: string }
  | { kind: 'error'; message: string };

/** Loads a provisioning profile from a file or an https URL (A3); a bad one is refused whole. */
export function ProfileLoader({ profile }: { profile: DeskState['profile'] }) {
  const { t } = useTranslation();
  const ccp = useCcp();
  const [location, setLocation] = useState('');
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (location.trim() === '' || outcome.kind === 'busy') return;
    setOutcome({ kind: 'busy' });
    try {
      const result = await ccp.profile.load(location);
      setOutcome(
        result.ok ? { kind: 'ok' } : { kind: 'refused', path: result.path, reason: result.reason },
      );
    } catch (error) {
      setOutcome({ kind: 'error', message: errorMessage(error) });
    }
  };

  return (
    <form
      className="profile-loader"
      aria-label={t('profile.title')}
      onSubmit={(event) => void onSubmit(event)}
    >
      <label htmlFor="profile-location" className="field__label">
        {t('profile.locationLabel')}
      </label>
      {profile && profile.source !== 'none' ? (
        <p className="profile-loader__current" data-testid="profile-current">
          {t('profile.current', {
            location: profile.location ?? t(`profile.source.${profile.source}`),
          })}
        </p>
      ) : null}
      <div className="profile-loader__row">
        <input
          id="profile-location"
          className="field__input"
          data-testid="profile-location"
          placeholder={t('profile.placeholder')}
          value={location}
          autoCapitalize="off"
          spellCheck={false}
          onChange={(event) => setLocation(event.target.value)}
        />
        <button
          type="submit"
          className="button"
          data-testid="profile-load"
          disabled={outcome.kind === 'busy'}
        >
          {t('profile.load')}
        </button>
      </div>
      {outcome.kind === 'ok' ? (
        <p role="status" className="profile-loader__ok" data-testid="profile-result" data-ok="true">
          {t('profile.loaded')}
        </p>
      ) : null}
      {outcome.kind === 'refused' ? (
        <p role="alert" className="field__error" data-testid="profile-result" data-ok="false">
          {t('profile.refused', { path: outcome.path, reason: outcome.reason })}
        </p>
      ) : null}
      {outcome.kind === 'error' ? (
        <p role="alert" className="field__error" data-testid="profile-result" data-ok="false">
          {outcome.message}
        </p>
      ) : null}
      {profile?.policyProblem ? (
        <p role="alert" className="field__error" data-testid="policy-problem">
          {t('profile.policyProblem', profile.policyProblem)}
        </p>
      ) : null}
    </form>
  );
}

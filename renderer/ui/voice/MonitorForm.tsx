import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCcp } from '../app/CcpContext';
import { IntentError } from '../shared/IntentError';
import { useIntent } from '../shared/useIntent';

/** A supervisor's Listen in (F1): the agent's extension or SIP address, then Listen in. */
export function MonitorForm() {
  const { t } = useTranslation();
  const api = useCcp();
  const intent = useIntent();
  const [target, setTarget] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (target.trim() === '') return;
    void intent.run(() => api.monitoring.start(target.trim()));
  };
  return (
    <form className="monitor-form" aria-labelledby="monitor-title" onSubmit={submit}>
      <h2 id="monitor-title" className="monitor-form__title">
        {t('monitoring.label')}
      </h2>
      <label htmlFor="monitor-target" className="field__label">
        {t('monitoring.target')}
      </label>
      <div className="monitor-form__row">
        <input
          id="monitor-target"
          className="input"
          data-testid="monitor-target"
          value={target}
          autoComplete="off"
          onChange={(event) => setTarget(event.target.value)}
        />
        <button type="submit" className="button" data-testid="monitor-start">
          {t('monitoring.start')}
        </button>
      </div>
      <IntentError failure={intent.failure} context="dial" testId="monitor-error" />
    </form>
  );
}

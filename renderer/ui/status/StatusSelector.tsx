import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskState } from '../../../common/contract';
import { useCcp } from '../app/CcpContext';
import { ElapsedTime } from '../shared/ElapsedTime';
import { IntentError } from '../shared/IntentError';
import { statusLabel } from './statusLabel';
import { useIntent } from '../shared/useIntent';

/** The agent's status picker and how long the current status has lasted. */
interface Props {
  agent: DeskState['agent'];
  /** The desk moment (deskMoment): a refused change goes when it changes. */
  moment?: string;
}

export function StatusSelector({ agent, moment }: Props) {
  const { t, i18n } = useTranslation();
  const api = useCcp();
  const change = useIntent(moment);
  const [requested, setRequested] = useState(agent.statusId);
  const value = change.pending ? requested : agent.statusId;

  return (
    <div className="status-row">
      <label htmlFor="status-select" className="status-row__label">
        {t('status.label')}
      </label>
      <div className="select-wrap">
        <select
          id="status-select"
          className="select"
          data-testid="status-select"
          value={value}
          onChange={(event) => {
            const statusId = event.target.value;
            setRequested(statusId);
            void change.run(() => api.status.set(statusId));
          }}
        >
          {agent.statuses.map((status) => (
            <option key={status.id} value={status.id}>
              {statusLabel(t, status, status.id, i18n.language)}
            </option>
          ))}
        </select>
      </div>
      <ElapsedTime
        since={agent.statusSince}
        label={t('status.timerLabel')}
        testId="status-timer"
        className="status-row__timer"
      />
      <IntentError failure={change.failure} context="status" testId="status-error" />
    </div>
  );
}

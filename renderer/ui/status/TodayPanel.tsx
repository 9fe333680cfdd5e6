import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskState } from '../../../common/contract';
import { useCcp } from '../app/CcpContext';
import { errorMessage } from '../shared/errorMessage';
import { formatDuration } from '../shared/formatDuration';
import { statusLabel } from './statusLabel';

type Today = NonNullable<DeskState['today']>;
type ExportState =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'done'; file: string }
  | { kind: 'error'; message: string };

/** Today's figures (H1) and the CSV export of the whole history. */
export function TodayPanel({
  today,
  statuses,
}: {
  today: Today;
  statuses: DeskState['agent']['statuses'];
}) {
  const { t, i18n } = useTranslation();
  const ccp = useCcp();
  const [exported, setExported] = useState<ExportState>({ kind: 'idle' });

  const exportCsv = async () => {
    setExported({ kind: 'busy' });
    try {
      const result = await ccp.history.exportCsv();
      setExported(
        result.ok ? { kind: 'done', file: result.file } : { kind: 'error', message: result.reason },
      );
    } catch (error) {
      setExported({ kind: 'error', message: errorMessage(error) });
    }
  };

  return (
    <section className="today" aria-labelledby="today-title" data-testid="today-panel">
      <h2 id="today-title" className="today-title">
        {t('today.title')}
      </h2>
      <dl className="today-figures">
        <div>
          <dt>{t('today.handled')}</dt>
          <dd data-testid="today-handled">{today.handled}</dd>
        </div>
        <div>
          <dt>{t('today.missed')}</dt>
          <dd data-testid="today-missed">{today.missed}</dd>
        </div>
        <div>
          <dt>{t('today.averageHandle')}</dt>
          <dd data-testid="today-aht">
            {today.averageHandleMs === undefined ? '–' : formatDuration(today.averageHandleMs)}
          </dd>
        </div>
      </dl>
      {today.statusTime.length > 0 && (
        <ul className="today-status-time" aria-label={t('today.statusTime')}>
          {today.statusTime.map((entry) => {
            const definition = statuses.find((status) => status.id === entry.statusId);
            return (
              <li key={entry.statusId}>
                <span>
                  {definition
                    ? statusLabel(t, definition, entry.statusId, i18n.language)
                    : entry.label}
                </span>
                <span>{formatDuration(entry.ms)}</span>
              </li>
            );
          })}
        </ul>
      )}
      <button
        type="button"
        className="today-export"
        data-testid="export-history"
        disabled={exported.kind === 'busy'}
        onClick={() => void exportCsv()}
      >
        {exported.kind === 'busy' ? t('today.exporting') : t('today.export')}
      </button>
      {exported.kind === 'done' && (
        <p
          className="today-export-result"
          role="status"
          data-testid="export-result"
          data-file={exported.file}
        >
          {t('today.exported', { file: exported.file })}
        </p>
      )}
      {exported.kind === 'error' && (
        <p className="today-export-result error" role="alert" data-testid="export-result">
          {t('today.exportFailed', { message: exported.message })}
        </p>
      )}
    </section>
  );
}

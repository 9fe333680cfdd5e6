import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportResult } from '../../../common/contract';
import { useCcp } from '../app/CcpContext';

/**
 * Diagnostics for IT (G6): one button that writes the folder, and a box for the contact history,
 * which is left out unless the agent ticks it.
 */
export function DiagnosticsSection() {
  const { t } = useTranslation();
  const api = useCcp();
  const [includeHistory, setIncludeHistory] = useState(false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ExportResult | undefined>();
  return (
    <div className="settings__fields">
      <p className="settings__hint" id="settings-diagnostics-hint">
        {t('settings.diagnosticsHint')}
      </p>
      <label className="settings__check">
        <input
          type="checkbox"
          data-testid="settings-diagnostics-history"
          checked={includeHistory}
          onChange={(event) => setIncludeHistory(event.target.checked)}
        />
        {t('settings.diagnosticsIncludeHistory')}
      </label>
      <div>
        <button
          type="button"
          className="button button--quiet button--small"
          data-testid="settings-diagnostics-export"
          aria-describedby="settings-diagnostics-hint"
          disabled={busy}
          onClick={() => {
            setBusy(true);
            void api.diagnostics
              .export(includeHistory)
              .then(setResult)
              .finally(() => setBusy(false));
          }}
        >
          {t('settings.diagnosticsExport')}
        </button>
      </div>
      {result ? (
        <p
          className={result.ok ? 'settings__hint' : 'field__error'}
          role="status"
          data-testid="settings-diagnostics-result"
          data-ok={result.ok}
          data-file={result.ok ? result.file : undefined}
        >
          {result.ok
            ? t('settings.diagnosticsDone', { file: result.file })
            : t('settings.diagnosticsFailed', { reason: result.reason })}
        </p>
      ) : null}
    </div>
  );
}

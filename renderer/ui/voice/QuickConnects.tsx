import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskState, QuickConnect } from '../../../common/contract';
import { useCcp } from '../app/CcpContext';
import { IntentError } from '../shared/IntentError';
import { matchQuickConnects } from './matchQuickConnects';
import { PresenceBadge } from './PresenceBadge';
import { useIntent } from '../shared/useIntent';

/**
 * Quick connects (D5), searchable by name or number. Main decides which are shown (agent and
 * queue ones only during a call); with no call, an entry dials its target.
 */
export function QuickConnects({
  entries,
  onCall,
  presence,
}: {
  entries: QuickConnect[];
  onCall: boolean;
  /** Agent quick connects' presence (D5), by id. */
  presence?: DeskState['quickConnectPresence'];
}) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const ccp = useCcp();
  const dial = useIntent();
  if (entries.length === 0) return null;

  const matches = matchQuickConnects(entries, query);

  return (
    <section
      className="quick-connects"
      aria-labelledby="quick-connects-title"
      data-testid="quick-connects"
    >
      <h2 id="quick-connects-title" className="today-title">
        {t('quickConnects.title')}
      </h2>
      <input
        className="field__input"
        type="search"
        data-testid="quick-connect-search"
        aria-label={t('quickConnects.search')}
        placeholder={t('quickConnects.search')}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
      />
      <ul className="quick-connects__list">
        {matches.map((entry) => (
          <li key={entry.id} data-testid={`quick-connect-${entry.id}`} data-kind={entry.kind}>
            <span className={`quick-connects__kind quick-connects__kind--${entry.kind}`}>
              {t(`quickConnects.kind.${entry.kind}`)}
            </span>
            <span className="quick-connects__name">{entry.name}</span>
            {entry.kind === 'agent' ? (
              <PresenceBadge presence={presence?.[entry.id]} testId={`presence-${entry.id}`} />
            ) : null}
            {onCall ? (
              <span className="quick-connects__target">{entry.target}</span>
            ) : (
              <button
                type="button"
                className="button quick-connects__call"
                data-testid={`quick-connect-call-${entry.id}`}
                aria-label={t('quickConnects.call', { name: entry.name })}
                disabled={dial.pending}
                onClick={() => void dial.run(() => ccp.calls.dial(entry.target))}
              >
                {t('numpad.call')}
              </button>
            )}
          </li>
        ))}
        {matches.length === 0 ? (
          <li className="quick-connects__empty">{t('quickConnects.noMatch')}</li>
        ) : null}
      </ul>
      <IntentError context="dial" failure={dial.failure} testId="quick-connect-error" />
    </section>
  );
}

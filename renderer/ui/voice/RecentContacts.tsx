import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecentContact } from '../../../common/contract';
import { useCcp } from '../app/CcpContext';
import { formatDuration } from '../shared/formatDuration';
import { IntentError } from '../shared/IntentError';
import { useIntent } from '../shared/useIntent';
import { useRecentContacts } from './useRecentContacts';

interface Props {
  /** A contact is on the desk: the list steps aside, and keeps its search for afterwards. */
  hidden: boolean;
  /** Changes when a contact leaves the desk: its history record is then written. */
  reloadKey: string;
  /** Puts a number in the number pad for the agent to check or edit before calling. */
  onPrefill(number: string): void;
}

/**
 * Recent contacts (D4): the calls in the history, newest first, searchable by name, number or
 * queue; missed calls stand out with a word, not only a colour. Each row can fill the number
 * pad or call back, through the same dial intent (and dialing rules) as the pad. Closed until
 * the agent opens it, so the window stays short; every control is a button or a field, so Tab
 * reaches them all in reading order.
 */
export function RecentContacts({ hidden, reloadKey, onPrefill }: Props) {
  const { t } = useTranslation();
  const ccp = useCcp();
  const dial = useIntent();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const load = useRecentContacts(open && !hidden, query, reloadKey);
  const panelId = useId();
  if (hidden) return null;

  return (
    <section className="recent" aria-labelledby="recent-title" data-testid="recent-contacts">
      <h2 id="recent-title" className="today-title recent__title">
        <button
          type="button"
          className="recent__toggle"
          data-testid="recent-toggle"
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => setOpen(!open)}
        >
          <span aria-hidden="true">{open ? '▾' : '▸'}</span> {t('recent.title')}
        </button>
      </h2>
      {open ? (
        <div id={panelId}>
          <input
            className="field__input"
            type="search"
            data-testid="recent-search"
            aria-label={t('recent.search')}
            placeholder={t('recent.search')}
            value={query}
            maxLength={128}
            onChange={(event) => setQuery(event.target.value)}
          />
          {load.kind === 'error' ? (
            <p className="intent-error" role="alert">
              {t('recent.loadFailed', { message: load.message })}
            </p>
          ) : null}
          {load.kind === 'loaded' ? (
            <>
              <ul className="recent__list" aria-label={t('recent.title')}>
                {load.result.entries.map((entry) => (
                  <RecentRow
                    key={entry.contactId}
                    entry={entry}
                    busy={dial.pending}
                    onPrefill={() => onPrefill(entry.number)}
                    onCall={() => void dial.run(() => ccp.calls.dial(entry.number))}
                  />
                ))}
              </ul>
              <p className="recent__count" aria-live="polite" data-testid="recent-count">
                {load.result.total === 0
                  ? t(query.trim() === '' ? 'recent.none' : 'recent.noMatch')
                  : t('recent.count', {
                      shown: load.result.entries.length,
                      total: load.result.total,
                    })}
              </p>
            </>
          ) : null}
          <IntentError context="dial" failure={dial.failure} testId="recent-error" />
        </div>
      ) : null}
    </section>
  );
}

function RecentRow({
  entry,
  busy,
  onPrefill,
  onCall,
}: {
  entry: RecentContact;
  busy: boolean;
  onPrefill(): void;
  onCall(): void;
}) {
  const { t, i18n } = useTranslation();
  const who = entry.displayName.trim() || entry.number;
  const missed = entry.outcome === 'missed';
  const when = new Intl.DateTimeFormat(i18n.language, {
    dateStyle: 'short',
    timeStyle: 'short',
  }).format(entry.at);
  return (
    <li
      className={`recent__row${missed ? ' recent__row--missed' : ''}`}
      data-testid="recent-contact"
      data-contact-id={entry.contactId}
      data-outcome={entry.outcome}
      data-direction={entry.direction}
    >
      <div className="recent__who">
        <span className="recent__name">{who}</span>
        {who !== entry.number ? <span className="recent__number">{entry.number}</span> : null}
      </div>
      <div className="recent__meta">
        <span className={`recent__outcome recent__outcome--${entry.outcome}`}>
          {t(`recent.direction.${entry.direction}`)} · {t(`recent.outcome.${entry.outcome}`)}
        </span>
        {entry.queue ? <span className="recent__queue">{entry.queue}</span> : null}
        <time dateTime={new Date(entry.at).toISOString()}>{when}</time>
        {entry.handleMs !== undefined ? <span>{formatDuration(entry.handleMs)}</span> : null}
      </div>
      <div className="recent__actions">
        <button
          type="button"
          className="button button--small button--outline recent__prefill"
          data-testid="recent-prefill"
          aria-label={t('recent.prefillLabel', { number: entry.number })}
          onClick={onPrefill}
        >
          {t('recent.prefill')}
        </button>
        <button
          type="button"
          className="button button--small button--accept recent__call"
          data-testid="recent-call"
          aria-label={t('recent.callLabel', { name: who })}
          disabled={busy}
          onClick={onCall}
        >
          {t('recent.call')}
        </button>
      </div>
    </li>
  );
}

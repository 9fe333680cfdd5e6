import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CountryCode } from 'libphonenumber-js';
import type { Contact, DeskState, TransferTarget } from '../../../common/contract';
// Pure formatting shared with main's dialing rules, so the agent sees what will be dialled.
import { formatAsTyped } from '../../../common/dialing/formatAsTyped';
import { useCcp } from '../app/CcpContext';
import { IntentError } from '../shared/IntentError';
import { matchQuickConnects } from './matchQuickConnects';
import { PresenceBadge } from './PresenceBadge';
import { typedTransferTarget } from './typedTransferTarget';
import { useIntent, type Intent } from '../shared/useIntent';

interface Props {
  contact: Contact;
  quickConnects: DeskState['quickConnects'];
  dialing: DeskState['dialing'];
  /** Agent quick connects' presence (D5), by id. */
  presence?: DeskState['quickConnectPresence'];
}

interface TargetRowProps {
  testId: string;
  kind: string | undefined;
  kindLabel: string;
  name: string;
  /** The quick connect's number or address, under its name. */
  detail?: string;
  /** An agent quick connect's presence (D5). */
  presence?: ReactNode;
  to: TransferTarget;
  contactId: string;
  intent: Intent;
}

/** One target with its two ways to transfer: Call first (consult) or Transfer now (blind). */
function TargetRow({
  testId,
  kind,
  kindLabel,
  name,
  detail,
  presence,
  to,
  contactId,
  intent,
}: TargetRowProps) {
  const { t } = useTranslation();
  const api = useCcp();
  // The buttons are named by their action and described by the target, for screen readers.
  const nameId = useId();
  return (
    <li className="transfer__row" data-testid={testId} data-kind={kind}>
      <div className="transfer__who">
        <span className={`quick-connects__kind quick-connects__kind--${kind ?? 'number'}`}>
          {kindLabel}
        </span>
        <span className="transfer__name" id={nameId}>
          {name}
        </span>
        {detail ? <span className="transfer__target">{detail}</span> : null}
        {presence}
      </div>
      <div className="transfer__actions">
        <button
          type="button"
          className="button button--small button--call"
          aria-describedby={nameId}
          onClick={() => void intent.run(() => api.contacts.consult(contactId, to))}
        >
          {t('transfer.call')}
        </button>
        <button
          type="button"
          className="button button--small button--outline"
          aria-describedby={nameId}
          onClick={() => void intent.run(() => api.contacts.transfer(contactId, to))}
        >
          {t('transfer.now')}
        </button>
      </div>
    </li>
  );
}

/**
 * Transfer (D6), as in the CCP: search the quick connects or type a number, then Call (the
 * customer waits on hold while the agent talks to the target first) or Transfer now (blind:
 * the customer goes straight to the target and the agent's call ends).
 */
export function TransferPanel({ contact, quickConnects, dialing, presence }: Props) {
  const { t } = useTranslation();
  const intent = useIntent();
  const [query, setQuery] = useState('');
  const matches = matchQuickConnects(quickConnects, query);
  const typed = typedTransferTarget(query);
  const typedDisplay =
    typed?.via === 'number'
      ? formatAsTyped(typed.number, dialing.defaultCountry as CountryCode) || typed.number
      : '';

  return (
    <section className="transfer" aria-labelledby="transfer-title" data-testid="transfer-panel">
      <h2 id="transfer-title" className="section-title">
        {t('transfer.title')}
      </h2>
      <p className="hint" id="transfer-hint">
        {t('transfer.hint')}
      </p>
      <label htmlFor="transfer-query" className="sr-only">
        {t('transfer.searchLabel')}
      </label>
      <input
        id="transfer-query"
        className="field__input"
        type="search"
        data-testid="transfer-search"
        autoComplete="off"
        spellCheck={false}
        maxLength={128}
        placeholder={t('transfer.searchPlaceholder')}
        aria-describedby="transfer-hint"
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          intent.reset();
        }}
      />
      <ul className="transfer__list" aria-label={t('transfer.targets')}>
        {typed ? (
          <TargetRow
            testId="transfer-number"
            kind={undefined}
            kindLabel={t('transfer.numberKind')}
            name={typedDisplay}
            to={typed}
            contactId={contact.id}
            intent={intent}
          />
        ) : null}
        {matches.map((entry) => (
          <TargetRow
            key={entry.id}
            testId={`quick-connect-${entry.id}`}
            kind={entry.kind}
            kindLabel={t(`quickConnects.kind.${entry.kind}`)}
            name={entry.name}
            detail={entry.target}
            presence={
              entry.kind === 'agent' ? (
                <PresenceBadge presence={presence?.[entry.id]} testId={`presence-${entry.id}`} />
              ) : undefined
            }
            to={{ via: 'quickConnect', quickConnectId: entry.id }}
            contactId={contact.id}
            intent={intent}
          />
        ))}
        {!typed && matches.length === 0 ? (
          <li className="quick-connects__empty">
            {quickConnects.length === 0 ? t('transfer.typeNumber') : t('transfer.noMatch')}
          </li>
        ) : null}
      </ul>
      <IntentError failure={intent.failure} context="transfer" testId="transfer-error" />
    </section>
  );
}

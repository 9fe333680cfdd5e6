import { useTranslation } from 'react-i18next';
import type { Contact } from '../../preload/contract';
import { CallerIdentity } from './CallerIdentity';
import { ClearContactButton } from './ClearContactButton';
import { ElapsedTime } from './ElapsedTime';
import { formatDuration } from './formatDuration';

/** After contact work: the call is over; the agent wraps up, then clears the contact. */
export function AcwView({ contact }: { contact: Contact }) {
  const { t } = useTranslation();
  const talkTime =
    contact.connectedAt !== undefined && contact.endedAt !== undefined
      ? formatDuration(contact.endedAt - contact.connectedAt)
      : undefined;

  return (
    <section className="acw" data-testid="acw-view" aria-labelledby="acw-title">
      <div className="acw__top">
        <h2 id="acw-title" className="section-title">
          {t('contactState.acw')}
        </h2>
        <ElapsedTime
          since={contact.stateSince}
          label={t('contact.acwTimerLabel')}
          testId="acw-timer"
          className="acw__timer"
        />
      </div>
      <CallerIdentity peer={contact.peer} testId="acw-peer" />
      <dl className="facts">
        {contact.endReason ? (
          <div className="facts__row">
            <dt>{t('contact.endReason')}</dt>
            <dd data-testid="end-reason">{contact.endReason}</dd>
          </div>
        ) : null}
        {contact.endedBy ? (
          <div className="facts__row">
            <dt>{t('contact.endedBy')}</dt>
            <dd>{t(`contact.endedByValue.${contact.endedBy}`)}</dd>
          </div>
        ) : null}
        {talkTime ? (
          <div className="facts__row">
            <dt>{t('contact.talkTime')}</dt>
            <dd>{talkTime}</dd>
          </div>
        ) : null}
      </dl>
      <p className="hint">{t('contact.acwHint')}</p>
      <ClearContactButton contactId={contact.id} />
    </section>
  );
}

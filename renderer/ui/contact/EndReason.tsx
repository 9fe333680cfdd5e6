import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../common/contract';
import { END_CODE_MESSAGES } from './endCodeMessages';

type Ended = Pick<Contact, 'endCode' | 'endReason'>;

/**
 * Why a call failed, in plain language, above its SIP text: the agent reads this first ("The
 * line was busy."), not "486 Busy Here". Only for an end that has both a code and SIP text.
 */
export function EndMessage({ contact }: { contact: Ended }) {
  const { t } = useTranslation();
  if (!contact.endCode || !contact.endReason) return null;
  return (
    <p className="end-message" data-testid="end-message">
      {t(END_CODE_MESSAGES[contact.endCode])}
    </p>
  );
}

/**
 * The reason row. The SIP text ("486 Busy", "Bad Media Description (...)") is for IT: under a
 * plain message it is the details, shown small; without one it is the only reason there is.
 * An end the desk decided itself (the agent ended it, a transfer) has no SIP text: its code's
 * words are the reason.
 */
export function EndReasonRow({ contact }: { contact: Ended }) {
  const { t } = useTranslation();
  if (!contact.endReason) {
    if (!contact.endCode) return null;
    return (
      <div className="facts__row">
        <dt>{t('contact.endReason')}</dt>
        <dd data-testid="end-reason">{t(END_CODE_MESSAGES[contact.endCode])}</dd>
      </div>
    );
  }
  const detail = contact.endCode !== undefined;
  return (
    <div className="facts__row">
      <dt>{t(detail ? 'contact.endDetails' : 'contact.endReason')}</dt>
      <dd className={detail ? 'facts__detail' : undefined} data-testid="end-reason">
        {contact.endReason}
      </dd>
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../common/contract';

type Ended = Pick<Contact, 'endCode' | 'endReason'>;

/**
 * Why the contact ended, in plain language, when main gave the end a code: the agent reads
 * this first ("The line was busy."), not the SIP text.
 */
export function EndMessage({ contact }: { contact: Ended }) {
  const { t } = useTranslation();
  if (!contact.endCode) return null;
  return (
    <p className="end-message" data-testid="end-message">
      {t(`contact.endCode.${contact.endCode}`)}
    </p>
  );
}

/**
 * The SIP text of the end ("486 Busy", "Bad Media Description (...)"), for IT. Under a plain
 * message it is the details, shown small; without one it is the only reason there is.
 */
export function EndReasonRow({ contact }: { contact: Ended }) {
  const { t } = useTranslation();
  if (!contact.endReason) return null;
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

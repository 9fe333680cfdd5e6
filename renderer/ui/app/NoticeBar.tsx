import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Notice } from '../../../common/contract';
import { refusalMessageKey } from '../shared/refusalMessages';
import { MOMENT_NOTICES } from './deskMoment';
import { noticeMessageKey } from './noticeMessages';

/** Good news ("reconnected") goes away by itself; problems stay until dismissed or replaced. */
const INFO_VISIBLE_MS = 10_000;

interface Props {
  notice: Notice | undefined;
  /** The desk moment (deskMoment): a notice about a contact goes when it changes. */
  moment?: string;
}

/** The desk's latest notice (connection lost, registration failed...), dismissible. */
export function NoticeBar({ notice, moment }: Props) {
  const { t } = useTranslation();
  const [dismissedId, setDismissedId] = useState<number | undefined>(undefined);
  // The moment each notice arrived in (adjusting state during render, per React).
  const [arrival, setArrival] = useState<{ id: number; moment: string | undefined }>();
  if (notice && arrival?.id !== notice.id) setArrival({ id: notice.id, moment });

  useEffect(() => {
    if (!notice || notice.level !== 'info') return;
    const timer = setTimeout(() => setDismissedId(notice.id), INFO_VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [notice]);

  if (!notice || notice.id === dismissedId) return null;
  const outlived = arrival?.id === notice.id && arrival.moment !== moment;
  if (outlived && MOMENT_NOTICES.has(notice.code)) return null;

  const values: Record<string, string | number> = { ...notice.values };
  // Causes and names come from the far end and may be missing: never show an empty "()".
  for (const name of ['cause', 'reason'] as const)
    if (values[name] === undefined || values[name] === '') values[name] = t('notice.unknownCause');
  if (values['name'] === undefined || values['name'] === '') values['name'] = t('party.thirdParty');
  // A dial link's refusal is a code like any other: worded as the number pad would word it.
  if (notice.code === 'dialLinkRefused' && typeof values['reason'] === 'string')
    values['reason'] = t(refusalMessageKey('dial', values['reason']), { reason: values['reason'] });
  const text = t(noticeMessageKey(notice.code), values);
  const isError = notice.level === 'error';

  return (
    <div
      className={`notice notice--${notice.level}`}
      data-testid="notice"
      data-code={notice.code}
      data-level={notice.level}
      role={isError ? 'alert' : 'status'}
    >
      <span className="notice__icon" aria-hidden="true">
        {isError ? '!' : notice.level === 'warning' ? '!' : 'i'}
      </span>
      <p className="notice__text">{text}</p>
      <button
        type="button"
        className="notice__dismiss"
        aria-label={t('notice.dismiss')}
        title={t('notice.dismiss')}
        onClick={() => setDismissedId(notice.id)}
      >
        ×
      </button>
    </div>
  );
}

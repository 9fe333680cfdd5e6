import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Notice } from '../../../common/contract';

const SAFE_KEY = /^[A-Za-z][A-Za-z0-9_]*$/;
/** Good news ("reconnected") goes away by itself; problems stay until dismissed or replaced. */
const INFO_VISIBLE_MS = 10_000;

/** The desk's latest notice (connection lost, registration failed...), dismissible. */
export function NoticeBar({ notice }: { notice: Notice | undefined }) {
  const { t } = useTranslation();
  const [dismissedId, setDismissedId] = useState<number | undefined>(undefined);

  useEffect(() => {
    if (!notice || notice.level !== 'info') return;
    const timer = setTimeout(() => setDismissedId(notice.id), INFO_VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [notice]);

  if (!notice || notice.id === dismissedId) return null;

  const values: Record<string, string | number> = { ...notice.values };
  // Causes and names come from the far end and may be missing: never show an empty "()".
  for (const name of ['cause', 'reason'] as const)
    if (values[name] === undefined || values[name] === '') values[name] = t('notice.unknownCause');
  if (values['name'] === undefined || values['name'] === '') values['name'] = t('party.thirdParty');
  const text = SAFE_KEY.test(notice.key)
    ? t([`notice.${notice.key}`, 'notice.generic'], values)
    : t('notice.generic');
  const isError = notice.level === 'error';

  return (
    <div
      className={`notice notice--${notice.level}`}
      data-testid="notice"
      data-key={notice.key}
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

import { useTranslation } from 'react-i18next';
import type { CallQuality } from '../../../common/contract';
import { formatQualityFigures, QUALITY_BARS } from './qualityFigures';

interface Props {
  quality: CallQuality | undefined;
  testId: string;
}

/**
 * Audio quality of a leg (D3): bars and a word, with the figures behind them (MOS, loss, jitter,
 * round trip) in the tooltip and for screen readers. Nothing until the first stats arrive.
 */
export function QualityIndicator({ quality, testId }: Props) {
  const { t, i18n } = useTranslation();
  if (!quality) return null;
  const figures = formatQualityFigures(quality, i18n.language);
  const detail = [
    t('quality.mos', { value: figures.mos }),
    t('quality.loss', { value: figures.lossPct }),
    t('quality.jitter', { value: figures.jitterMs }),
    figures.rttMs !== undefined ? t('quality.rtt', { value: figures.rttMs }) : undefined,
  ]
    .filter((part) => part !== undefined)
    .join(t('quality.separator'));
  const lit = QUALITY_BARS[quality.rating];
  return (
    <span
      className={`quality quality--${quality.rating}`}
      data-testid={testId}
      data-rating={quality.rating}
      title={`${t('quality.label')}: ${t(`quality.rating.${quality.rating}`)}. ${detail}`}
    >
      <span className="quality__bars" aria-hidden="true">
        {[1, 2, 3].map((bar) => (
          <span
            key={bar}
            className={bar <= lit ? 'quality__bar quality__bar--lit' : 'quality__bar'}
          />
        ))}
      </span>
      <span className="sr-only">{t('quality.label')}: </span>
      <span className="quality__rating">{t(`quality.rating.${quality.rating}`)}</span>
      <span className="sr-only">. {detail}</span>
    </span>
  );
}

import type { CallQuality } from '../../../common/contract';

/** Lit bars out of three, like a signal meter: agents read it at a glance. */
export const QUALITY_BARS: Readonly<Record<CallQuality['rating'], number>> = {
  good: 3,
  fair: 2,
  poor: 1,
};

export interface QualityFigures {
  mos: string;
  lossPct: string;
  jitterMs: string;
  /** Missing until the first RTCP report gives a round trip. */
  rttMs?: string;
}

/** The stats behind a rating, as the agent's locale writes numbers (MOS 4.2 / 4,2). */
export function formatQualityFigures(quality: CallQuality, locale: string): QualityFigures {
  const oneDecimal = new Intl.NumberFormat(locale, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  const whole = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const figures: QualityFigures = {
    mos: oneDecimal.format(quality.mos),
    lossPct: oneDecimal.format(quality.lossPct),
    jitterMs: whole.format(quality.jitterMs),
  };
  if (quality.rttMs !== undefined) figures.rttMs = whole.format(quality.rttMs);
  return figures;
}

import type { LocalizedLabels } from '../../../common/contract';

/**
 * A profile's label in the UI's language: its own translation for that language when the
 * profile gives one (`labels`), its plain `label` otherwise. Profile words are never machine
 * translated: a status called "Coaching" stays "Coaching" until IT gives it a translation.
 */
export function localizedLabel(
  entry: { label: string; labels?: LocalizedLabels | undefined },
  language: string,
): string {
  const labels = entry.labels;
  if (!labels) return entry.label;
  if (Object.hasOwn(labels, language))
    return labels[language as keyof LocalizedLabels] ?? entry.label;
  return entry.label;
}

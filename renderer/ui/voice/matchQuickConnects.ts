import type { QuickConnect } from '../../../common/contract';

/**
 * Quick connects matching what the agent typed: by name or target, case-insensitive, and by
 * digits alone so "734" finds "+1 (734) 764-4357". An empty query matches everything.
 */
export function matchQuickConnects(
  entries: readonly QuickConnect[],
  query: string,
): QuickConnect[] {
  const needle = query.trim().toLowerCase();
  if (needle === '') return [...entries];
  const digits = needle.replace(/[^\d+]/g, '');
  return entries.filter(
    (entry) =>
      entry.name.toLowerCase().includes(needle) ||
      entry.target.toLowerCase().includes(needle) ||
      (digits.length > 0 && entry.target.replace(/[^\d+]/g, '').includes(digits)),
  );
}

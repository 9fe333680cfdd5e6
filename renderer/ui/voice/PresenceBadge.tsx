import { useTranslation } from 'react-i18next';
import type { DeskState } from '../../../common/contract';

type Presence = NonNullable<DeskState['quickConnectPresence']>[string];

/**
 * A colleague's presence beside an agent quick connect (D5): a shape and a word, never colour
 * alone (filled dot: available, half: away, ring: offline, dashed ring: unknown). The word is
 * the accessible text; the away note (their status, "Lunch") follows it.
 */
export function PresenceBadge({
  presence,
  testId,
}: {
  presence: Presence | undefined;
  testId: string;
}) {
  const { t } = useTranslation();
  const state = presence?.state ?? 'unknown';
  const word = t(`presence.${state}`);
  const note = state === 'away' && presence?.note ? presence.note : undefined;
  return (
    <span className={`presence presence--${state}`} data-testid={testId} data-state={state}>
      <span className="presence__shape" aria-hidden="true" />
      {note ? t('presence.withNote', { state: word, note }) : word}
    </span>
  );
}

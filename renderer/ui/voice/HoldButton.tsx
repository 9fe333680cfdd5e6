import { useTranslation } from 'react-i18next';
import type { HoldState } from '../../../common/contract';
import { ControlButton } from '../shared/ControlButton';
import { holdButtonModel } from './holdButtonModel';

interface Props {
  hold: HoldState;
  /** Asks main to hold (true) or resume (false) the leg. */
  onRequest(hold: boolean): void;
  unavailable?: boolean;
  testId: string;
}

/** Hold/Resume for one leg; shows "Holding…"/"Resuming…" while the re-INVITE is under way. */
export function HoldButton({ hold, onRequest, unavailable = false, testId }: Props) {
  const { t } = useTranslation();
  const model = holdButtonModel(hold);
  return (
    <ControlButton
      className={`button call-control${hold === 'held' ? ' call-control--on' : ''}`}
      testId={testId}
      data-hold={hold}
      unavailable={unavailable || model.pending}
      aria-busy={model.pending || undefined}
      onClick={() => onRequest(model.nextHold)}
    >
      {model.pending ? <span className="spinner spinner--dark" aria-hidden="true" /> : null}
      {t(model.labelKey)}
    </ControlButton>
  );
}

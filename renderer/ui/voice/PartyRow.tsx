import { useTranslation } from 'react-i18next';
import type { CallQuality, HoldState } from '../../../common/contract';
import { ControlButton } from '../shared/ControlButton';
import { HoldButton } from './HoldButton';
import type { PartyStatus } from './partyStatus';
import { QualityIndicator } from './QualityIndicator';

export type PartyLeg = 'customer' | 'thirdParty';

interface Props {
  leg: PartyLeg;
  name: string;
  /** Shown under the name when it says something the name does not. */
  number?: string | undefined;
  status: PartyStatus;
  hold: HoldState;
  quality?: CallQuality | undefined;
  canHold: boolean;
  canEnd: boolean;
  /** A transfer is under way: nothing else may start. */
  unavailable: boolean;
  onHold(hold: boolean): void;
  onEnd(): void;
}

/**
 * One party of a two-party call (D6): who, their own state, their own Hold/Resume and End.
 * A group named "Customer" or "Third party", so the two rows' buttons are told apart.
 */
export function PartyRow(props: Props) {
  const { t } = useTranslation();
  const { leg, status } = props;
  return (
    <div
      role="group"
      aria-label={t(`party.${leg}`)}
      className={`party party--${status}`}
      data-testid={`party-${leg}`}
      data-status={status}
    >
      <div className="party__head">
        <span className="party__role" aria-hidden="true">
          {t(`party.${leg}`)}
        </span>
        <QualityIndicator quality={props.quality} testId={`party-${leg}-quality`} />
      </div>
      <p className="party__name" title={props.name}>
        {props.name}
      </p>
      {props.number ? <p className="party__number">{props.number}</p> : null}
      <div className="party__foot">
        <span
          className={`party__status party__status--${status}`}
          data-testid={`party-${leg}-status`}
        >
          {status === 'dialing' || status === 'holding' || status === 'resuming' ? (
            <span className="spinner spinner--dark" aria-hidden="true" />
          ) : null}
          {t(`party.status.${status}`)}
        </span>
        <span className="party__actions">
          {props.canHold ? (
            <HoldButton
              hold={props.hold}
              testId={`party-${leg}-hold`}
              unavailable={props.unavailable}
              onRequest={props.onHold}
            />
          ) : null}
          {props.canEnd ? (
            <ControlButton
              className="button call-control call-control--end"
              testId={`party-${leg}-end`}
              unavailable={props.unavailable}
              onClick={props.onEnd}
            >
              {t('party.end')}
            </ControlButton>
          ) : null}
        </span>
      </div>
    </div>
  );
}

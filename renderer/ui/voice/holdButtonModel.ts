import type { HoldState } from '../../../common/contract';

export interface HoldButtonModel {
  /** i18n key of the button text. */
  labelKey: 'call.hold' | 'call.resume' | 'call.holding' | 'call.resuming';
  /** A re-INVITE is under way (a 491 glare retry can take seconds): no second click. */
  pending: boolean;
  /** What a click asks for: hold (true) or resume (false). */
  nextHold: boolean;
}

const MODELS: Readonly<Record<HoldState, HoldButtonModel>> = {
  none: { labelKey: 'call.hold', pending: false, nextHold: true },
  holding: { labelKey: 'call.holding', pending: true, nextHold: true },
  held: { labelKey: 'call.resume', pending: false, nextHold: false },
  resuming: { labelKey: 'call.resuming', pending: true, nextHold: false },
};

/** The Hold/Resume button of one leg, from that leg's hold state. */
export function holdButtonModel(hold: HoldState): HoldButtonModel {
  return MODELS[hold];
}

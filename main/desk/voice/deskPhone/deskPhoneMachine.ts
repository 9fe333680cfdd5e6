/**
 * One call in desk phone mode (B3, docs/deskPhone.md): the customer's leg and the desk leg
 * the engine places to the agent's desk phone, bridged in the engine once both are up.
 *
 * Inbound: the desk phone rings first; its answer makes the desk answer the customer's offer.
 * Outbound (click-to-call): the desk phone rings first; its answer makes the desk call the
 * customer. Either leg ending ends the other, so the bridge never leaves one party alone.
 */
import { transition } from '../../../../common/fsm/transitionTable';

export type DeskPhoneState =
  /** The desk leg rings; the customer's offer waits unanswered (or is not dialled yet). */
  | 'ringingDesk'
  /** Inbound: the desk phone answered, the customer's offer is being answered. */
  | 'answeringCustomer'
  /** Outbound: the desk phone answered, the customer is being called. */
  | 'callingCustomer'
  /** Both legs up, their media bridged. */
  | 'bridged'
  | 'ended';

export type DeskPhoneEvent =
  /** The desk phone answered (desk leg confirmed). */
  | 'deskAnswered'
  /** The desk leg ended: rang out, busy, refused, or hung up after answering. */
  | 'deskGone'
  /** The customer's leg is confirmed. */
  | 'customerAnswered'
  /** The customer's leg ended or never came up (hung up, cancelled, failed). */
  | 'customerGone'
  /** The agent ended the contact in the app, or the offer rang out. */
  | 'ended';

export type DeskPhoneDirection = 'inbound' | 'outbound';

const AFTER_DESK_ANSWERED: Record<DeskPhoneDirection, DeskPhoneState> = {
  inbound: 'answeringCustomer',
  outbound: 'callingCustomer',
};

type Table = Readonly<Record<DeskPhoneState, Partial<Record<DeskPhoneEvent, DeskPhoneState>>>>;

function tableFor(direction: DeskPhoneDirection): Table {
  const waitingCustomer = {
    customerAnswered: 'bridged',
    customerGone: 'ended',
    deskGone: 'ended',
    ended: 'ended',
  } as const;
  return {
    ringingDesk: {
      deskAnswered: AFTER_DESK_ANSWERED[direction],
      deskGone: 'ended',
      customerGone: 'ended',
      ended: 'ended',
    },
    answeringCustomer: waitingCustomer,
    callingCustomer: waitingCustomer,
    bridged: { customerGone: 'ended', deskGone: 'ended', ended: 'ended' },
    // Reports of the leg we hung up ourselves arrive after the end.
    ended: { deskGone: 'ended', customerGone: 'ended', ended: 'ended' },
  };
}

const TABLES: Record<DeskPhoneDirection, Table> = {
  inbound: tableFor('inbound'),
  outbound: tableFor('outbound'),
};

export function nextDeskPhoneState(
  direction: DeskPhoneDirection,
  from: DeskPhoneState,
  event: DeskPhoneEvent,
): DeskPhoneState {
  return transition('deskPhone', TABLES[direction], from, event);
}

import type { Contact, DeskState } from '../../../common/contract';

/**
 * The Transfer panel (consult or blind transfer, D6) is offered on a connected call with the
 * customer alone on the line, when the profile allows transfers. With a third party on, the
 * party rows take over (Join, Swap, Leave); during a transfer, nothing new starts.
 */
export function transferOffered(
  contact: Contact | undefined,
  options: DeskState['contactOptions'],
): boolean {
  return (
    contact !== undefined &&
    options.transfer &&
    contact.state === 'connected' &&
    contact.thirdParty === undefined &&
    contact.transfer?.state !== 'pending'
  );
}

import type { Contact, DeskState } from '../../../common/contract';

/**
 * The Transfer panel (consult or blind transfer, D6) is offered on a connected call with the
 * customer alone on the line, when the profile allows transfers. With a third party on, the
 * party rows take over (Join, Swap, Leave); during a transfer, nothing new starts. A
 * supervisor's listen-in (F1) has nothing to transfer: the customer is not on that call.
 */
export function transferOffered(
  contact: Contact | undefined,
  options: DeskState['contactOptions'],
): boolean {
  return (
    contact !== undefined &&
    options.transfer &&
    contact.state === 'connected' &&
    !contact.monitoring &&
    contact.thirdParty === undefined &&
    contact.transfer?.state !== 'pending'
  );
}

/**
 * The quick connects list stands beside the contact unless the Transfer panel lists them
 * itself; while monitoring there is nothing to call or transfer to, so neither shows.
 */
export function quickConnectsBesideContact(
  contact: Contact | undefined,
  options: DeskState['contactOptions'],
): boolean {
  return !contact?.monitoring && !transferOffered(contact, options);
}

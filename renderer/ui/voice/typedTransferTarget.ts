import { TransferTarget } from '../../../common/contract';

/** Something that can be dialled: has a digit, or is a SIP address ("sip:…", "user@host"). */
const DIALLABLE = /\d|^sips?:|@/i;

/**
 * The typed search text as a number to transfer to, or undefined while it reads like a name
 * being searched ("Bill" must not offer to dial "Bill"). Main applies the dialing rules.
 */
export function typedTransferTarget(typed: string): TransferTarget | undefined {
  if (!DIALLABLE.test(typed)) return undefined;
  const parsed = TransferTarget.safeParse({ via: 'number', number: typed });
  return parsed.success ? parsed.data : undefined;
}

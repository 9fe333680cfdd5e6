/**
 * What the agent records on a contact (D8): notes, a wrap-up code and a follow-up, while on
 * the contact or in ACW, never once it is cleared.
 */
import type { ContactDetails, IntentResult } from '../../../common/contract';
import type { DeskContact } from './DeskContact';
import { detailsRefusal, type WrapUpSettings } from './wrapUp';

export function saveDetails(
  contact: DeskContact,
  details: ContactDetails,
  wrapUp: WrapUpSettings,
): IntentResult {
  if (contact.state !== 'connected' && contact.state !== 'acw') {
    return { ok: false, reason: 'notEditable' };
  }
  const refusal = detailsRefusal(details, wrapUp);
  if (refusal) return { ok: false, reason: refusal };
  contact.details = {
    notes: details.notes,
    ...(details.wrapUpCode !== undefined ? { wrapUpCode: details.wrapUpCode } : {}),
    ...(details.followUp ? { followUp: { ...details.followUp } } : {}),
  };
  return { ok: true };
}

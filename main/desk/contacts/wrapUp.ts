/**
 * Wrap-up (D8): the codes the profile offers, whether one is required before Clear Contact, and
 * the check of what the agent saves on a contact.
 */
import type { Contact, ContactDetails, RefusalReason, WrapUpCode } from '../../../common/contract';

export interface WrapUpSettings {
  codes: readonly WrapUpCode[];
  /** Clear Contact is refused until a code is chosen. Ignored when there are no codes. */
  required: boolean;
}

export const NO_WRAP_UP: WrapUpSettings = { codes: [], required: false };

/**
 * Whether Clear must wait for a code. A profile (or a machine policy merged onto one) may ask
 * for a code and list none: the agent could then never clear, so that asks for nothing.
 */
export function isWrapUpRequired(settings: WrapUpSettings): boolean {
  return settings.required && settings.codes.length > 0;
}

/** Why these details cannot be saved, or undefined when they can. */
export function detailsRefusal(
  details: ContactDetails,
  settings: WrapUpSettings,
): RefusalReason | undefined {
  const code = details.wrapUpCode;
  if (code !== undefined && !settings.codes.some((entry) => entry.id === code)) {
    return 'unknownWrapUpCode';
  }
  return undefined;
}

/** Why Clear Contact must wait: a required wrap-up code not chosen yet in ACW. */
export function clearRefusal(
  contact: Pick<Contact, 'state' | 'details'>,
  settings: WrapUpSettings,
): RefusalReason | undefined {
  const codeMissing = contact.details.wrapUpCode === undefined;
  return contact.state === 'acw' && isWrapUpRequired(settings) && codeMissing
    ? 'wrapUpRequired'
    : undefined;
}

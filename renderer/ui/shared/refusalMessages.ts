/**
 * The words for every refusal: main's codes (RefusalReason) and the few the UI makes itself.
 * The tables are exhaustive by type, so a code added to the contract without a message here
 * does not compile.
 */
import type { RefusalReason } from '../../../common/contract';
import type { MessageKey } from './messageKey';

/** Where the refusal happened: a reason can read differently per context (contactActive). */
export type IntentContext = 'dial' | 'signOut' | 'status' | 'contact' | 'transfer' | 'settings';

/** Refusals the UI makes before main is asked; `dtmf.invalid` is the DTMF schema's message. */
export type UiRefusal = 'detailsNotSaved' | 'dtmf.invalid';

export type ShownRefusal = RefusalReason | UiRefusal;

/** The message of each refusal wherever it happens, unless its context words it otherwise. */
export const REFUSAL_MESSAGES: Readonly<Record<ShownRefusal, MessageKey>> = {
  // The dialing rules, for a call and for a transfer target alike.
  empty: 'reasons.dial.empty',
  invalid: 'reasons.dial.invalid',
  emergency: 'reasons.dial.emergency',
  blocked: 'reasons.dial.blocked',
  countryNotAllowed: 'reasons.dial.countryNotAllowed',
  premiumRate: 'reasons.dial.premiumRate',
  sharedCost: 'reasons.dial.sharedCost',
  offDomainLink: 'reasons.dial.offDomainLink',
  notSignedIn: 'reasons.notSignedIn',
  unknownStatus: 'reasons.unknownStatus',
  contactActive: 'reasons.contactActive',
  offlineCannotDial: 'reasons.offlineCannotDial',
  notRegistered: 'reasons.notRegistered',
  engineReloading: 'reasons.engineReloading',
  contactNotFound: 'reasons.contactNotFound',
  noOffer: 'reasons.noOffer',
  noActiveCall: 'reasons.noActiveCall',
  notEditable: 'reasons.notEditable',
  wrapUpRequired: 'reasons.wrapUpRequired',
  unknownWrapUpCode: 'reasons.unknownWrapUpCode',
  notConnected: 'reasons.notConnected',
  attachmentNotAllowed: 'reasons.attachmentNotAllowed',
  linkNotAllowed: 'reasons.linkNotAllowed',
  lookupNotConfigured: 'reasons.lookupNotConfigured',
  lookupNoNumber: 'reasons.lookupNoNumber',
  noLiveLeg: 'reasons.noLiveLeg',
  customerLeft: 'reasons.customerLeft',
  noThirdParty: 'reasons.noThirdParty',
  thirdPartyNotConnected: 'reasons.thirdPartyNotConnected',
  thirdPartyActive: 'reasons.thirdPartyActive',
  transferPending: 'reasons.transferPending',
  notPermitted: 'reasons.notPermitted',
  unknownQuickConnect: 'reasons.unknownQuickConnect',
  alreadyJoined: 'reasons.alreadyJoined',
  notSwappable: 'reasons.notSwappable',
  noMicrophone: 'reasons.noMicrophone',
  microphoneDenied: 'reasons.microphoneDenied',
  settingLocked: 'reasons.settingLocked',
  unknownDevice: 'reasons.unknownDevice',
  recordingActive: 'reasons.recordingActive',
  notRecording: 'reasons.notRecording',
  noUpdateReady: 'reasons.noUpdateReady',
  folderNotAbsolute: 'reasons.folderNotAbsolute',
  folderNotWritable: 'reasons.folderNotWritable',
  detailsNotSaved: 'reasons.detailsNotSaved',
  'dtmf.invalid': 'reasons.dtmf.invalid',
};

/** Refusals that read differently for what the agent was doing. */
export const REFUSAL_MESSAGES_IN_CONTEXT: Readonly<
  Record<IntentContext, Partial<Record<ShownRefusal, MessageKey>>>
> = {
  dial: { contactActive: 'reasons.dial.contactActive' },
  signOut: { contactActive: 'reasons.signOut.contactActive' },
  status: {},
  contact: {},
  settings: {},
  transfer: {
    contactActive: 'reasons.transfer.contactActive',
    empty: 'reasons.transfer.empty',
  },
};

/** Shows the raw reason; only for a code this build does not know (a newer main). */
const UNKNOWN: MessageKey = 'reasons.unknown';

/** The message key for `reason` refused in `context`. */
export function refusalMessageKey(context: IntentContext, reason: string): MessageKey {
  const known = (table: Partial<Record<string, MessageKey>>) =>
    Object.hasOwn(table, reason) ? table[reason] : undefined;
  return known(REFUSAL_MESSAGES_IN_CONTEXT[context]) ?? known(REFUSAL_MESSAGES) ?? UNKNOWN;
}

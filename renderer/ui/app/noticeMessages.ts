/**
 * The words for every notice main can post. Exhaustive by type: a code added to the contract
 * without a message here does not compile.
 */
import type { NoticeCode } from '../../../common/contract';
import type { MessageKey } from '../shared/messageKey';

export const NOTICE_MESSAGES: Readonly<Record<NoticeCode, MessageKey>> = {
  settingsRepaired: 'notice.settingsRepaired',
  historyRepaired: 'notice.historyRepaired',
  connectionLost: 'notice.connectionLost',
  reconnected: 'notice.reconnected',
  registrationFailed: 'notice.registrationFailed',
  engineStopped: 'notice.engineStopped',
  engineRestarted: 'notice.engineRestarted',
  contactRestored: 'notice.contactRestored',
  dialLinkInvalid: 'notice.dialLinkInvalid',
  dialLinkRefused: 'notice.dialLinkRefused',
  holdFailed: 'notice.holdFailed',
  thirdPartyLeft: 'notice.thirdPartyLeft',
  consultFailed: 'notice.consultFailed',
  customerLeft: 'notice.customerLeft',
  transferFailed: 'notice.transferFailed',
  referRefused: 'notice.referRefused',
  replacesRefused: 'notice.replacesRefused',
  passwordNotRemembered: 'notice.passwordNotRemembered',
  headsetUnplugged: 'notice.headsetUnplugged',
  headsetMuteLocked: 'notice.headsetMuteLocked',
  audioDeviceFallback: 'notice.audioDeviceFallback',
  audioDeviceReturned: 'notice.audioDeviceReturned',
  recordingFailed: 'notice.recordingFailed',
};

/** For a code this build does not know (a newer main). */
export const GENERIC_NOTICE: MessageKey = 'notice.generic';

export function noticeMessageKey(code: string): MessageKey {
  return Object.hasOwn(NOTICE_MESSAGES, code)
    ? NOTICE_MESSAGES[code as NoticeCode]
    : GENERIC_NOTICE;
}

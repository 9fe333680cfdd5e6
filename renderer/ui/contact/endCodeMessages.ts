/**
 * The words for every end code: why a contact ended, in plain language. Exhaustive by type: a
 * code added to the contract without a message here does not compile.
 */
import type { ContactEndCode } from '../../../common/contract';
import type { MessageKey } from '../shared/messageKey';

export const END_CODE_MESSAGES: Readonly<Record<ContactEndCode, MessageKey>> = {
  agentEnded: 'contact.endCode.agentEnded',
  ringTimeout: 'contact.endCode.ringTimeout',
  engineRestarted: 'contact.endCode.engineRestarted',
  transferred: 'contact.endCode.transferred',
  appInterrupted: 'contact.endCode.appInterrupted',
  mediaFailed: 'contact.endCode.mediaFailed',
  microphoneUnavailable: 'contact.endCode.microphoneUnavailable',
  busy: 'contact.endCode.busy',
  noAnswer: 'contact.endCode.noAnswer',
  notFound: 'contact.endCode.notFound',
  rejected: 'contact.endCode.rejected',
  forbidden: 'contact.endCode.forbidden',
  unreachable: 'contact.endCode.unreachable',
};

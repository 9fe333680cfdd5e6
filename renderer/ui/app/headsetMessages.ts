/**
 * The words for every headset button main can report. Exhaustive by type: a button added to
 * the contract without a name here does not compile.
 */
import type { HeadsetButtonName } from '../../../common/contract';
import type { MessageKey } from '../shared/messageKey';

export const HEADSET_BUTTON_MESSAGES: Readonly<Record<HeadsetButtonName, MessageKey>> = {
  hookSwitch: 'headset.button.hookSwitch',
  flash: 'headset.button.flash',
  redial: 'headset.button.redial',
  transfer: 'headset.button.transfer',
  drop: 'headset.button.drop',
  phoneMute: 'headset.button.phoneMute',
  speedDial: 'headset.button.speedDial',
  lineBusyTone: 'headset.button.lineBusyTone',
};

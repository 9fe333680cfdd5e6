/**
 * DeskCommands: every intent any input can send to the desk. The UI's IPC table is one client;
 * a headset, the tray menu, a notification's buttons, a global shortcut and a dial link will be
 * others. No input talks to AgentDesk otherwise, so they cannot drift apart.
 *
 * Intents that name their contact pass straight on. Intents that name none ("answer", "hang
 * up", "toggle mute", "toggle hold") are resolved here, once, against the desk's contacts
 * (resolveIntent.ts), and then go to the desk as the same named intent the UI would send: the
 * desk still decides whether it may happen.
 */
import type {
  ChatAttachment,
  ContactDetails,
  IntentResult,
  LegSelector,
  SignInError,
  SignInResult,
  ShortcutAction,
  TransferTarget,
  ValidSignInRequest,
  DeskPhoneRequest,
} from '../../common/contract';
import type { AgentDesk } from '../desk/AgentDesk';
import type { DesktopPreferencesPort } from '../desktop/DesktopPreferences';
import type { DeskPhonePort } from '../deskPhone/DeskPhoneSetting';
import type { UpdateConsent } from '../updates/AppUpdates';
import {
  activeCall,
  flashIntent,
  legHungUp,
  ringingOffer,
  toggledHold,
  toggledMute,
} from './resolveIntent';

/** IT's rules for signing in (A3): what the machine policy refuses, which servers to try. */
export interface SignInPolicy {
  refusal(request: ValidSignInRequest): SignInError | undefined;
  /** The servers to try in order, the one the agent picked first. */
  servers(request: ValidSignInRequest): string[];
}

/** Everything DeskCommands asks of the desk: its intents, and its contacts to resolve against. */
export type CommandedDesk = Pick<
  AgentDesk,
  | 'contacts'
  | 'calls'
  | 'signIn'
  | 'signOut'
  | 'forgetPassword'
  | 'setStatus'
  | 'contactIntents'
  | 'dial'
  | 'openDialLink'
  | 'systemResumed'
  | 'chats'
  | 'customerLookup'
  | 'monitor'
>;

const NO_POLICY: SignInPolicy = {
  refusal: () => undefined,
  servers: (request) => [request.serverUrl],
};

/** Without the desk phone setting (unit tests of other inputs) the switch is not there. */
const NO_DESK_PHONE: DeskPhonePort = { set: () => ({ ok: false, reason: 'notPermitted' }) };

/** Without a desktop around the desk (unit tests of other inputs) there is nothing to set. */
const NO_DESKTOP: DesktopPreferencesPort = {
  setShortcut: () => ({ ok: false, reason: 'notPermitted' }),
  setStartAtLogin: () => ({ ok: false, reason: 'notPermitted' }),
  setWidgetAlwaysOnTop: () => ({ ok: false, reason: 'notPermitted' }),
};

/** Without the app's updater (unit tests, an unpackaged run) there is nothing to restart into. */
const NO_UPDATES: UpdateConsent = {
  restartToUpdate: () => ({ ok: false, reason: 'noUpdateReady' }),
};

export class DeskCommands {
  constructor(
    private readonly desk: CommandedDesk,
    private readonly policy: SignInPolicy = NO_POLICY,
    private readonly desktop: DesktopPreferencesPort = NO_DESKTOP,
    private readonly deskPhone: DeskPhonePort = NO_DESK_PHONE,
    private readonly updates: UpdateConsent = NO_UPDATES,
  ) {}

  // -------------------------------------------------------------------------------------------
  // Session and status
  // -------------------------------------------------------------------------------------------

  signIn(request: ValidSignInRequest): Promise<SignInResult> {
    const refusal = this.policy.refusal(request);
    if (refusal) return Promise.resolve({ ok: false, error: refusal });
    return this.desk.signIn(request, this.policy.servers(request));
  }

  signOut(): IntentResult {
    return this.desk.signOut();
  }

  forgetPassword(): IntentResult {
    return this.desk.forgetPassword();
  }

  setStatus(statusId: string): IntentResult {
    return this.desk.setStatus(statusId);
  }

  // -------------------------------------------------------------------------------------------
  // Intents that name no contact: resolved against the desk's contacts
  // -------------------------------------------------------------------------------------------

  /** Accept the offer ringing (headset hook off, a notification's Accept, a shortcut). */
  answer(): IntentResult {
    const offer = ringingOffer(this.desk.contacts());
    return offer.ok ? this.desk.contactIntents.accept(offer.value.id) : offer;
  }

  /** Reject the offer ringing (a notification's Reject, the headset's reject button). */
  decline(): IntentResult {
    const offer = ringingOffer(this.desk.contacts());
    return offer.ok ? this.desk.contactIntents.reject(offer.value.id) : offer;
  }

  /** End the call holding the line, every leg of it (headset hook on, a shortcut). */
  hangUp(): IntentResult {
    const call = activeCall(this.desk.contacts());
    return call.ok ? this.desk.contactIntents.end(call.value.id) : call;
  }

  toggleMute(): IntentResult {
    const call = activeCall(this.desk.contacts());
    return call.ok ? this.desk.calls.mute(call.value.id, toggledMute(call.value)) : call;
  }

  toggleHold(): IntentResult {
    const call = activeCall(this.desk.contacts());
    if (!call.ok) return call;
    const { leg, hold } = toggledHold(call.value);
    return this.desk.calls.hold(call.value.id, leg, hold);
  }

  /** The headset's hook put on-hook: ends the leg the agent is talking on (resolveIntent). */
  hangUpActiveLeg(): IntentResult {
    const call = activeCall(this.desk.contacts());
    if (!call.ok) return call;
    return legHungUp(call.value) === 'thirdParty'
      ? this.desk.calls.endLeg(call.value.id, 'thirdParty')
      : this.desk.contactIntents.end(call.value.id);
  }

  /** Mutes or unmutes the call holding the line (a headset that refuses to unmute). */
  setMute(muted: boolean): IntentResult {
    const call = activeCall(this.desk.contacts());
    return call.ok ? this.desk.calls.mute(call.value.id, muted) : call;
  }

  /** A headset's Flash: swaps during a consult, toggles hold otherwise. */
  flash(): IntentResult {
    const call = activeCall(this.desk.contacts());
    if (!call.ok) return call;
    return flashIntent(call.value) === 'swap'
      ? this.desk.calls.swap(call.value.id)
      : this.toggleHold();
  }

  // -------------------------------------------------------------------------------------------
  // Intents that name their contact (the UI's)
  // -------------------------------------------------------------------------------------------

  accept(contactId: string): IntentResult {
    return this.desk.contactIntents.accept(contactId);
  }

  reject(contactId: string): IntentResult {
    return this.desk.contactIntents.reject(contactId);
  }

  /** `voicemail`: the agent left one on a callback nobody answered (D7). */
  end(contactId: string, options: { voicemail?: boolean } = {}): IntentResult {
    return this.desk.contactIntents.end(contactId, options);
  }

  clear(contactId: string): IntentResult {
    return this.desk.contactIntents.clear(contactId);
  }

  hold(contactId: string, leg: LegSelector, hold: boolean): IntentResult {
    return this.desk.calls.hold(contactId, leg, hold);
  }

  mute(contactId: string, muted: boolean): IntentResult {
    return this.desk.calls.mute(contactId, muted);
  }

  sendDtmf(contactId: string, digits: string): IntentResult {
    return this.desk.calls.sendDtmf(contactId, digits);
  }

  consult(contactId: string, to: TransferTarget): IntentResult {
    return this.desk.calls.consult(contactId, to);
  }

  transfer(contactId: string, to: TransferTarget): IntentResult {
    return this.desk.calls.transfer(contactId, to);
  }

  join(contactId: string): IntentResult {
    return this.desk.calls.join(contactId);
  }

  swap(contactId: string): IntentResult {
    return this.desk.calls.swap(contactId);
  }

  leave(contactId: string): IntentResult {
    return this.desk.calls.leave(contactId);
  }

  endLeg(contactId: string, leg: 'customer' | 'thirdParty'): IntentResult {
    return this.desk.calls.endLeg(contactId, leg);
  }

  /** Listen in on an agent's call (F1). */
  monitor(target: string): IntentResult {
    return this.desk.monitor(target);
  }

  /** Start or stop the agent's recording of the call (D9). */
  record(contactId: string, on: boolean): IntentResult {
    return this.desk.calls.record(contactId, on);
  }

  saveDetails(contactId: string, details: ContactDetails): IntentResult {
    return this.desk.contactIntents.saveDetails(contactId, details);
  }

  // -------------------------------------------------------------------------------------------
  // Chat
  // -------------------------------------------------------------------------------------------

  sendChat(contactId: string, text: string): IntentResult {
    return this.desk.chats.send(contactId, text);
  }

  attachChat(contactId: string, attachment: ChatAttachment): IntentResult {
    return this.desk.chats.attach(contactId, attachment);
  }

  chatTyping(contactId: string, active: boolean): IntentResult {
    return this.desk.chats.typing(contactId, active);
  }

  chatRead(contactId: string): IntentResult {
    return this.desk.chats.read(contactId);
  }

  // -------------------------------------------------------------------------------------------
  // Dialing
  // -------------------------------------------------------------------------------------------

  dial(target: string): IntentResult {
    return this.desk.dial(target);
  }

  /**
   * The customer lookup for the contact (D8): the desk makes the URL from the profile's
   * template, `open` shows it where the profile says (the browser or the lookup window).
   */
  customerLookup(
    contactId: string,
    open: (url: string, where: 'browser' | 'panel') => void,
  ): IntentResult {
    const plan = this.desk.customerLookup(contactId);
    if (!plan.ok) return plan;
    open(plan.url, plan.open);
    return { ok: true };
  }

  /** A tel:, sip: or callto: link the OS handed the app; untrusted. */
  openDialLink(url: string): IntentResult {
    return this.desk.openDialLink(url);
  }

  /** The machine woke from sleep or the session was unlocked (from the shell). */
  systemResumed(): void {
    this.desk.systemResumed();
  }

  // -------------------------------------------------------------------------------------------
  // Desktop preferences (the settings screen's Desktop section)
  // -------------------------------------------------------------------------------------------

  setShortcut(action: ShortcutAction, accelerator: string): IntentResult {
    return this.desktop.setShortcut(action, accelerator);
  }

  setStartAtLogin(enabled: boolean): IntentResult {
    return this.desktop.setStartAtLogin(enabled);
  }

  setWidgetAlwaysOnTop(enabled: boolean): IntentResult {
    return this.desktop.setWidgetAlwaysOnTop(enabled);
  }

  /** Softphone or desk phone, and the desk phone's number (B3). */
  setDeskPhone(request: DeskPhoneRequest): IntentResult {
    return this.deskPhone.set(request);
  }

  // -------------------------------------------------------------------------------------------
  // The app's own updates (G5)
  // -------------------------------------------------------------------------------------------

  /** "Restart to update": the agent's consent; the update gate still picks the moment. */
  restartToUpdate(): IntentResult {
    return this.updates.restartToUpdate();
  }
}

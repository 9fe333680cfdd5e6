/**
 * The desk's outbound intents: a dial from the number pad or a link (D4), a supervisor's
 * listen-in on an agent's call (F1), and the customer lookup for a contact (D8). Each is
 * refused with its reason, in the order the agent would want to hear them, before anything
 * reaches the engine.
 */
import type { IntentResult } from '../../../common/contract';
import { planDial } from '../../dialing/DialingRules';
import type { DeskContact } from '../contacts/DeskContact';
import { customerLookupUrl, type CustomerLookupOpen } from '../contacts/customerLookup';
import type { ProfileSettings } from '../deskSettings';
import type { DeskLogger } from '../ports';
import type { VoiceCalls } from './VoiceCalls';

const OK: IntentResult = { ok: true };

/** What the desk tells the outbound intents about itself. */
export interface OutboundHost {
  settings(): ProfileSettings;
  signedIn(): boolean;
  offline(): boolean;
  registered(): boolean;
  /** The engine page is being reloaded: the line is down for that reason. */
  engineReloading(): boolean;
  /** Room on the desk for one more call (the routing profile's capacity). */
  roomForCall(): boolean;
  contact(contactId: string): DeskContact | undefined;
  changed(): void;
}

export type CustomerLookupResult =
  { ok: true; url: string; open: CustomerLookupOpen } | Extract<IntentResult, { ok: false }>;

export class OutboundIntents {
  constructor(
    private readonly voice: VoiceCalls,
    private readonly logger: DeskLogger,
    private readonly host: OutboundHost,
  ) {}

  dial(input: string): IntentResult {
    const host = this.host;
    if (!host.signedIn()) return { ok: false, reason: 'notSignedIn' };
    // Dialing rules first: an emergency number gets its own message whatever the status.
    const plan = planDial(input, host.settings().dialingRules);
    if (!plan.ok) {
      this.logger.info('dial refused', { reason: plan.reason });
      return { ok: false, reason: plan.reason };
    }
    if (host.offline()) return { ok: false, reason: 'offlineCannotDial' };
    if (!host.roomForCall()) return { ok: false, reason: 'contactActive' };
    // Said before "not registered": the line is down because the engine is being reloaded.
    if (host.engineReloading()) return { ok: false, reason: 'engineReloading' };
    if (!host.registered()) return { ok: false, reason: 'notRegistered' };
    const target = plan.kind === 'pstn' ? plan.e164 : plan.target;
    const number = plan.kind === 'pstn' ? plan.display : target;
    this.voice.dial(target, { number, displayName: '' });
    host.changed();
    return OK;
  }

  /** Listens in on an agent's call (F1), when the profile allows this user to. */
  monitor(target: string): IntentResult {
    const host = this.host;
    if (!host.signedIn()) return { ok: false, reason: 'notSignedIn' };
    const { allowed, featureCode } = host.settings().monitor;
    if (!allowed) return { ok: false, reason: 'notPermitted' };
    if (!host.roomForCall()) return { ok: false, reason: 'contactActive' };
    // As for a dial: the line is down because the engine is being reloaded, and will be back.
    if (host.engineReloading()) return { ok: false, reason: 'engineReloading' };
    if (!host.registered()) return { ok: false, reason: 'notRegistered' };
    this.voice.monitor(target, featureCode, { number: target, displayName: '' });
    host.changed();
    return OK;
  }

  /** The customer lookup for a contact's number (D8): the URL, and where the profile opens it. */
  customerLookup(contactId: string): CustomerLookupResult {
    const settings = this.host.settings();
    const lookup = settings.customerLookup;
    if (!lookup) return { ok: false, reason: 'lookupNotConfigured' };
    const contact = this.host.contact(contactId);
    if (!contact) return { ok: false, reason: 'contactNotFound' };
    const country = settings.dialingRules.defaultCountry;
    const made = customerLookupUrl(lookup.urlTemplate, contact.peer.number, country);
    return made.ok ? { ok: true, url: made.url, open: lookup.open } : made;
  }
}

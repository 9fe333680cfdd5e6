/**
 * The agent's Softphone / Desk phone switch and the desk phone's number (B3): saved in the
 * settings file, allowed by the profile (`permissions.deskPhone`, off by default), fixed by the
 * machine policy where IT sets it, and published to the desk, which rings the number in force.
 *
 * The number must plan as a telephone number through the dialing rules (E.164 out): the same
 * checks as a dial, so an emergency number, a blocked one or one outside the allowed countries
 * is refused here with the dial's own reason, not discovered when a customer is waiting.
 */
import type { DeskPhoneRequest, DeskPhoneState, IntentResult } from '../../common/contract';
import { planDial, type DialingRulesConfig } from '../dialing/DialingRules';
import type { DeskPhoneSettings } from './deskPhoneSettings';

/** What DeskCommands asks of the setting. */
export interface DeskPhonePort {
  set(request: DeskPhoneRequest): IntentResult;
}

export interface DeskPhoneSettingDeps {
  load(): DeskPhoneSettings | undefined;
  save(settings: DeskPhoneSettings): void;
  /** The profile's `permissions.deskPhone`. */
  allowed(): boolean;
  rules(): DialingRulesConfig;
  /** The machine policy's `deskPhone`: its values win and lock the switch. */
  policy?: { values(): Partial<DeskPhoneSettings> | undefined; isLocked(key: string): boolean };
  changed(state: DeskPhoneState): void;
}

export class DeskPhoneSetting implements DeskPhonePort {
  constructor(private readonly deps: DeskPhoneSettingDeps) {}

  set(request: DeskPhoneRequest): IntentResult {
    if (!this.deps.allowed()) return { ok: false, reason: 'notPermitted' };
    if (this.locked()) return { ok: false, reason: 'settingLocked' };
    const typed = request.number.trim();
    if (typed === '' && request.mode === 'deskPhone') return { ok: false, reason: 'invalid' };
    let number: string | undefined;
    if (typed !== '') {
      const checked = this.check(typed);
      if (!checked.ok) return checked;
      number = checked.e164;
    }
    this.deps.save({ mode: request.mode, ...(number ? { number } : {}) });
    this.publish();
    return { ok: true };
  }

  /** Publishes the state in force (at start, and after a profile or policy change). */
  publish(): void {
    this.deps.changed(this.snapshot());
  }

  snapshot(): DeskPhoneState {
    const saved = { ...this.deps.load(), ...definedOnly(this.deps.policy?.values()) };
    const allowed = this.deps.allowed();
    const number = saved.number !== undefined && this.check(saved.number).ok ? saved.number : '';
    // A number that no longer passes the rules (the profile changed them) is the softphone.
    const mode = allowed && saved.mode === 'deskPhone' && number !== '' ? 'deskPhone' : 'softphone';
    return {
      allowed,
      mode,
      ...(saved.number ? { number: saved.number } : {}),
      locked: this.locked(),
    };
  }

  private check(typed: string): { ok: true; e164: string } | Extract<IntentResult, { ok: false }> {
    const plan = planDial(typed, this.deps.rules());
    if (!plan.ok) return { ok: false, reason: plan.reason };
    // A desk phone is reached on the telephone network's terms: a number, not a SIP name.
    if (plan.kind !== 'pstn') return { ok: false, reason: 'invalid' };
    return { ok: true, e164: plan.e164 };
  }

  private locked(): boolean {
    const policy = this.deps.policy;
    return (
      policy !== undefined &&
      (policy.isLocked('deskPhone.mode') || policy.isLocked('deskPhone.number'))
    );
  }
}

function definedOnly(values: Partial<DeskPhoneSettings> | undefined): Partial<DeskPhoneSettings> {
  return Object.fromEntries(
    Object.entries(values ?? {}).filter(([, value]) => value !== undefined),
  ) as Partial<DeskPhoneSettings>;
}

/**
 * What a click-to-dial link may do (D4, issue Reliability item 7). A link comes from whatever
 * web page, e-mail or program the agent clicked in, so it is held to more than a typed number:
 *
 *   1. the dialing rules judge its target like anything typed (emergency, blocked, countries,
 *      premium-rate and shared-cost numbers): a refused target is not even put on the pad;
 *   2. a SIP address must be in the agent's own SIP domain: a link must not route the agent's
 *      call to a server nobody in the contact center chose (typed addresses stay allowed, the
 *      agent then chose it);
 *   3. it only fills in the number pad, and the agent presses Call; a `callto:` link dials at
 *      once only when the profile says so (`dialLinks.autoDial`), for CRMs built on that.
 */
import type { DialRefusalReason } from '../../common/contract';
import { parseSipAddress } from '../../common/dialing/sipAddress';
import type { DialLink } from './dialLink';
import { planDial, type DialingRulesConfig } from './DialingRules';

export interface DialLinkPolicy {
  /** `callto:` links dial at once (the profile's `dialLinks.autoDial`); off by default. */
  autoDialCallto: boolean;
  /**
   * The host of the agent's own SIP address ("openccp.test"); undefined when not known yet
   * (not signed in), and then no SIP address with a domain can be shown to be the agent's own.
   */
  ownDomain: string | undefined;
  rules: DialingRulesConfig;
}

export type DialLinkAction =
  | { action: 'dial'; target: string }
  | { action: 'prefill'; target: string }
  | { action: 'refuse'; reason: DialRefusalReason };

export function judgeDialLink(link: DialLink, policy: DialLinkPolicy): DialLinkAction {
  const plan = planDial(link.target, policy.rules);
  if (!plan.ok) return { action: 'refuse', reason: plan.reason };
  if (plan.kind === 'sip' && !inOwnDomain(plan.target, policy.ownDomain)) {
    return { action: 'refuse', reason: 'offDomainLink' };
  }
  const dialsAtOnce = link.scheme === 'callto' && policy.autoDialCallto;
  return { action: dialsAtOnce ? 'dial' : 'prefill', target: link.target };
}

/** A bare user name is completed with the account's own domain, so it always is. */
function inOwnDomain(target: string, ownDomain: string | undefined): boolean {
  const address = parseSipAddress(target, { requireScheme: true });
  if (!address) return true;
  return ownDomain !== undefined && address.host === ownDomain.toLowerCase();
}

/** The host of the agent's SIP address, the reference for "own domain". */
export function sipDomainOf(sipUri: string | undefined): string | undefined {
  if (sipUri === undefined) return undefined;
  return parseSipAddress(sipUri, { requireScheme: false })?.host;
}

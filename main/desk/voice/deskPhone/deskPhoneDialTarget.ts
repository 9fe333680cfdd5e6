/**
 * What the engine dials to ring the agent's desk phone (B3): the saved number planned through
 * the dialing rules like any dial; undefined on the softphone, or when the saved number no
 * longer plans (a new profile's rules refuse it): the offer then rings the PC as usual.
 */
import type { DeskState } from '../../../../common/contract';
import { planDial, type DialingRulesConfig } from '../../../dialing/DialingRules';

export function deskPhoneDialTarget(
  deskPhone: DeskState['deskPhone'],
  rules: DialingRulesConfig,
): string | undefined {
  if (deskPhone?.mode !== 'deskPhone' || !deskPhone.number) return undefined;
  const plan = planDial(deskPhone.number, rules);
  if (!plan.ok) return undefined;
  return plan.kind === 'pstn' ? plan.e164 : plan.target;
}

/**
 * Where a consult or transfer goes (D6): a typed number or one of the profile's quick connects,
 * turned into what the engine dials and what the agent sees.
 *
 * Both go through the dialing rules, exactly like the number pad: an emergency number is no
 * more acceptable as a transfer target than as a call, and a quick connect is only as trusted
 * as the profile it came from. planDial keeps a SIP URI as it is, but still refuses one whose
 * user part is an emergency or blocked number ("sip:911@pbx").
 */
import type { Peer, QuickConnect, RefusalReason, TransferTarget } from '../../../common/contract';
import { planDial, type DialingRulesConfig } from '../../dialing/DialingRules';

export type ResolvedTarget =
  | {
      ok: true;
      /** What the engine dials or refers to. */
      target: string;
      /** How the third party is shown until their side says more. */
      peer: Peer;
      /** The quick connect's name. */
      label?: string;
    }
  | { ok: false; reason: RefusalReason };

export function resolveTransferTarget(
  to: TransferTarget,
  rules: DialingRulesConfig,
  quickConnects: readonly QuickConnect[],
): ResolvedTarget {
  let input: string;
  let label: string | undefined;
  if (to.via === 'number') {
    input = to.number;
  } else {
    // Any kind: the agent and queue entries are the very point of a transfer.
    const entry = quickConnects.find((candidate) => candidate.id === to.quickConnectId);
    if (!entry) return { ok: false, reason: 'unknownQuickConnect' };
    input = entry.target;
    label = entry.name;
  }
  const plan = planDial(input, rules);
  if (!plan.ok) return { ok: false, reason: plan.reason };
  const target = plan.kind === 'pstn' ? plan.e164 : plan.target;
  const number = plan.kind === 'pstn' ? plan.display : plan.target;
  return {
    ok: true,
    target,
    peer: { number, displayName: '' },
    ...(label !== undefined ? { label } : {}),
  };
}

/**
 * What the agent's own presence says (D5), from the desk status: open only while Available
 * (a colleague may transfer to them), closed otherwise; a custom status (Break, Lunch) is
 * `away` (signed in, not taking contacts), Offline is plainly closed. The status's label goes
 * in the note, for a PBX's own presence display. Signed out: nothing published (null).
 */
import type { DeskState, PresencePublication } from '../../../common/contract';

export function presencePublication(
  signedIn: boolean,
  agent: Pick<DeskState['agent'], 'statusId' | 'statuses'>,
): PresencePublication | null {
  if (!signedIn) return null;
  const status = agent.statuses.find((entry) => entry.id === agent.statusId);
  const note = (status?.label ?? agent.statusId).slice(0, 64);
  switch (status?.kind) {
    case 'available':
      return { basic: 'open', note, away: false };
    case 'custom':
      return { basic: 'closed', note, away: true };
    default:
      return { basic: 'closed', note, away: false };
  }
}

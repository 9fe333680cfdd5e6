/**
 * Whether a supervisor's listen-in request (F1) may be answered: only from an address the
 * profile lists as a supervisor of this agent, only when the server vouches for that address
 * (P-Asserted-Identity, which the proxy adds for callers it authenticated and strips from
 * everyone else: a From header alone is whatever the caller typed), and only while the agent
 * is on a call. Pure, so each refusal is unit-tested.
 */
import type { MonitoringEvent } from '../../../../common/contract';

/** The profile's `supervision.supervisors`: SIP addresses allowed to listen in on this agent. */
export interface ListenInSettings {
  supervisors: readonly string[];
}

export const NO_LISTEN_IN: ListenInSettings = { supervisors: [] };

/** What the profile lets this user do as a supervisor (F1). */
export interface MonitorSettings {
  /** May listen in on agents' calls. */
  allowed: boolean;
  /** The PBX's monitoring feature code (`*33`): dialled before the extension, no marker. */
  featureCode?: string;
}

export const NO_MONITOR: MonitorSettings = { allowed: false };

export type ListenInRefusal = 'notSupervisor' | 'notAsserted' | 'noCall';

type Request = Extract<MonitoringEvent, { type: 'monitor-request' }>;

/** sip:user@host, lower-case, without display name, brackets, port or parameters. */
export function addressOf(uri: string): string {
  const inner = /<([^>]+)>/.exec(uri)?.[1] ?? uri;
  const match = /^(sips?):([^@;>\s]+)@([^;:>\s]+)/i.exec(inner.trim());
  if (!match) return '';
  return `sip:${match[2]!.toLowerCase()}@${match[3]!.toLowerCase()}`;
}

export function listenInRefusal(
  request: Request,
  settings: ListenInSettings,
  onCall: boolean,
): ListenInRefusal | undefined {
  const from = addressOf(request.from.uri);
  if (from === '' || !settings.supervisors.some((uri) => addressOf(uri) === from)) {
    return 'notSupervisor';
  }
  if (!request.assertedIdentity || addressOf(request.assertedIdentity) !== from) {
    return 'notAsserted';
  }
  return onCall ? undefined : 'noCall';
}

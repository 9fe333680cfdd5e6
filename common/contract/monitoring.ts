/**
 * Listen-in (F1), the Kamailio-without-mixing path: a supervisor's call to the agent marked
 * with MONITOR_HEADER. The agent's engine never rings it; main decides (the profile's
 * supervisor list and the server-asserted identity), and the engine then answers it with a
 * listen-only feed of what the agent hears and says. The monitored parties never hear the
 * supervisor: the engine plays nothing the supervisor sends.
 */
import { z } from 'zod';
import { DisplayText } from './displayText';
import { Id, RemoteText } from './primitives';

/** The header a supervisor's INVITE carries to ask for a listen-in (value: `listen`). */
export const MONITOR_HEADER = 'X-OpenCCP-Monitor';

export const MonitoringCommand = z.discriminatedUnion('type', [
  /** Answer the listen-in with the mix of these calls (the agent's microphone and far ends). */
  z.object({
    type: z.literal('monitor-answer'),
    callId: Id,
    sourceCallIds: z.array(Id).min(1).max(8),
  }),
  /** Refuse a listen-in request (403), or end a running listen-in. */
  z.object({ type: z.literal('monitor-end'), callId: Id, refuse: z.boolean() }),
]);

export const MonitoringEvent = z.discriminatedUnion('type', [
  /** A supervisor's listen-in INVITE arrived; nothing rings, main decides. */
  z.object({
    type: z.literal('monitor-request'),
    callId: Id,
    from: z.object({ user: RemoteText, uri: RemoteText, displayName: DisplayText }),
    /** The P-Asserted-Identity URI the server added for an authenticated caller, if any. */
    assertedIdentity: RemoteText.optional(),
  }),
  /** The listen-in ended (the supervisor hung up, main ended it, or the agent's call ended). */
  z.object({ type: z.literal('monitor-ended'), callId: Id }),
]);
export type MonitoringEvent = z.infer<typeof MonitoringEvent>;

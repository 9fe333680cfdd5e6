/**
 * Presence (D5): whether a colleague behind an agent quick connect is available, where the
 * server runs a presence service (SUBSCRIBE/NOTIFY, event package `presence`, PIDF bodies),
 * and the agent's own presence, which the engine PUBLISHes when the desk status changes.
 * Main decides what to publish and whom to watch; the engine speaks SIP and reads the PIDF.
 */
import { z } from 'zod';
import { DisplayText } from './displayText';
import { RemoteText } from './primitives';

/**
 * What the UI shows for a colleague. `unknown`: the server has no presence service (489, 405,
 * 404), it did not answer, or it has not said anything yet; never an error for the agent.
 */
export const PresenceState = z.enum(['available', 'away', 'offline', 'unknown']);
export type PresenceState = z.infer<typeof PresenceState>;

/** The agent's own presence as published: open only while Available; the status as a note. */
export const PresencePublication = z.object({
  basic: z.enum(['open', 'closed']),
  /** The desk status's label ("Available", "Break"), for a PBX's own presence display. */
  note: z.string().max(64),
  /** Signed in but not taking contacts (a custom status): RPID activity `away`. */
  away: z.boolean(),
});
export type PresencePublication = z.infer<typeof PresencePublication>;

/** The most colleagues one desk watches: a profile's agent quick connects, bounded. */
export const MAX_PRESENCE_WATCHES = 100;

export const PresenceCommand = z.discriminatedUnion('type', [
  /** Watch exactly these targets (agent quick connects' targets); others are unsubscribed. */
  z.object({
    type: z.literal('presence-watch'),
    targets: z.array(RemoteText.min(1)).max(MAX_PRESENCE_WATCHES),
  }),
  /** Publish this presence, refreshed until changed; null withdraws it (PUBLISH Expires: 0). */
  z.object({ type: z.literal('presence-publish'), publication: PresencePublication.nullable() }),
]);

export const PresenceEvent = z.discriminatedUnion('type', [
  /** What the server says about a watched target now, as the engine read it. */
  z.object({
    type: z.literal('presence'),
    target: RemoteText.min(1),
    state: PresenceState,
    /** The PIDF note, if any (the colleague's status label); caller-controlled text. */
    note: DisplayText.optional(),
  }),
]);
export type PresenceEvent = z.infer<typeof PresenceEvent>;

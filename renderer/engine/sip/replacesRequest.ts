/**
 * An INVITE with Replaces (RFC 3891) for one of our calls: someone asks to take that call over.
 * JsSIP accepts it on its own if allowed to; the engine instead asks main (`replaces` event)
 * and waits for `replaces-answer`, as it does for a REFER, because whether a remote party may
 * take over the agent's call is a policy decision, and the engine makes none.
 *
 * The refusal is 403 Forbidden: RFC 3261 (21.4.4) defines it as "understood, but refusing to
 * fulfill it; authorization will not help", which is exactly a policy refusal. RFC 3891 keeps
 * 603 Decline for a Replaces naming a dialog that has already ended and 481 for one that does
 * not exist (JsSIP answers those itself), and JsSIP's own reject() says 486 Busy Here, which
 * would be false and invites a retry.
 */
import type { RequestOffer } from './referRequest';

export const REPLACES_REFUSAL = { status: 403, reason: 'Replaces Not Allowed' } as const;

/** JsSIP's IncomingRequest answers with `reply` at run time; its typings leave it out. */
interface Replyable {
  reply(statusCode: number, reasonPhrase?: string): void;
}

/** A Replaces waiting for main's answer; refusing it answers the INVITE with 403. */
export interface PendingReplaces {
  readonly offer: RequestOffer;
  refuse(): void;
}

export function pendingReplaces(offer: RequestOffer): PendingReplaces {
  let answered = false;
  return {
    offer,
    refuse() {
      if (answered) return;
      answered = true;
      const request = offer.request as unknown as Replyable;
      request.reply(REPLACES_REFUSAL.status, REPLACES_REFUSAL.reason);
    },
  };
}

/** Who asks to take the call over, as the From header of the INVITE names them. */
export function replacingParty(offer: RequestOffer): string {
  return offer.request.from.uri.toString();
}

/** Why a contact ended (its own file: the table grows with every failure the agent can meet). */
import { z } from 'zod';

/**
 * Why a contact ended, as a code the agent reads in plain language. The desk's own ends always
 * have one; an end the far side or the network caused has one when the desk can name it, and
 * keeps the technical SIP text in `endReason` as the detail for IT either way. An ordinary
 * hang-up ("Terminated") and a failure without plain words ("500 SIP Failure Code") carry only
 * the SIP text, so the code stays optional.
 */
export const ContactEndCode = z.enum([
  // Decided by the desk: no SIP text goes with these.
  /** The agent ended the contact (End, or ending the last leg). */
  'agentEnded',
  /** The offer rang out before the agent accepted it (missed). */
  'ringTimeout',
  /** The phone engine reloaded and lost the calls it had. */
  'engineRestarted',
  /** The customer was transferred: the agent's part of the call is over. */
  'transferred',
  /** The app closed (crashed, killed, or quit) during the call; restored from the drafts journal. */
  'appInterrupted',
  // Read from the engine's report, with its SIP text as the detail.
  /** The two sides could not agree or apply the media (SDP, codecs, BUNDLE): 488/606 too. */
  'mediaFailed',
  /** The agent's microphone could not be opened. */
  'microphoneUnavailable',
  /** 486 Busy Here, 600 Busy Everywhere. */
  'busy',
  /** 408 Request Timeout, 480 Temporarily Unavailable: nobody picked up. */
  'noAnswer',
  /** 404, 410, 484, 604: no such number or address. */
  'notFound',
  /** 603 Decline. */
  'rejected',
  /** 403 Forbidden, or the server's challenge could not be met: the server refused the call. */
  'forbidden',
  /** 502, 503, 504, no response at all, or the connection to the server failed. */
  'unreachable',
]);
export type ContactEndCode = z.infer<typeof ContactEndCode>;

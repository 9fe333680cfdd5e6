/**
 * The call lifecycle in the main log, one line a step, so a call that failed can be followed
 * from the log alone: offered, answered or rejected, dialled, confirmed, ended. Every line
 * names the callId the engine knows the call by. The caller's number and name are written as
 * the offer carried them (support needs them to find the call); DTMF digits never are, and
 * passwords are masked by the logger itself.
 */
import type { ContactEndCode, EngineEndedEvent, RejectStatus } from '../../../common/contract';
import type { DeskLogger } from '../ports';

/** The message of each line, for whoever greps the log (support, the e2e tests). */
export const CALL_LOG_MESSAGES = {
  offered: 'call offered',
  answered: 'call answered',
  rejected: 'call rejected',
  dialed: 'call dialed',
  confirmed: 'call confirmed',
  ended: 'call ended',
} as const;

/** Which of a contact's calls a line is about. */
export type LoggedLeg = 'customer' | 'thirdParty';

export interface LoggedOffer {
  callId: string;
  /** The user part of the caller's address. */
  from: string;
  displayName: string;
  queue?: string | undefined;
  callback?: boolean | undefined;
}

export class CallLog {
  constructor(private readonly logger: DeskLogger) {}

  offered(offer: LoggedOffer): void {
    this.logger.info(CALL_LOG_MESSAGES.offered, {
      callId: offer.callId,
      from: offer.from,
      displayName: offer.displayName,
      ...(offer.queue !== undefined ? { queue: offer.queue } : {}),
      ...(offer.callback ? { callback: true } : {}),
    });
  }

  /** Answer sent to the engine: by the agent, or by the profile's auto-accept. */
  answered(callId: string, auto: boolean): void {
    this.logger.info(CALL_LOG_MESSAGES.answered, { callId, auto });
  }

  /** Reject sent to the engine: by the agent, or because the offer rang out. */
  rejected(callId: string, status: RejectStatus, by: 'agent' | 'ringTimeout'): void {
    this.logger.info(CALL_LOG_MESSAGES.rejected, { callId, status, by });
  }

  /** A call placed through the engine: the customer's, or a consult's third party. */
  dialed(callId: string, leg: LoggedLeg, target: string): void {
    this.logger.info(CALL_LOG_MESSAGES.dialed, { callId, leg, target });
  }

  confirmed(callId: string, leg: LoggedLeg): void {
    this.logger.info(CALL_LOG_MESSAGES.confirmed, { callId, leg });
  }

  /**
   * The engine's report of a call's end, as it came, with the code the desk read from it. A
   * call that never connected, or whose end has a code, is a warning: someone may ask why.
   * `leg` is absent when the desk no longer tracks the call (a leg it hung up itself).
   */
  ended(
    event: EngineEndedEvent,
    leg: LoggedLeg | undefined,
    endCode: ContactEndCode | undefined,
  ): void {
    const data = {
      callId: event.callId,
      ...(leg ? { leg } : {}),
      originator: event.originator,
      failed: event.failed,
      ...(event.statusCode !== undefined ? { statusCode: event.statusCode } : {}),
      cause: event.cause,
      ...(event.mediaError !== undefined ? { mediaError: event.mediaError } : {}),
      ...(endCode ? { endCode } : {}),
    };
    if (event.failed || endCode) this.logger.warn(CALL_LOG_MESSAGES.ended, data);
    else this.logger.info(CALL_LOG_MESSAGES.ended, data);
  }
}

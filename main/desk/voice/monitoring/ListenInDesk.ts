/**
 * The agent's side of a supervisor's listen-in (F1): each request is checked
 * (listenInRefusal) and answered with a feed of the agent's live call, or refused with 403.
 * The engine ends a listen-in by itself when the call it feeds on ends.
 */
import type { EnginePort, DeskLogger } from '../../ports';
import type { MonitoringEvent } from '../../../../common/contract';
import { liveCallIds } from '../legs';
import type { VoiceDeskContact } from '../voiceContact';
import { listenInRefusal, type ListenInSettings } from './listenInRefusal';

export class ListenInDesk {
  constructor(
    private readonly engine: EnginePort,
    private readonly logger: DeskLogger,
    private readonly settings: () => ListenInSettings,
    /** The agent's connected call, if any. */
    private readonly connectedCall: () => VoiceDeskContact | undefined,
  ) {}

  /** Never changes the desk: a listen-in is not one of the agent's contacts. */
  handle(event: MonitoringEvent): false {
    if (event.type === 'monitor-ended') {
      this.logger.info('listen-in ended', { callId: event.callId });
      return false;
    }
    const call = this.connectedCall();
    const sources = call ? liveCallIds(call) : [];
    const refusal = listenInRefusal(event, this.settings(), sources.length > 0);
    if (refusal) {
      this.logger.warn('listen-in refused', {
        callId: event.callId,
        from: event.from.uri,
        refusal,
      });
      this.engine.send({ type: 'monitor-end', callId: event.callId, refuse: true });
      return false;
    }
    this.logger.info('listen-in answered', { callId: event.callId, from: event.from.uri });
    this.engine.send({ type: 'monitor-answer', callId: event.callId, sourceCallIds: sources });
    return false;
  }
}

/**
 * EngineEvents: what the desk does with each report of the engine page, and with the page's
 * own life (lost, reloaded).
 *
 * Each report goes to the one part that owns it (session, voice, chat, presence); a part answers
 * whether the desk changed, and only then is a new snapshot published. The engine's life is
 * decided here because it spans every part: when the page is gone, its calls and chat offers
 * are closed and the line is down, whatever each part was doing. Split from AgentDesk so the
 * desk keeps the decisions between the agent's intents and the parts.
 */
import type { EngineEvent } from '../../common/contract';
import type { ChatDesk } from './chat/ChatDesk';
import type { EnginePage } from './EnginePage';
import type { Notices } from './Notices';
import type { DeskLogger } from './ports';
import type { PresenceDesk } from './presence/PresenceDesk';
import type { Session } from './session/Session';
import type { VoiceCalls } from './voice/VoiceCalls';

export interface EngineEventParts {
  readonly enginePage: EnginePage;
  readonly session: Session;
  readonly voice: VoiceCalls;
  readonly chat: ChatDesk;
  readonly presence: PresenceDesk;
  readonly notices: Notices;
  readonly logger: DeskLogger;
  /** An offer would ring now (AgentDesk.isRoutable). */
  readonly routable: () => boolean;
  /** The agent's chosen status id, named when an offer is refused. */
  readonly statusId: () => string;
  /** The agent chose Offline: the line is not wanted after an engine reload. */
  readonly offline: () => boolean;
  /** Publishes a new snapshot (AgentDesk.changed). */
  readonly changed: () => void;
}

export class EngineEvents {
  constructor(private readonly parts: EngineEventParts) {}

  handle(event: EngineEvent): void {
    const { enginePage, session, chat, presence, voice, logger } = this.parts;
    enginePage.observe(event);
    switch (event.type) {
      case 'dialog':
      case 'pong':
      case 'offers-refused':
        return; // the engine page's own bookkeeping (EnginePage)
      case 'audio-devices':
        return; // AudioDevices decides, and reports back through setAudio
      case 'microphone-level':
        return; // the settings screen's meter (MicrophoneMeter), not desk state
      case 'ready':
        return this.onEngineReady();
      case 'transport':
        return session.onTransport(event);
      case 'registration':
        return session.onRegistration(event);
      case 'network':
        if (event.online) session.networkBack('online');
        return;
      case 'incoming':
        return this.onIncoming(event);
      case 'chat-message':
        chat.onMessage(event);
        return this.parts.changed();
      case 'chat-typing':
        return this.changedIf(chat.onTyping(event.from, event.active));
      case 'chat-sent':
        return this.changedIf(chat.onSent(event.sendId, event.delivered, event.statusCode));
      case 'command-error':
        logger.warn('engine refused a command', { ...event });
        return;
      case 'presence':
        return this.changedIf(presence.onReport(event));
      default:
        return this.changedIf(voice.handle(event));
    }
  }

  /**
   * The engine page stopped answering, crashed or closed (EngineSupervisor, the shell). Shown
   * at once: its calls are ended (their media died with the page, or dies when the shell
   * restarts it) and the line is down until a new engine page connects again.
   */
  lost(reason: string): void {
    const { enginePage, logger, voice, chat, session, notices } = this.parts;
    if (!enginePage.markLost()) return;
    logger.warn('engine lost', { reason });
    voice.closeAll();
    chat.closeOffers();
    session.engineLost();
    notices.post('error', 'engineStopped');
    this.parts.changed();
  }

  private changedIf(changed: boolean): void {
    if (changed) this.parts.changed();
  }

  /** An offer rings only when the agent is routable; otherwise the server tries elsewhere. */
  private onIncoming(event: Extract<EngineEvent, { type: 'incoming' }>): void {
    const { voice } = this.parts;
    if (!this.parts.routable()) return voice.refuseOffer(event, this.parts.statusId());
    voice.offer(event);
    this.parts.changed();
  }

  /**
   * The engine page reloaded: it lost its calls, so close them, connect again, and have the
   * new engine hang up (BYE) the dialogs the old one left, so no customer stays on a dead line.
   */
  private onEngineReady(): void {
    const { enginePage, presence, session, voice, chat, notices } = this.parts;
    enginePage.loaded();
    presence.engineReloaded();
    voice.deskPhone.engineReloaded();
    if (!session.engineLoaded()) return;
    voice.closeAll();
    chat.closeOffers();
    session.reconnect(!this.parts.offline());
    enginePage.releaseOrphans();
    notices.post('warning', 'engineRestarted');
    this.parts.changed();
  }
}

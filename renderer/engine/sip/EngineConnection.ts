/**
 * The engine's line to the SIP server: the one JsSIP user agent of the signed-in account,
 * its registration, and what rides on it besides calls (presence, chat's MESSAGE listener,
 * releasing dialogs a crash left behind). Split from SipEngine, which keeps the calls.
 *
 * Connecting again replaces the user agent; everything a replaced agent still emits is
 * dropped (`isCurrent`), so a late event of the old line never reaches main.
 */
import type * as JsSIP from 'jssip';
import type { IncomingRTCSessionEvent, OutgoingRTCSessionEvent } from 'jssip/lib/UA';
import type { EngineCommand, EngineEvent } from '../../../common/contract';
import { EngineAccount } from '../../../common/contract';
import { PresencePublisher } from '../presence/PresencePublisher';
import { PresenceWatch } from '../presence/PresenceWatch';
import type { ChatMessages } from './ChatMessages';
import { connectTransportNow } from './jssipInternals';
import { peerConnectionConfig } from './peerConnectionConfig';
import { releaseDialogs } from './releaseDialogs';
import { type Account, createUserAgent } from './userAgent';

/** The commands about the line itself, not about one call. */
export type ConnectionCommand = Extract<
  EngineCommand,
  {
    type:
      | 'connect'
      | 'register'
      | 'unregister'
      | 'disconnect'
      | 'reconnect'
      | 'release-dialogs'
      | 'presence-watch'
      | 'presence-publish';
  }
>;

export interface ConnectionHooks {
  readonly report: (event: EngineEvent) => void;
  readonly chats: ChatMessages;
  /** An INVITE from the far end on the current user agent. */
  readonly onIncoming: (event: IncomingRTCSessionEvent) => void;
  /** Ends every call before the line goes: a disconnect never leaves a session behind. */
  readonly endCalls: () => void;
  readonly commandError: (command: string, error: unknown) => void;
}

export class EngineConnection {
  private ua: JsSIP.UA | undefined;
  private current: Account | undefined;
  /** Presence (D5): the colleagues watched, and the agent's own publication. */
  private readonly presenceWatch: PresenceWatch;
  private readonly presencePublisher: PresencePublisher;

  constructor(private readonly hooks: ConnectionHooks) {
    this.presenceWatch = new PresenceWatch(hooks.report);
    this.presencePublisher = new PresencePublisher((message) =>
      hooks.commandError('presence-publish', message),
    );
  }

  /** The signed-in account, while connected. */
  get account(): Account | undefined {
    return this.current;
  }

  isCurrent(ua: JsSIP.UA): boolean {
    return this.ua === ua;
  }

  requireUa(): JsSIP.UA {
    if (!this.ua) throw new Error('not connected');
    return this.ua;
  }

  /** The peer connection settings of every call on this line (the account's ICE servers). */
  pcConfig(): RTCConfiguration {
    return peerConnectionConfig(this.current?.iceServers ?? []);
  }

  handle(command: ConnectionCommand): void {
    switch (command.type) {
      case 'connect':
        return this.connect(EngineAccount.parse(command.account), command.register);
      case 'register':
        return this.requireUa().register();
      case 'unregister':
        return this.requireUa().unregister();
      case 'disconnect':
        return this.disconnect();
      case 'reconnect':
        return this.reconnect(command.register);
      case 'release-dialogs':
        return releaseDialogs(this.requireUa(), command.dialogs, (message) =>
          this.hooks.commandError('release-dialogs', message),
        );
      case 'presence-watch':
        return this.presenceWatch.watch(command.targets);
      case 'presence-publish':
        return this.presencePublisher.set(command.publication);
    }
  }

  private connect(account: Account, register: boolean): void {
    this.disconnect();
    this.current = account;
    const ua = createUserAgent(account, register, this.hooks.report, (candidate) =>
      this.isCurrent(candidate),
    );
    this.ua = ua;
    ua.on('newRTCSession', (event: IncomingRTCSessionEvent | OutgoingRTCSessionEvent) => {
      if (this.isCurrent(ua) && event.originator === 'remote') this.hooks.onIncoming(event);
    });
    this.hooks.chats.attach(ua, () => this.isCurrent(ua));
    ua.on('connected', () => {
      if (!this.isCurrent(ua)) return;
      this.presenceWatch.connected(ua);
      this.presencePublisher.connected(ua, account.sipUri);
    });
    ua.on('disconnected', () => {
      if (!this.isCurrent(ua)) return;
      this.presenceWatch.disconnected();
      this.presencePublisher.disconnected();
    });
    ua.start();
  }

  /** Main's reconnection schedule says: try now (see Reconnection). */
  private reconnect(register: boolean): void {
    const ua = this.requireUa();
    if (connectTransportNow(ua)) return;
    // Connected as far as the socket knows: a REGISTER proves it (a dead socket fails it).
    if (register && ua.isConnected()) ua.register();
  }

  private disconnect(): void {
    this.hooks.endCalls();
    this.hooks.chats.releaseAll();
    this.presenceWatch.release();
    this.presencePublisher.disconnected();
    const ua = this.ua;
    this.ua = undefined;
    this.current = undefined;
    ua?.stop();
  }
}

/**
 * The agent's own presence (D5), PUBLISHed (RFC 3903, event `presence`, PIDF) to the server
 * while the connection is up: what main last asked for, refreshed before it expires, modified
 * in place (SIP-If-Match) so the server never holds two documents for one agent, and
 * withdrawn (Expires: 0) on sign-out.
 *
 * A server without a presence service answers 489/405/404/501: the publisher stops quietly
 * (the agent's desk does not depend on it) until the next connection.
 */
import type * as JsSIP from 'jssip';
import type { PresencePublication } from '../../../common/contract';
import { sendOutOfDialog, type FinalResponse } from '../sip/jssipRequests';
import { writePidf } from './pidf';

/** How long a publication lives at the server: an app that vanished shows for at most this. */
export const PUBLISH_EXPIRES_SEC = 300;
/** Refreshed at 80 % of its life, with room for a slow answer. */
const REFRESH_MS = PUBLISH_EXPIRES_SEC * 800;

type Log = (message: string) => void;

export class PresencePublisher {
  private wanted: PresencePublication | null = null;
  private etag: string | undefined;
  private ua: JsSIP.UA | undefined;
  /** The agent's own address of record: what is published, and where. */
  private self = '';
  private unsupported = false;
  private refresh: ReturnType<typeof setTimeout> | undefined;
  /** One request at a time; a change while one is out is sent when it answered. */
  private busy = false;
  private dirty = false;

  constructor(private readonly log: Log) {}

  /** Main's choice: publish this (null: withdraw). */
  set(publication: PresencePublication | null): void {
    this.wanted = publication;
    this.dirty = true;
    this.pump();
  }

  /** The user agent's connection is up (first time or again): publish what is wanted. */
  connected(ua: JsSIP.UA, self: string): void {
    this.ua = ua;
    this.self = self;
    this.unsupported = false;
    this.dirty = true;
    this.pump();
  }

  /** The connection is gone: nothing can be sent; the server's copy expires by itself. */
  disconnected(): void {
    this.ua = undefined;
    this.stopRefresh();
  }

  private stopRefresh(): void {
    if (this.refresh !== undefined) clearTimeout(this.refresh);
    this.refresh = undefined;
  }

  private pump(): void {
    const ua = this.ua;
    if (!ua || this.busy || !this.dirty || this.unsupported) return;
    this.dirty = false;
    this.stopRefresh();
    const wanted = this.wanted;
    if (wanted === null && this.etag === undefined) return; // nothing at the server
    this.busy = true;
    void this.send(ua, wanted).finally(() => {
      this.busy = false;
      this.pump();
    });
  }

  private async send(ua: JsSIP.UA, wanted: PresencePublication | null): Promise<void> {
    const self = this.self;
    const headers = [
      'Event: presence',
      `Expires: ${wanted === null ? 0 : PUBLISH_EXPIRES_SEC}`,
      ...(this.etag ? [`SIP-If-Match: ${this.etag}`] : []),
      ...(wanted ? ['Content-Type: application/pidf+xml'] : []),
    ];
    let response: FinalResponse;
    try {
      response = await sendOutOfDialog(
        ua,
        'PUBLISH',
        self,
        headers,
        wanted ? writePidf(self, wanted) : undefined,
      );
    } catch (error) {
      // Not again at once (that would spin while the connection is down): the next
      // connection, or the next change, sends it.
      this.log(`presence PUBLISH not answered: ${String(error)}`);
      return;
    }
    const { statusCode } = response;
    if (statusCode >= 200 && statusCode < 300) {
      this.etag = wanted === null ? undefined : response.header('SIP-ETag');
      if (wanted !== null) this.armRefresh();
      return;
    }
    if (statusCode === 412 && this.etag !== undefined) {
      // The server forgot our document (it restarted, or it expired): publish afresh.
      this.etag = undefined;
      this.dirty = wanted !== null;
      return;
    }
    this.log(`presence PUBLISH refused (${statusCode}): presence not published on this server`);
    this.etag = undefined;
    this.unsupported = true;
  }

  private armRefresh(): void {
    this.stopRefresh();
    this.refresh = setTimeout(() => {
      this.refresh = undefined;
      this.dirty = true;
      this.pump();
    }, REFRESH_MS);
  }
}

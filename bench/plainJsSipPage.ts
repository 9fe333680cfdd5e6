/**
 * The comparison point of the bench: a plain JsSIP user agent with default options (it waits
 * for ICE gathering to complete before sending its offer), in a page of its own.
 */
import * as JsSIP from 'jssip';

export interface PlainJsSip {
  start(config: { wsUrl: string; uri: string; password: string }): Promise<void>;
  /** Calls and resolves with call() and 'confirmed' as epoch milliseconds. */
  call(
    target: string,
    iceServers: RTCIceServer[],
  ): Promise<{ startedAt: number; confirmedAt: number }>;
  hangupAll(): void;
}

declare global {
  interface Window {
    plainJsSip?: PlainJsSip;
  }
}

let ua: JsSIP.UA | undefined;
const sessions: Array<{ terminate(): void; isEnded(): boolean }> = [];

window.plainJsSip = {
  start({ wsUrl, uri, password }) {
    ua = new JsSIP.UA({
      sockets: [new JsSIP.WebSocketInterface(wsUrl)],
      uri,
      password,
      register: true,
    });
    const started = ua;
    return new Promise((resolve, reject) => {
      started.on('registered', () => resolve());
      started.on('registrationFailed', (event) => reject(new Error(event.cause)));
      started.start();
    });
  },
  async call(target, iceServers) {
    if (!ua) throw new Error('not started');
    const mediaStream = await navigator.mediaDevices.getUserMedia({ audio: true });
    const now = () => performance.timeOrigin + performance.now();
    const startedAt = now();
    return new Promise((resolve, reject) => {
      const session = ua!.call(target, {
        mediaStream,
        pcConfig: { iceServers },
        eventHandlers: {
          confirmed: () => resolve({ startedAt, confirmedAt: now() }),
          failed: (event) => reject(new Error(`call failed: ${event.cause}`)),
        },
      });
      sessions.push(session);
    });
  },
  hangupAll() {
    for (const session of sessions.splice(0)) if (!session.isEnded()) session.terminate();
  },
};

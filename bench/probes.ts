/**
 * Timing probes the bench installs in the pages (init scripts, self-contained): when the
 * INVITE reaches the engine's WebSocket and when its 200 OK leaves, when the banner appears in
 * the UI and when Accept is clicked. All times are epoch ms with sub-ms precision, comparable
 * across pages of one browser.
 */
export interface SipTimes {
  /** As the callee: an INVITE received, and our 200 OK to it sent. */
  invites: number[];
  inviteOks: number[];
  /** As the caller: our INVITE sent, and the 200 OK to it received. */
  invitesSent: number[];
  inviteOksReceived: number[];
}
export interface UiTimes {
  banners: number[];
  accepts: number[];
}

export function installSipTimer(): void {
  const now = () => performance.timeOrigin + performance.now();
  const times: SipTimes = { invites: [], inviteOks: [], invitesSent: [], inviteOksReceived: [] };
  const isInviteOk = (data: string) =>
    data.startsWith('SIP/2.0 200') && /\nCSeq:\s*\d+ INVITE/i.test(data);
  (window as unknown as { __sipTimes: SipTimes }).__sipTimes = times;
  const NativeWebSocket = window.WebSocket;
  class TimedWebSocket extends NativeWebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      // Registered before JsSIP sets onmessage, so it runs first.
      this.addEventListener('message', (event) => {
        if (typeof event.data !== 'string') return;
        if (event.data.startsWith('INVITE ')) times.invites.push(now());
        else if (isInviteOk(event.data)) times.inviteOksReceived.push(now());
      });
    }
    override send(data: string | ArrayBufferLike | Blob | ArrayBufferView): void {
      if (typeof data === 'string' && isInviteOk(data)) times.inviteOks.push(now());
      // The first INVITE of a dialog (no To tag): not a re-INVITE for hold or a refresh.
      if (typeof data === 'string' && data.startsWith('INVITE ') && !/\nTo:[^\n]*;tag=/i.test(data))
        times.invitesSent.push(now());
      super.send(data);
    }
  }
  window.WebSocket = TimedWebSocket;
}

export function installUiTimer(): void {
  const now = () => performance.timeOrigin + performance.now();
  const times: UiTimes = { banners: [], accepts: [] };
  (window as unknown as { __uiTimes: UiTimes }).__uiTimes = times;
  let bannerShown = false;
  new MutationObserver(() => {
    const present = document.querySelector('[data-testid="incoming-banner"]') !== null;
    if (present && !bannerShown) times.banners.push(now());
    bannerShown = present;
  }).observe(document, { subtree: true, childList: true });
  document.addEventListener(
    'click',
    (event) => {
      const target = event.target as Element | null;
      if (target?.closest('[data-testid="accept"]')) times.accepts.push(now());
    },
    true,
  );
}

/** When the ringer element starts playing for each offer (engine page). */
export function installRingTimer(): void {
  const now = () => performance.timeOrigin + performance.now();
  const rings: number[] = [];
  (window as unknown as { __ringTimes: number[] }).__ringTimes = rings;
  // Media events do not bubble; a capturing listener on the document still sees them.
  document.addEventListener(
    'playing',
    (event) => {
      const target = event.target as HTMLElement | null;
      if (target?.dataset['role'] === 'ringer') rings.push(now());
    },
    true,
  );
}

/**
 * Chat timing probes (init scripts, self-contained, like probes.ts): in the agent's engine
 * page, when a text MESSAGE arrives on the socket and when the 200 to one of the agent's own
 * text MESSAGEs comes back; in the UI, when a chat offer's Accept appears and when Send is
 * clicked. Typing notices (isComposing) are not text MESSAGEs and are left out. Epoch ms.
 */
export interface ChatSipTimes {
  /** Text MESSAGEs arriving: each opens a chat in the bench. */
  offers: number[];
  /** 200 OKs to the agent's own text MESSAGEs. */
  delivered: number[];
}
export interface ChatUiTimes {
  offers: number[];
  sends: number[];
}

export function installChatSipTimer(): void {
  const now = () => performance.timeOrigin + performance.now();
  const times: ChatSipTimes = { offers: [], delivered: [] };
  (window as unknown as { __chatSipTimes: ChatSipTimes }).__chatSipTimes = times;
  const callId = (data: string) => /^(?:Call-ID|i):\s*(\S+)/im.exec(data)?.[1] ?? '';
  const isText = (data: string) => /^(?:Content-Type|c):\s*text\/plain/im.test(data);
  /** Call-IDs of the agent's own text MESSAGEs still waiting for their 200. */
  const pending = new Set<string>();
  const NativeWebSocket = window.WebSocket;
  class TimedWebSocket extends NativeWebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      this.addEventListener('message', (event) => {
        if (typeof event.data !== 'string') return;
        if (event.data.startsWith('MESSAGE ') && isText(event.data)) times.offers.push(now());
        if (event.data.startsWith('SIP/2.0 200') && pending.delete(callId(event.data)))
          times.delivered.push(now());
      });
    }
    override send(data: string | ArrayBufferLike | Blob | ArrayBufferView): void {
      if (typeof data === 'string' && data.startsWith('MESSAGE ') && isText(data))
        pending.add(callId(data));
      super.send(data);
    }
  }
  window.WebSocket = TimedWebSocket;
}

export function installChatUiTimer(): void {
  const now = () => performance.timeOrigin + performance.now();
  const times: ChatUiTimes = { offers: [], sends: [] };
  (window as unknown as { __chatUiTimes: ChatUiTimes }).__chatUiTimes = times;
  let offerShown = false;
  new MutationObserver(() => {
    const present = document.querySelector('[data-testid="chat-accept"]') !== null;
    if (present && !offerShown) times.offers.push(now());
    offerShown = present;
  }).observe(document, { subtree: true, childList: true });
  document.addEventListener(
    'click',
    (event) => {
      const target = event.target as Element | null;
      if (target?.closest('[data-testid="chat-send"]')) times.sends.push(now());
    },
    true,
  );
}

/**
 * A party on the phone network made of the real engine page with a test-driven bridge instead
 * of the main process: the customer, a third party, or one of the two engines of the engine
 * integration test. It registers on Kamailio, places and takes calls, and listens with the
 * audio probe.
 */
import type { BrowserContext, Page } from '@playwright/test';
import type { EngineAccount, EngineCommand, EngineEvent } from '../../common/contract';
import { installAudioProbe, measureOn, type ToneLevels } from './audioProbe';

/** An event as the test bridge saw it, with its time (epoch ms, sub-ms precision). */
export type TimedEvent = EngineEvent & { at: number };

interface TestBridgeWindow {
  __engineEvents: TimedEvent[];
  __engineCommand?: (command: EngineCommand) => void;
  /** When set, every incoming call is answered at once (a callee for benchmarks). */
  __autoAnswer?: boolean;
  /** When set, every received MESSAGE is answered 200 at once (a chat customer for benchmarks). */
  __autoAnswerChats?: boolean;
  /** When set, every REFER from the far end is followed (a transferee that always agrees). */
  __acceptRefers?: boolean;
  /**
   * Unless set to false, every INVITE with Replaces is let take its call over: a test phone is
   * an ordinary phone, the transfer target of an attended transfer (the agent's app refuses).
   */
  __acceptReplaces?: boolean;
}

/** What the signalling tap keeps: the first line of every SIP message this page sent. */
interface SignalingTapWindow {
  __sipSent: string[];
  /** Holds every outgoing SIP message back this long: a slow network, to force glare. */
  __sipDelayMs: number;
  /** The dialog of every ACK this page sent: what a Replaces header must name to match it. */
  __sipDialogs: SipDialogIds[];
}

/** A confirmed dialog as this page's ACK names it: its own tag is the From tag. */
export interface SipDialogIds {
  callId: string;
  fromTag: string;
  toTag: string;
}

/**
 * Taps the page's WebSocket: records the start line of each SIP message sent and can delay
 * them all by the same amount (order is kept), so two re-INVITEs sent a moment apart cross
 * on the wire as they would over a slow link.
 */
function installSignalingTap(): void {
  const state = window as unknown as SignalingTapWindow;
  state.__sipSent = [];
  state.__sipDelayMs = 0;
  state.__sipDialogs = [];
  const header = (data: string, name: string) =>
    new RegExp(`^${name}:(.*)$`, 'im').exec(data)?.[1]?.trim() ?? '';
  const tag = (value: string) => /;\s*tag=([^;\s>]+)/i.exec(value)?.[1] ?? '';
  const send = WebSocket.prototype.send;
  WebSocket.prototype.send = function (this: WebSocket, data) {
    if (typeof data === 'string') {
      if (data.startsWith('ACK '))
        state.__sipDialogs.push({
          callId: header(data, 'Call-ID'),
          fromTag: tag(header(data, 'From')),
          toTag: tag(header(data, 'To')),
        });
      const direction = /a=(sendrecv|sendonly|recvonly|inactive)/.exec(data)?.[1];
      const cseq = /CSeq: *(\d+ \w+)/i.exec(data)?.[1];
      state.__sipSent.push(
        `${performance.now().toFixed(0)} ${data.slice(0, data.indexOf('\r\n'))} [${cseq}] ${direction ?? ''}`,
      );
    }
    const delay = state.__sipDelayMs;
    if (delay <= 0) return send.call(this, data);
    setTimeout(() => {
      if (this.readyState === WebSocket.OPEN) send.call(this, data);
    }, delay);
  };
}

function installTestBridge(): void {
  const state = window as unknown as TestBridgeWindow & { openccpEngine: unknown };
  const now = () => performance.timeOrigin + performance.now();
  state.__engineEvents = [];
  const queued: EngineCommand[] = [];
  let handler: ((command: EngineCommand) => void) | undefined;
  state.__engineCommand = (command) => (handler ? handler(command) : queued.push(command));
  state.openccpEngine = {
    onCommand(next: (command: EngineCommand) => void) {
      handler = next;
      for (const command of queued.splice(0)) next(command);
    },
    report(event: EngineEvent) {
      state.__engineEvents.push({ ...event, at: now() });
      if (event.type === 'incoming' && state.__autoAnswer)
        handler?.({ type: 'answer', callId: event.callId });
      if (event.type === 'chat-message' && state.__autoAnswerChats)
        handler?.({ type: 'chat-answer', messageId: event.messageId, status: 200 });
      if (event.type === 'refer' && state.__acceptRefers)
        handler?.({ type: 'refer-answer', callId: event.callId, accept: true });
      if (event.type === 'replaces')
        handler?.({
          type: 'replaces-answer',
          callId: event.callId,
          accept: state.__acceptReplaces !== false,
        });
      return Promise.resolve();
    },
  };
}

type EventOf<T extends EngineEvent['type']> = Extract<EngineEvent, { type: T }>;

export class TestPhone {
  private constructor(
    readonly page: Page,
    readonly toneHz: number,
  ) {}

  static async open(
    context: BrowserContext,
    engineUrl: string,
    toneHz: number,
  ): Promise<TestPhone> {
    const page = await context.newPage();
    await page.addInitScript(installAudioProbe, toneHz);
    await page.addInitScript(installTestBridge);
    await page.addInitScript(installSignalingTap);
    await page.goto(engineUrl);
    const phone = new TestPhone(page, toneHz);
    await phone.waitFor('ready');
    return phone;
  }

  /**
   * From now on the page opens Chromium's own microphone (its fake capture device, with the
   * audio processing a real one gets) instead of the probe's tone: the probe's getUserMedia is
   * an own property over MediaDevices.prototype's, so removing it uncovers the browser's.
   */
  async useBrowserMicrophone(): Promise<void> {
    await this.page.evaluate(() => {
      Reflect.deleteProperty(navigator.mediaDevices, 'getUserMedia');
    });
  }

  async command(command: EngineCommand): Promise<void> {
    await this.page.evaluate(
      (c) => (window as unknown as TestBridgeWindow).__engineCommand?.(c),
      command,
    );
  }

  async setAutoAnswer(on: boolean): Promise<void> {
    await this.page.evaluate(
      (value) => void ((window as unknown as TestBridgeWindow).__autoAnswer = value),
      on,
    );
  }

  /** Answer every received MESSAGE 200 at once, like a chat client that is always there. */
  async setAutoAnswerChats(on: boolean): Promise<void> {
    await this.page.evaluate(
      (value) => void ((window as unknown as TestBridgeWindow).__autoAnswerChats = value),
      on,
    );
  }

  /** Follow every REFER the far end sends (refer-answer accept), like a phone that obeys. */
  async setAcceptRefers(on: boolean): Promise<void> {
    await this.page.evaluate(
      (value) => void ((window as unknown as TestBridgeWindow).__acceptRefers = value),
      on,
    );
  }

  async hold(callId: string, hold: boolean): Promise<void> {
    await this.command({ type: 'hold', callId, hold });
  }

  async mute(callId: string, muted: boolean): Promise<void> {
    await this.command({ type: 'mute', callId, muted });
  }

  async sendDtmf(callId: string, digits: string, mode: 'auto' | 'rfc4733' | 'info'): Promise<void> {
    await this.command({ type: 'dtmf', callId, digits, mode });
  }

  /** Delays every SIP message this page sends by `ms` (0: none). */
  async setSignalingDelay(ms: number): Promise<void> {
    await this.page.evaluate(
      (value) => void ((window as unknown as SignalingTapWindow).__sipDelayMs = value),
      ms,
    );
  }

  /** Start lines of the SIP messages this page sent ("INVITE sip:...", "SIP/2.0 491 ..."). */
  async sipSent(): Promise<string[]> {
    return this.page.evaluate(() => (window as unknown as SignalingTapWindow).__sipSent);
  }

  /** The dialog of the last ACK this page sent: its latest call that was answered. */
  async lastDialog(): Promise<SipDialogIds> {
    const dialogs = await this.page.evaluate(
      () => (window as unknown as SignalingTapWindow).__sipDialogs,
    );
    const last = dialogs.at(-1);
    if (!last) throw new Error('this phone sent no ACK yet: no confirmed dialog');
    return last;
  }

  async clearSipSent(): Promise<void> {
    await this.page.evaluate(
      () => void ((window as unknown as SignalingTapWindow).__sipSent.length = 0),
    );
  }

  /** Forgets the events seen so far, so the next waitFor only sees new ones. */
  async clearEvents(): Promise<void> {
    await this.page.evaluate(
      () => void ((window as unknown as TestBridgeWindow).__engineEvents.length = 0),
    );
  }

  /** Runs a command and returns the page's clock reading just before it. */
  async timedCommand(command: EngineCommand): Promise<number> {
    return this.page.evaluate((c) => {
      const at = performance.timeOrigin + performance.now();
      (window as unknown as TestBridgeWindow).__engineCommand?.(c);
      return at;
    }, command);
  }

  async events(): Promise<TimedEvent[]> {
    return this.page.evaluate(() => (window as unknown as TestBridgeWindow).__engineEvents);
  }

  /** Waits for the first event of `type` (after `skip` earlier ones) that matches. */
  async waitFor<T extends EngineEvent['type']>(
    type: T,
    match: (event: EventOf<T>) => boolean = () => true,
    timeoutMs = 15_000,
  ): Promise<EventOf<T> & { at: number }> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = (await this.events()).find(
        (event): event is EventOf<T> & { at: number } =>
          event.type === type && match(event as unknown as EventOf<T>),
      );
      if (found) return found;
      if (Date.now() > deadline) {
        throw new Error(
          `TestPhone: no '${type}' event within ${timeoutMs} ms; saw ${JSON.stringify(await this.events())}`,
        );
      }
      await this.page.waitForTimeout(50);
    }
  }

  async signIn(account: EngineAccount): Promise<void> {
    await this.command({ type: 'connect', account, register: true });
    const outcome = await this.waitFor('registration', (event) => event.state !== 'unregistered');
    if (outcome.state !== 'registered')
      throw new Error(`registration failed: ${JSON.stringify(outcome)}`);
  }

  async call(target: string, callId = `call-${Date.now()}`): Promise<string> {
    await this.command({ type: 'call', callId, target });
    return callId;
  }

  measure(frequencies: number[], durationMs?: number): Promise<ToneLevels> {
    return measureOn(this.page, frequencies, durationMs);
  }

  /** The DTMF digits this party hears within `durationMs`, in order. */
  async listenForDtmf(durationMs: number): Promise<string> {
    return this.page.evaluate((ms) => window.__audioProbe!.listenForDtmf(ms), durationMs);
  }

  async describeConnections(): Promise<string[]> {
    return this.page.evaluate(() => window.__audioProbe!.describeConnections());
  }

  /** Silences (0) or restores (0.4) this party's own tone. */
  async setMicrophoneGain(gain: number): Promise<void> {
    await this.page.evaluate((value) => window.__audioProbe!.setMicrophoneGain(value), gain);
  }

  async close(): Promise<void> {
    await this.command({ type: 'disconnect' }).catch(() => undefined);
    await this.page.close();
  }
}

/**
 * Where Accept to 200 OK goes inside the engine page (issue 18): an init script that wraps the
 * page's RTCPeerConnection and stamps each step JsSIP's answer takes, so the bench can split
 * the app's answer into the part before WebRTC starts (the hops and the microphone), each
 * WebRTC step, and the wait from the first ICE candidate to the 200 OK on the socket. Read
 * beside the bare page's floor (answerFloor.ts), it says which step the app pays more for.
 */
import type { Page } from '@playwright/test';
import { tapTransport } from './transportTap';
import { SelfTimes, type CpuProfile } from './selfTimes';
import { summarize, type Summary } from './stats';

/** Epoch ms, as the pages stamp theirs. */
const epochNow = () => performance.timeOrigin + performance.now();

/** Main's side of each Accept (main runs in the bench's process, behind the harness's IPC). */
export interface MainAcceptTimes {
  /** `ui:accept` reaching main's handler. */
  readonly intents: number[];
  /** The `answer` command handed to the transport for the engine page. */
  readonly commands: number[];
}

/**
 * Stamps, in main, each Accept intent's arrival and each `answer` command's send, by wrapping
 * the harness transport's prototype (Electron's ipcMain in the product). Returns the stamps
 * and a function that puts the prototype back.
 */
export function timeMainAccepts(): { times: MainAcceptTimes; restore: () => void } {
  const times: MainAcceptTimes = { intents: [], commands: [] };
  const restore = tapTransport({
    invoke: (channel, _payload, handle) => {
      if (channel === 'ui:accept') times.intents.push(epochNow());
      return handle();
    },
    send: (_channel, payload) => {
      if ((payload as { type?: unknown } | null)?.type === 'answer')
        times.commands.push(epochNow());
    },
  });
  return { times, restore };
}

/** Epoch ms of each step of one answering connection (NaN when it never happened). */
export interface AnswerStepTimes {
  created: number;
  remoteStart: number;
  remoteDone: number;
  answerDone: number;
  localStart: number;
  localDone: number;
  firstCandidate: number;
}

/** Runs in the engine page before its scripts: every connection's steps, in creation order. */
export function installAnswerStepTimer(): void {
  const now = () => performance.timeOrigin + performance.now();
  const all: AnswerStepTimes[] = [];
  (window as unknown as { __answerSteps: AnswerStepTimes[] }).__answerSteps = all;
  /** The engine page receiving each `answer` command (the harness's IPC delivery). */
  const commands: number[] = [];
  (window as unknown as { __answerCommands: number[] }).__answerCommands = commands;
  // The harness delivers main's messages through this global (PlaywrightTransport); wrapping
  // it when the preload sets it stamps each `answer` command as it reaches the page.
  let deliver: ((channel: string, payload: unknown) => void) | undefined;
  Object.defineProperty(window, '__openccpIpcDeliver', {
    configurable: true,
    get: () => deliver,
    set: (next: (channel: string, payload: unknown) => void) => {
      deliver = (channel, payload) => {
        if ((payload as { type?: unknown } | null)?.type === 'answer') commands.push(now());
        next(channel, payload);
      };
    },
  });
  const stepsOf = new WeakMap<RTCPeerConnection, AnswerStepTimes>();
  const Native = window.RTCPeerConnection;
  const proto = Native.prototype;
  // The promise forms only: the legacy callback overloads are not what JsSIP calls.
  type Describe = (
    this: RTCPeerConnection,
    description?: RTCSessionDescriptionInit,
  ) => Promise<void>;
  type Answer = (
    this: RTCPeerConnection,
    options?: RTCAnswerOptions,
  ) => Promise<RTCSessionDescriptionInit>;
  const setRemoteDescription = proto.setRemoteDescription as Describe;
  const createAnswer = proto.createAnswer as unknown as Answer;
  const setLocalDescription = proto.setLocalDescription as Describe;
  /** Stamps `field` once, the first time the connection's step finishes. */
  const stamp = (connection: RTCPeerConnection, field: keyof AnswerStepTimes) => {
    const steps = stepsOf.get(connection);
    if (steps && Number.isNaN(steps[field])) steps[field] = now();
  };
  window.RTCPeerConnection = function (configuration?: RTCConfiguration) {
    const connection = new Native(configuration);
    const steps: AnswerStepTimes = {
      created: now(),
      remoteStart: NaN,
      remoteDone: NaN,
      answerDone: NaN,
      localStart: NaN,
      localDone: NaN,
      firstCandidate: NaN,
    };
    stepsOf.set(connection, steps);
    all.push(steps);
    connection.addEventListener('icecandidate', (event) => {
      if (event.candidate) stamp(connection, 'firstCandidate');
    });
    return connection;
  } as unknown as typeof RTCPeerConnection;
  window.RTCPeerConnection.prototype = proto;
  const timedSetRemote: Describe = async function (description) {
    stamp(this, 'remoteStart');
    await setRemoteDescription.call(this, description);
    stamp(this, 'remoteDone');
  };
  const timedCreateAnswer: Answer = async function (options) {
    const answer = await createAnswer.call(this, options);
    stamp(this, 'answerDone');
    return answer;
  };
  const timedSetLocal: Describe = async function (description) {
    stamp(this, 'localStart');
    await setLocalDescription.call(this, description);
    stamp(this, 'localDone');
  };
  proto.setRemoteDescription = timedSetRemote as typeof proto.setRemoteDescription;
  proto.createAnswer = timedCreateAnswer as unknown as typeof proto.createAnswer;
  proto.setLocalDescription = timedSetLocal as typeof proto.setLocalDescription;
}

/**
 * The rows: Accept click (UI page) to the `answer` command in the engine page, to the
 * connection's creation, then each step to the 200 OK
 * leaving the engine's socket. `accepts` and `oks` are the bench's own probes (probes.ts), one
 * per call, in the same order as the connections.
 */
export async function answerStepRows(
  engine: Page,
  accepts: readonly number[],
  oks: readonly number[],
  main: MainAcceptTimes,
): Promise<Record<string, Summary>> {
  const { steps, commands } = await engine.evaluate(() => {
    const page = window as unknown as {
      __answerSteps: AnswerStepTimes[];
      __answerCommands: number[];
    };
    return { steps: page.__answerSteps, commands: page.__answerCommands };
  });
  const spans: Record<string, number[]> = {
    clickToMainIntent: [],
    mainIntentToCommandSent: [],
    commandSentToEngine: [],
    commandToSetLocal: [],
    connectionToSetRemote: [],
    setRemote: [],
    createAnswer: [],
    setLocal: [],
    toFirstCandidate: [],
    firstCandidateTo200Ok: [],
  };
  steps.slice(0, accepts.length).forEach((step, call) => {
    const add = (name: string, from: number, to: number) => {
      if (Number.isFinite(to - from)) spans[name]!.push(to - from);
    };
    add('clickToMainIntent', accepts[call]!, main.intents[call] ?? NaN);
    add('mainIntentToCommandSent', main.intents[call] ?? NaN, main.commands[call] ?? NaN);
    add('commandSentToEngine', main.commands[call] ?? NaN, commands[call] ?? NaN);
    // With the answer prepared while ringing (PreparedAnswer), everything up to createAnswer
    // happens before Accept: Accept's own engine work is the command to setLocalDescription.
    add('commandToSetLocal', commands[call] ?? NaN, step.localStart);
    add('connectionToSetRemote', step.created, step.remoteStart);
    add('setRemote', step.remoteStart, step.remoteDone);
    add('createAnswer', step.remoteDone, step.answerDone);
    add('setLocal', step.localStart, step.localDone);
    add('toFirstCandidate', step.localDone, step.firstCandidate);
    add('firstCandidateTo200Ok', step.firstCandidate, oks[call] ?? NaN);
  });
  return Object.fromEntries(
    Object.entries(spans).map(([name, values]) => [`acceptStepsMs.${name}`, summarize(values)]),
  );
}

/**
 * `BENCH_PROFILE=accept`: a CPU profile of the engine page from each Accept click until the
 * call is connected; `BENCH_PROFILE=offer`: from each call placed until its banner shows. Summed
 * over the calls, printed as the functions with the most self time. What the page does on the
 * path (issue 18); not written to the results.
 */
export class EngineProfiler {
  private readonly times = new SelfTimes();
  private session: import('@playwright/test').CDPSession | undefined;

  constructor(
    private readonly engine: Page,
    private readonly span: string,
  ) {}

  async start(): Promise<void> {
    this.session ??= await this.engine.context().newCDPSession(this.engine);
    await this.session.send('Profiler.enable');
    await this.session.send('Profiler.setSamplingInterval', { interval: 100 });
    await this.session.send('Profiler.start');
  }

  async stop(): Promise<void> {
    if (!this.session) return;
    const { profile } = (await this.session.send('Profiler.stop')) as unknown as {
      profile: CpuProfile;
    };
    this.times.add(profile, (url) => url.split('/').pop() ?? '');
  }

  report(top = 25): string {
    return this.times.report(`engine page, ${this.span}`, top);
  }
}

/**
 * A plain SIP phone for the tests: baresip (Debian `baresip-core`), as a customer calls from
 * the telephone network through a gateway. It registers on Kamailio over UDP, speaks RTP/AVP
 * with no ICE and no DTLS, sends a sine tone as its microphone, and plays the call into a
 * private PulseAudio null sink whose recording the test measures (pulseSink.ts). It is
 * driven through its control interface (ctrl_tcp: netstring-framed JSON commands, events
 * pushed back).
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startDaemon, sleep, waitUntilReady, type Daemon } from './daemon';
import { SIP_DOMAIN, SIP_TEST_PASSWORDS, type SipTestUserName } from './kamailio';
import { pickFreePorts, pickSipPortAndNext, pickUdpPortRange } from './loopbackPorts';
import { startPulseSink, type PulseSink } from './pulseSink';
import { readMonoFrames, toneLevelDb, wavFrames, wavLayout } from './wavTone';

export const BARESIP_BIN = '/usr/bin/baresip';

/** baresip colours its status words on the terminal, and in ctrl_tcp replies too. */
const ANSI_COLOUR = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

/** The codecs the phone offers and accepts, in order of preference. */
export type BaresipCodecs = 'opus-and-g711' | 'g711-only' | 'gsm-only';

export interface BaresipOptions {
  user: SipTestUserName;
  /** Kamailio's UDP SIP port on 127.0.0.1. */
  sipPort: number;
  /** The tone this phone sends. */
  toneHz: number;
  logDir: string;
  codecs?: BaresipCodecs;
  /** 'auto' answers every call at once (a transfer target that always picks up). */
  answerMode?: 'manual' | 'auto';
}

/** An event as baresip's ctrl_tcp reports it ("CALL_INCOMING", "CALL_DTMF_START", ...). */
export interface BaresipEvent {
  type: string;
  class?: string;
  direction?: string;
  peeruri?: string;
  id?: string;
  param?: string;
  /** When the test received it (epoch ms). */
  at: number;
}

interface Response {
  ok: boolean;
  data: string;
}

const CODEC_LISTS: Record<BaresipCodecs, string> = {
  'opus-and-g711': 'opus/48000/2,PCMU/8000/1,PCMA/8000/1',
  'g711-only': 'PCMU/8000/1,PCMA/8000/1',
  // A codec WebRTC does not have: an old gateway no browser can agree audio with.
  'gsm-only': 'GSM/8000/1',
};

function configText(opts: {
  sipListen: number;
  ctrlPort: number;
  rtp: { min: number; max: number };
  toneHz: number;
  sink: PulseSink;
}): string {
  return [
    'poll_method epoll',
    `sip_listen 127.0.0.1:${opts.sipListen}`,
    'sip_trans_bsize 128',
    // A sine as the microphone; the call plays on a recorded null sink, the ringtone on another.
    `audio_source ausine,${opts.toneHz}`,
    // ausine makes 48 kHz only; baresip resamples it for narrowband codecs (G.711).
    'ausrc_srate 48000',
    'ausrc_channels 2',
    `audio_player pulse,${opts.sink.callSink}`,
    `audio_alert pulse,${opts.sink.alertSink}`,
    'audio_level no',
    `rtp_ports ${opts.rtp.min}-${opts.rtp.max}`,
    'rtp_timeout 0',
    'module_path /usr/lib/baresip/modules',
    'module g711.so',
    'module opus.so',
    'module gsm.so',
    'module pulse.so',
    'module ausine.so',
    'module_app account.so',
    'module_app menu.so',
    'module_app ctrl_tcp.so',
    `ctrl_tcp_listen 127.0.0.1:${opts.ctrlPort}`,
    'opus_bitrate 32000',
    // No call status line repeated on stdout every 100 ms: it would fill the log.
    'statmode_default off',
    '',
  ].join('\n');
}

export class Baresip {
  readonly events: BaresipEvent[] = [];
  private buffer = Buffer.alloc(0);
  private nextToken = 1;
  private readonly pending = new Map<string, (response: Response) => void>();

  private constructor(
    readonly user: SipTestUserName,
    readonly toneHz: number,
    private readonly sink: PulseSink,
    private readonly daemon: Daemon,
    private readonly socket: net.Socket,
  ) {
    socket.on('data', (chunk) => this.receive(chunk));
  }

  /** sip:<user>@openccp.test */
  get uri(): string {
    return `sip:${this.user}@${SIP_DOMAIN}`;
  }

  /**
   * Its ports are checked free, then bound by baresip a moment later: another process may take
   * one in between. A phone that exits for that reason ("Address already in use", as the
   * Kamailio launcher also retries) is started again on new ports; any other failure is thrown.
   */
  static async start(opts: BaresipOptions): Promise<Baresip> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await Baresip.startOnce(opts);
      } catch (error) {
        if (attempt >= 3 || !/Address already in use/.test(String(error))) throw error;
      }
    }
  }

  private static async startOnce(opts: BaresipOptions): Promise<Baresip> {
    if (!existsSync(BARESIP_BIN)) {
      throw new Error('baresip is not installed. Run: apt-get install -y baresip-core');
    }
    await mkdir(opts.logDir, { recursive: true });
    const dir = await mkdtemp(path.join(os.tmpdir(), `occp-baresip-${opts.user}-`));
    const logPrefix = path.join(path.resolve(opts.logDir), `baresip-${opts.user}-${Date.now()}`);
    const sink = await startPulseSink(dir, logPrefix);
    const sipListen = await pickSipPortAndNext();
    // Three distinct candidates: at most two can be the SIP ports just picked.
    const ctrlPort = (await pickFreePorts(3, [false, false, false])).find(
      (port) => port !== sipListen && port !== sipListen + 1,
    );
    if (ctrlPort === undefined) throw new Error('no free ports');
    const rtp = await pickUdpPortRange(20);
    await writeFile(
      path.join(dir, 'config'),
      configText({ sipListen, ctrlPort, rtp, toneHz: opts.toneHz, sink }),
    );
    const password = SIP_TEST_PASSWORDS[opts.user];
    const account =
      `<sip:${opts.user}@${SIP_DOMAIN}>;auth_user=${opts.user};auth_pass=${password}` +
      `;outbound="sip:127.0.0.1:${opts.sipPort};transport=udp";regint=600` +
      `;answermode=${opts.answerMode ?? 'manual'}` +
      `;audio_codecs=${CODEC_LISTS[opts.codecs ?? 'opus-and-g711']}` +
      ';ptime=20\n';
    await writeFile(path.join(dir, 'accounts'), account);
    await writeFile(path.join(dir, 'contacts'), '');
    const daemon = startDaemon(BARESIP_BIN, ['-f', dir], {
      logPath: `${logPrefix}.log`,
      cwd: dir,
      env: { ...process.env, PULSE_SERVER: sink.server, HOME: dir },
    });

    let socket: net.Socket | undefined;
    try {
      await waitUntilReady(daemon, `baresip (${opts.user})`, async () => {
        socket = await connect(ctrlPort);
        return socket !== undefined;
      });
    } catch (error) {
      await sink.stop();
      throw error;
    }
    if (!socket) throw new Error('unreachable');
    const phone = new Baresip(opts.user, opts.toneHz, sink, daemon, socket);
    await phone.waitUntilRegistered();
    return phone;
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const colon = this.buffer.indexOf(':');
      if (colon < 0) return;
      const length = Number(this.buffer.toString('latin1', 0, colon));
      if (this.buffer.length < colon + 1 + length + 1) return;
      const text = this.buffer.toString('utf8', colon + 1, colon + 1 + length);
      this.buffer = this.buffer.subarray(colon + 1 + length + 1);
      this.onMessage(JSON.parse(text) as Record<string, unknown>);
    }
  }

  private onMessage(message: Record<string, unknown>): void {
    if (message['event'] === true) {
      this.events.push({
        type: String(message['type']),
        ...pick(message, ['class', 'direction', 'peeruri', 'id', 'param']),
        at: Date.now(),
      });
    } else if (message['response'] === true) {
      const token = String(message['token'] ?? '');
      this.pending.get(token)?.({
        ok: message['ok'] === true,
        data: String(message['data'] ?? ''),
      });
      this.pending.delete(token);
    }
  }

  /** Runs a menu command ("dial", "accept", "hold", ...) and returns its output. */
  command(name: string, params?: string): Promise<Response> {
    const token = String(this.nextToken++);
    const json = JSON.stringify({ command: name, ...(params ? { params } : {}), token });
    const body = Buffer.from(json, 'utf8');
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(token);
        reject(new Error(`baresip (${this.user}): no answer to '${name}'`));
      }, 5_000);
      this.pending.set(token, (response) => {
        clearTimeout(timer);
        resolve(response);
      });
      this.socket.write(Buffer.concat([Buffer.from(`${body.length}:`), body, Buffer.from(',')]));
    });
  }

  dial(uri: string): Promise<Response> {
    return this.command('dial', uri);
  }
  accept(): Promise<Response> {
    return this.command('accept');
  }
  hangup(): Promise<Response> {
    return this.command('hangup');
  }
  hold(): Promise<Response> {
    return this.command('hold');
  }
  resume(): Promise<Response> {
    return this.command('resume');
  }

  /** Registration may finish before the control socket connects: ask, rather than await. */
  private async waitUntilRegistered(timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      // One line per account: "> sip:user@domain  OK  <server>", the status coloured.
      const info = await this.command('reginfo');
      const plain = info.data.replace(ANSI_COLOUR, '');
      if (/\sOK\s/.test(plain)) return;
      if (Date.now() > deadline)
        throw new Error(`baresip (${this.user}) not registered: ${info.data}`);
      await sleep(100);
    }
  }

  /** Waits for the first event of `type` that matches and arrived after `since`. */
  async waitForEvent(
    type: string,
    match: (event: BaresipEvent) => boolean = () => true,
    timeoutMs = 15_000,
    since = 0,
  ): Promise<BaresipEvent> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.events.find((e) => e.type === type && e.at >= since && match(e));
      if (found) return found;
      if (this.daemon.exited())
        throw new Error(
          `baresip (${this.user}) exited (code ${this.daemon.child.exitCode}, signal ${this.daemon.child.signalCode})\n${this.daemon.logTail()}`,
        );
      if (Date.now() > deadline) {
        throw new Error(
          `baresip (${this.user}): no ${type} within ${timeoutMs} ms; saw ${this.events.map((e) => e.type).join(', ')}`,
        );
      }
      await sleep(50);
    }
  }

  /** What the phone decodes now, from its own audio report ("opus 48000Hz/2ch", "PCMU 8000Hz/1ch"). */
  async decoder(): Promise<string> {
    const report = (await this.command('audio_debug')).data;
    return /decode:\s*([^\n]+?)\s+S16LE/.exec(report)?.[1] ?? 'none';
  }

  /** Calls this phone has established and not yet closed, from its own call list. */
  async establishedCalls(): Promise<number> {
    const list = (await this.command('listcalls')).data;
    return list.split('\n').filter((line) => /\bESTABLISHED\b/.test(line)).length;
  }

  /**
   * What this phone's user heard over the next `durationMs`: each tone's level in dBFS in what
   * the phone played out meanwhile, and how many calls it still had up at the end (silence
   * from a phone with no call proves nothing).
   */
  async measure(
    frequencies: readonly number[],
    durationMs = 1_500,
  ): Promise<{ levels: Record<string, number>; seconds: number; establishedCalls: number }> {
    const file = this.sink.recording;
    const layout = wavLayout(file);
    const from = wavFrames(file, layout);
    await sleep(durationMs);
    const establishedCalls = await this.establishedCalls();
    const samples = readMonoFrames(file, layout, from);
    const levels: Record<string, number> = {};
    for (const hz of frequencies) levels[String(hz)] = toneLevelDb(samples, layout.sampleRate, hz);
    return { levels, seconds: samples.length / layout.sampleRate, establishedCalls };
  }

  get logPath(): string {
    return this.daemon.logPath;
  }

  async stop(): Promise<void> {
    this.socket.destroy();
    await this.daemon.stop();
    await this.sink.stop();
  }
}

function pick(source: Record<string, unknown>, keys: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of keys) if (typeof source[key] === 'string') out[key] = source[key];
  return out;
}

function connect(port: number): Promise<net.Socket | undefined> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => resolve(socket));
    socket.once('error', () => resolve(undefined));
  });
}

/**
 * A plain SIP phone for the tests: baresip (Debian `baresip-core`), as a customer calls from
 * the telephone network through a gateway. It registers on Kamailio over UDP, speaks RTP/AVP
 * with no ICE and no DTLS, sends a sine tone as its microphone, and writes the audio it
 * decodes to WAV files (sndfile module) that the test measures. It is driven through its
 * control interface (ctrl_tcp: netstring-framed JSON commands, events pushed back).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startDaemon, sleep, waitUntilReady, type Daemon } from './daemon';
import { SIP_DOMAIN, SIP_TEST_PASSWORDS, type SipTestUserName } from './kamailio';
import { pickFreePorts, pickUdpPortRange } from './loopbackPorts';
import { monoFrames, readWav, toneLevelDb } from './wavTone';

export const BARESIP_BIN = '/usr/bin/baresip';

/** The codecs the phone offers and accepts, in order of preference. */
export type BaresipCodecs = 'opus-and-g711' | 'g711-only';

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
};

function configText(opts: {
  sipListen: number;
  ctrlPort: number;
  rtp: { min: number; max: number };
  toneHz: number;
  soundDir: string;
}): string {
  return [
    'poll_method epoll',
    `sip_listen 127.0.0.1:${opts.sipListen}`,
    'sip_trans_bsize 128',
    // A sine as the microphone; ALSA's "null" device as loudspeaker and ringer, so the phone
    // runs a real, clocked playback path on a machine without a sound card.
    `audio_source ausine,${opts.toneHz}`,
    'audio_player alsa,null',
    'audio_alert alsa,null',
    'audio_level no',
    `rtp_ports ${opts.rtp.min}-${opts.rtp.max}`,
    'rtp_timeout 0',
    'module_path /usr/lib/baresip/modules',
    'module g711.so',
    'module opus.so',
    'module alsa.so',
    'module ausine.so',
    'module sndfile.so',
    'module_app account.so',
    'module_app menu.so',
    'module_app ctrl_tcp.so',
    `ctrl_tcp_listen 127.0.0.1:${opts.ctrlPort}`,
    `snd_path ${opts.soundDir}`,
    'opus_bitrate 32000',
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
    readonly soundDir: string,
    private readonly daemon: Daemon,
    private readonly socket: net.Socket,
  ) {
    socket.on('data', (chunk) => this.receive(chunk));
  }

  /** sip:<user>@openccp.test */
  get uri(): string {
    return `sip:${this.user}@${SIP_DOMAIN}`;
  }

  static async start(opts: BaresipOptions): Promise<Baresip> {
    if (!existsSync(BARESIP_BIN)) {
      throw new Error('baresip is not installed. Run: apt-get install -y baresip-core');
    }
    await mkdir(opts.logDir, { recursive: true });
    const dir = await mkdtemp(path.join(os.tmpdir(), `occp-baresip-${opts.user}-`));
    const soundDir = path.join(dir, 'sound');
    await mkdir(soundDir);
    const [sipListen, ctrlPort] = await pickFreePorts(2, [true, false]);
    if (sipListen === undefined || ctrlPort === undefined) throw new Error('no free ports');
    const rtp = await pickUdpPortRange(20);
    await writeFile(
      path.join(dir, 'config'),
      configText({ sipListen, ctrlPort, rtp, toneHz: opts.toneHz, soundDir }),
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
    const logPath = path.join(path.resolve(opts.logDir), `baresip-${opts.user}-${Date.now()}.log`);
    const daemon = startDaemon(BARESIP_BIN, ['-f', dir], { logPath, cwd: dir });

    let socket: net.Socket | undefined;
    await waitUntilReady(daemon, `baresip (${opts.user})`, async () => {
      socket = await connect(ctrlPort);
      return socket !== undefined;
    });
    if (!socket) throw new Error('unreachable');
    const phone = new Baresip(opts.user, opts.toneHz, soundDir, daemon, socket);
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
      const plain = info.data.replace(/\x1b\[[0-9;]*m/g, '');
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
        throw new Error(`baresip (${this.user}) exited\n${this.daemon.logTail()}`);
      if (Date.now() > deadline) {
        throw new Error(
          `baresip (${this.user}): no ${type} within ${timeoutMs} ms; saw ${this.events.map((e) => e.type).join(', ')}`,
        );
      }
      await sleep(50);
    }
  }

  /** The newest file of decoded audio (one per call), once baresip has created it. */
  latestDecodedAudio(): string | undefined {
    const files = readdirSync(this.soundDir)
      .filter((name) => name.endsWith('-dec.wav'))
      .map((name) => path.join(this.soundDir, name));
    return files.sort((a, b) => statSync(a).mtimeMs - statSync(b).mtimeMs).at(-1);
  }

  /** Where the decoded audio of the current call stands now, to measure only what follows. */
  mark(): { file: string | undefined; frames: number } {
    const file = this.latestDecodedAudio();
    if (!file) return { file, frames: 0 };
    const audio = readWav(file);
    return { file, frames: Math.floor(audio.samples.length / Math.max(1, audio.channels)) };
  }

  /**
   * What this phone's user heard over the next `durationMs`: each tone's level in dBFS in the
   * decoded audio written meanwhile (-Infinity when nothing was decoded at all).
   */
  async measure(
    frequencies: readonly number[],
    durationMs = 1_500,
  ): Promise<{ levels: Record<string, number>; seconds: number }> {
    const start = this.mark();
    await sleep(durationMs);
    const file = this.latestDecodedAudio();
    const levels: Record<string, number> = {};
    if (!file) {
      for (const hz of frequencies) levels[String(hz)] = -Infinity;
      return { levels, seconds: 0 };
    }
    const audio = readWav(file);
    const samples = monoFrames(audio, file === start.file ? start.frames : 0);
    for (const hz of frequencies) levels[String(hz)] = toneLevelDb(samples, audio.sampleRate, hz);
    return { levels, seconds: samples.length / audio.sampleRate };
  }

  get logPath(): string {
    return this.daemon.logPath;
  }

  async stop(): Promise<void> {
    this.socket.destroy();
    await this.daemon.stop();
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

/**
 * Launches a throwaway rtpengine (Debian `rtpengine-daemon`, userspace forwarding only) on
 * loopback: the media relay a contact center puts between WebRTC agents (DTLS-SRTP, ICE,
 * rtcp-mux) and the telephone network's plain RTP. Kamailio drives it over the NG protocol
 * on `ngPort`; media uses its own port range.
 */
import dgram from 'node:dgram';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { startDaemon, waitUntilReady } from './daemon';
import { pickFreePorts, pickUdpPortRange } from './loopbackPorts';

export const RTPENGINE_BIN = '/usr/bin/rtpengine';

export interface RtpengineServer {
  /** UDP port of the NG control protocol on 127.0.0.1. */
  readonly ngPort: number;
  readonly logPath: string;
  stop(): Promise<void>;
}

/** An NG "ping" answered with "pong" proves the control socket serves requests. */
function ngPing(port: number, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const sock = dgram.createSocket('udp4');
    const cookie = `probe${process.pid}`;
    const done = (ok: boolean): void => {
      clearTimeout(timer);
      sock.close();
      resolve(ok);
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    sock.once('error', () => done(false));
    sock.on('message', (msg) => done(msg.toString('latin1').includes('pong')));
    sock.send(`${cookie} d7:command4:pinge`, port, '127.0.0.1');
  });
}

export async function startRtpengine(opts: { logDir: string }): Promise<RtpengineServer> {
  if (!existsSync(RTPENGINE_BIN)) {
    throw new Error('rtpengine is not installed. Run: apt-get install -y rtpengine-daemon');
  }
  await mkdir(opts.logDir, { recursive: true });
  const logPath = path.join(path.resolve(opts.logDir), `rtpengine-${process.pid}.log`);
  // The CLI and HTTP/WebSocket ports too: their defaults (2224, 2225) would collide with any
  // other run on this machine (measured: the second rtpengine exits at start).
  const [ngPort, cliPort, httpPort] = await pickFreePorts(3, [true, true, false]);
  if (ngPort === undefined || cliPort === undefined || httpPort === undefined) {
    throw new Error('port selection failed');
  }
  const media = await pickUdpPortRange(200);
  const daemon = startDaemon(
    RTPENGINE_BIN,
    [
      '--foreground',
      '--log-stderr',
      '--log-level=6',
      '--table=-1', // no kernel module: userspace forwarding
      '--interface=127.0.0.1',
      `--listen-ng=127.0.0.1:${ngPort}`,
      `--listen-cli=127.0.0.1:${cliPort}`,
      `--listen-http=127.0.0.1:${httpPort}`,
      `--port-min=${media.min}`,
      `--port-max=${media.max}`,
      '--no-redis-required',
      '--delete-delay=0',
      '--num-threads=2',
    ],
    { logPath },
  );
  await waitUntilReady(daemon, 'rtpengine', () => ngPing(ngPort, 300));
  return { ngPort, logPath, stop: () => daemon.stop() };
}

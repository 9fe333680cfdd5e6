/**
 * Launches a throwaway Kamailio SIP registrar/proxy on loopback for e2e and
 * integration tests. WebRTC clients (JsSIP) connect to `wsUrl`; plain SIP
 * tools can use UDP/TCP on `sipPort`.
 *
 * Every call to startKamailio() gets its own free ports and its own temp dir
 * (config, pid file, ctl socket, log), so test files may run servers in
 * parallel. The config template lives in e2e/kamailio/kamailio.cfg.
 *
 * Node built-ins only, Linux-oriented (Kamailio is installed from Debian).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import dgram from 'node:dgram';
import {
  accessSync,
  closeSync,
  constants as fsConstants,
  existsSync,
  openSync,
  readdirSync,
  readFileSync,
  writeSync,
} from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { killOnExit, sleep, waitForExit } from './daemon';
import { pickFreePorts } from './loopbackPorts';
import {
  presenceInstallHint,
  presenceModulesInstalled,
  writePresenceTables,
} from './kamailioPresence';

export const SIP_DOMAIN = 'openccp.test';

export const SIP_TEST_USER_NAMES = [
  'agent1',
  'agent2',
  'agent3',
  'customer1',
  'customer2',
  'customer3',
  'supervisor1',
  // Subscribers with phone numbers: E.164 without the '+', which kamailio.cfg strips.
  '17347644357',
  '442071838750',
  // Plain SIP phones (baresip) behind the media relay: customers on the telephone network.
  '12025550143',
  '12025550177',
  '12025550188',
] as const;

export type SipTestUserName = (typeof SIP_TEST_USER_NAMES)[number];

/** Password of every test user: `pw-<user>`. */
export const SIP_TEST_PASSWORDS: Readonly<Record<SipTestUserName, string>> = {
  agent1: 'pw-agent1',
  agent2: 'pw-agent2',
  agent3: 'pw-agent3',
  customer1: 'pw-customer1',
  customer2: 'pw-customer2',
  customer3: 'pw-customer3',
  supervisor1: 'pw-supervisor1',
  '17347644357': 'pw-17347644357',
  '442071838750': 'pw-442071838750',
  '12025550143': 'pw-12025550143',
  '12025550177': 'pw-12025550177',
  '12025550188': 'pw-12025550188',
};

/**
 * Serial-forking queues defined in kamailio.cfg (event_route[htable:mod-init]).
 * Members are rung one after another; 408/480/486 moves on to the next one,
 * unregistered members are skipped, 480 when nobody is left.
 */
export const SIP_TEST_QUEUES: Readonly<Record<string, readonly SipTestUserName[]>> = {
  'queue-sales': ['agent1', 'agent2'],
  'callback-sales': ['agent3'],
};

export const QUEUE_SALES_URI = `sip:queue-sales@${SIP_DOMAIN}`;
/** Queue names the server stamps on offers (X-Queue-Name), and the callback flag (X-Callback). */
export const QUEUE_NAMES: Readonly<Record<string, string>> = {
  'queue-sales': 'Sales',
  'callback-sales': 'Sales callbacks',
};
export const CALLBACK_SALES_URI = `sip:callback-sales@${SIP_DOMAIN}`;

export interface SipTestUser {
  user: string;
  password: string;
  /** sip:<user>@openccp.test */
  uri: string;
}

export interface KamailioServer {
  /** ws://127.0.0.1:<port>/ (WebSocket subprotocol "sip"). */
  wsUrl: string;
  /** UDP and TCP SIP port on 127.0.0.1. */
  sipPort: number;
  domain: string;
  users: Record<string, SipTestUser>;
  /** File receiving Kamailio's stderr/stdout (one INFO line per request/reply). */
  logPath: string;
  /** Kamailio's control socket (kamcmd -s unix:<path>): what the location table holds. */
  controlSocket: string;
  /**
   * SIGTERM, wait for exit (SIGKILL after 5 s), then delete the temp dir
   * unless keepLog. A log written to opts.logDir is never deleted.
   */
  stop(opts?: { keepLog?: boolean }): Promise<void>;
}

export interface StartKamailioOptions {
  /** Write the log here (kept after stop) instead of inside the temp dir. */
  logDir?: string;
  /**
   * How long (ms) a queue member rings before the queue moves on to the next
   * member (tm answers the branch with a local 408 and CANCELs it).
   * Default 20000; lower it in tests of the no-answer path.
   */
  queueRingTimeoutMs?: number;
  /**
   * NG control port of a running rtpengine: calls between a WebSocket client and a plain SIP
   * phone then have their media relayed through it (kamailio.cfg route[MEDIA_RELAY]).
   */
  rtpenginePort?: number;
  /**
   * Listen on these ports instead of free ones picked at random: a server restarted by a test
   * comes back where its clients knew it (a port still held by the stopped one is retried).
   */
  ports?: { ws: number; sip: number };
  /**
   * Run the presence server (SUBSCRIBE/NOTIFY and PUBLISH, event presence; D5). Default true;
   * false stands for a PBX without presence: SUBSCRIBE then reaches the agent's own app.
   */
  presence?: boolean;
}

/** Typed view of the users, e.g. `SIP_TEST_USERS.agent1.uri`. */
export const SIP_TEST_USERS: Readonly<Record<SipTestUserName, SipTestUser>> = Object.fromEntries(
  SIP_TEST_USER_NAMES.map((user) => [
    user,
    { user, password: SIP_TEST_PASSWORDS[user], uri: `sip:${user}@${SIP_DOMAIN}` },
  ]),
) as Record<SipTestUserName, SipTestUser>;

const READY_TIMEOUT_MS = 15_000;
const STOP_TIMEOUT_MS = 5_000;
const START_ATTEMPTS = 3;
const LOG_TAIL_LINES = 60;

function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

function installHint(): string {
  const cmd = 'apt-get install -y kamailio kamailio-websocket-modules';
  return `Kamailio is not installed. Run: ${isRoot() ? '' : 'sudo '}${cmd}`;
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, fsConstants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Path of the kamailio binary, or undefined. Honours $KAMAILIO_BIN, then
 * $PATH, then the sbin dirs (often missing from a non-root PATH).
 */
export function findKamailio(): string | undefined {
  const fromEnv = process.env.KAMAILIO_BIN;
  if (fromEnv) return isExecutable(fromEnv) ? fromEnv : undefined;
  const dirs = [
    ...(process.env.PATH ?? '').split(path.delimiter).filter((d) => d.length > 0),
    '/usr/sbin',
    '/usr/local/sbin',
    '/sbin',
    '/usr/bin',
    '/usr/local/bin',
  ];
  for (const dir of dirs) {
    const candidate = path.join(dir, 'kamailio');
    if (isExecutable(candidate)) return candidate;
  }
  return undefined;
}

/**
 * Kamailio present but the websocket module (a separate Debian package)
 * missing is the most likely broken install; detect it up front instead of
 * surfacing a cryptic "could not find module" from the log.
 */
function websocketModuleMissing(): boolean {
  const moduleDirs: string[] = [
    '/usr/lib/kamailio/modules',
    '/usr/lib64/kamailio/modules',
    '/usr/local/lib/kamailio/modules',
    '/usr/local/lib64/kamailio/modules',
  ];
  try {
    for (const entry of readdirSync('/usr/lib')) {
      moduleDirs.push(path.join('/usr/lib', entry, 'kamailio', 'modules'));
    }
  } catch {
    // no /usr/lib: nothing to check
  }
  const present = moduleDirs.filter((d) => existsSync(path.join(d, 'tm.so')));
  if (present.length === 0) return false; // unknown layout: let kamailio itself complain
  return !present.some((d) => existsSync(path.join(d, 'websocket.so')));
}

function tcpAccepts(port: number, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const sock = net.connect({ host: '127.0.0.1', port });
    const done = (ok: boolean): void => {
      clearTimeout(timer);
      sock.destroy();
      resolve(ok);
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    sock.once('connect', () => done(true));
    sock.once('error', () => done(false));
  });
}

/**
 * A TCP accept only proves the listening socket exists (bound early in
 * startup); an answered OPTIONS proves the SIP workers run the script.
 */
function sipOptionsAnswered(port: number, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const sock = dgram.createSocket('udp4');
    let finished = false;
    const done = (ok: boolean): void => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      try {
        sock.close();
      } catch {
        // already closed
      }
      resolve(ok);
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    sock.once('error', () => done(false));
    sock.on('message', (msg) => {
      if (msg.toString('latin1').startsWith('SIP/2.0 200')) done(true);
    });
    sock.bind({ address: '127.0.0.1', port: 0 }, () => {
      const local = sock.address().port;
      const id = randomBytes(8).toString('hex');
      const request =
        `OPTIONS sip:127.0.0.1:${port} SIP/2.0\r\n` +
        `Via: SIP/2.0/UDP 127.0.0.1:${local};branch=z9hG4bK${id};rport\r\n` +
        'Max-Forwards: 70\r\n' +
        `From: <sip:probe@127.0.0.1>;tag=${id}\r\n` +
        `To: <sip:127.0.0.1:${port}>\r\n` +
        `Call-ID: ${id}@127.0.0.1\r\n` +
        'CSeq: 1 OPTIONS\r\n' +
        'Content-Length: 0\r\n\r\n';
      sock.send(request, port, '127.0.0.1', (err) => {
        if (err) done(false);
      });
    });
  });
}

/** Last lines written by the latest start attempt (attempts are separated by "=== " markers). */
function logTail(logPath: string): string {
  try {
    const text = readFileSync(logPath, 'utf8');
    const lines = text.slice(Math.max(0, text.lastIndexOf('\n=== ') + 1)).split('\n');
    return lines.slice(-LOG_TAIL_LINES).join('\n');
  } catch {
    return '(no log)';
  }
}

/** Direct children of pid (Linux /proc). Kamailio forks its workers from main. */
function childPids(pid: number): number[] {
  const result: number[] = [];
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return result;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // "pid (comm) state ppid ..." - comm may contain spaces, so split after ")".
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(rest[1]) === pid) result.push(Number(entry));
    } catch {
      // process vanished
    }
  }
  return result;
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Kamailio's workers survive a SIGKILL of the main process (and keep the
 * ports bound), so they are tracked and killed individually if needed.
 */
async function terminate(child: ChildProcess): Promise<void> {
  const pid = child.pid;
  if (pid === undefined) return;
  const workers = childPids(pid);
  if (child.exitCode === null && child.signalCode === null) {
    child.kill('SIGTERM');
    if (!(await waitForExit(child, STOP_TIMEOUT_MS))) {
      for (const w of childPids(pid)) if (!workers.includes(w)) workers.push(w);
      child.kill('SIGKILL');
      await waitForExit(child, STOP_TIMEOUT_MS);
    }
  }
  // Main forwards SIGTERM to the workers; give them a moment, then insist.
  const deadline = Date.now() + 2_000;
  while (workers.some(pidAlive) && Date.now() < deadline) await sleep(50);
  for (const w of workers) {
    if (pidAlive(w)) {
      try {
        process.kill(w, 'SIGKILL');
      } catch {
        // gone already
      }
    }
  }
}

function renderRuntimeCfg(
  wsPort: number,
  sipPort: number,
  runDir: string,
  queueRingTimeoutMs?: number,
  rtpenginePort?: number,
  presence = false,
): string {
  if (/[!"\s]/.test(runDir)) throw new Error(`unsupported characters in temp dir path: ${runDir}`);
  const lines = [
    '# Generated by e2e/support/kamailio.ts - per-run values.',
    `#!substdef "!OCCP_WS_PORT!${wsPort}!g"`,
    `#!substdef "!OCCP_SIP_PORT!${sipPort}!g"`,
    `#!substdef "!OCCP_RUN_DIR!${runDir}!g"`,
  ];
  if (queueRingTimeoutMs !== undefined) {
    if (!Number.isInteger(queueRingTimeoutMs) || queueRingTimeoutMs < 1000) {
      throw new Error(`queueRingTimeoutMs must be an integer >= 1000, got ${queueRingTimeoutMs}`);
    }
    lines.push(`#!define OCCP_QUEUE_RING_MS ${queueRingTimeoutMs}`);
  }
  if (rtpenginePort !== undefined) {
    lines.push('#!define WITH_RTPENGINE', `#!substdef "!OCCP_RTPENGINE_PORT!${rtpenginePort}!g"`);
  }
  if (presence) lines.push('#!define WITH_PRESENCE');
  lines.push('');
  return lines.join('\n');
}

function renderUsersCfg(users: readonly SipTestUser[]): string {
  const lines = [
    '# Generated by e2e/support/kamailio.ts - SIP test credentials.',
    'route[OCCP_LOAD_USERS] {',
  ];
  for (const u of users) {
    if (!/^[A-Za-z0-9._-]+$/.test(u.user) || !/^[A-Za-z0-9._-]+$/.test(u.password)) {
      throw new Error(`unsupported characters in test user ${u.user}`);
    }
    lines.push(`\t$sht(users=>${u.user}) = "${u.password}";`);
  }
  lines.push('}', '');
  return lines.join('\n');
}

export async function startKamailio(opts: StartKamailioOptions = {}): Promise<KamailioServer> {
  const bin = findKamailio();
  if (!bin || websocketModuleMissing()) throw new Error(installHint());
  const presence = opts.presence ?? true;
  if (presence && !presenceModulesInstalled()) throw new Error(presenceInstallHint());

  const template = await readFile(new URL('../kamailio/kamailio.cfg', import.meta.url), 'utf8');
  const dir = await mkdtemp(path.join(os.tmpdir(), 'occp-kam-'));
  const cfgPath = path.join(dir, 'kamailio.cfg');
  const users = SIP_TEST_USER_NAMES.map((name) => SIP_TEST_USERS[name]);

  let logPath = path.join(dir, 'kamailio.log');
  if (opts.logDir) {
    await mkdir(opts.logDir, { recursive: true });
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    logPath = path.join(path.resolve(opts.logDir), `kamailio-${stamp}-${path.basename(dir)}.log`);
  }

  try {
    await writeFile(cfgPath, template);
    await writeFile(path.join(dir, 'openccp-users.cfg'), renderUsersCfg(users));
    if (presence) await writePresenceTables(dir);

    let lastError: Error | undefined;
    for (let attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
      const [wsPort, sipPort] = opts.ports
        ? [opts.ports.ws, opts.ports.sip]
        : await pickFreePorts(2, [false, true]);
      if (wsPort === undefined || sipPort === undefined) throw new Error('port selection failed');
      await writeFile(
        path.join(dir, 'openccp-runtime.cfg'),
        renderRuntimeCfg(
          wsPort,
          sipPort,
          dir,
          opts.queueRingTimeoutMs,
          opts.rtpenginePort,
          presence,
        ),
      );

      const args = [
        '-f',
        cfgPath,
        '-DD', // stay in the foreground (workers are still forked)
        '-E', // log to stderr
        '-Y',
        dir, // runtime dir
        '-P',
        path.join(dir, 'kamailio.pid'),
        '-w',
        dir,
        '-m',
        '64', // shm MB
        '-M',
        '8', // pkg MB per process
      ];
      const debugLevel = process.env.OPENCCP_KAMAILIO_DEBUG;
      if (debugLevel && /^-?\d$/.test(debugLevel)) args.push(`--debug=${debugLevel}`);

      const logFd = openSync(logPath, 'a');
      writeSync(
        logFd,
        `=== ${new Date().toISOString()} attempt ${attempt}: ${bin} ${args.join(' ')}\n`,
      );
      let child: ChildProcess;
      try {
        child = spawn(bin, args, { cwd: dir, stdio: ['ignore', logFd, logFd] });
      } finally {
        closeSync(logFd); // the child holds its own copy
      }
      let spawnError: Error | undefined;
      child.once('error', (err) => {
        spawnError = err;
      });
      const tracked = killOnExit(child, 'SIGTERM');

      const deadline = Date.now() + READY_TIMEOUT_MS;
      let ready = false;
      let exited = false;
      while (Date.now() < deadline) {
        if (spawnError || child.exitCode !== null || child.signalCode !== null) {
          exited = true;
          break;
        }
        if ((await tcpAccepts(wsPort, 500)) && (await sipOptionsAnswered(sipPort, 500))) {
          ready = true;
          break;
        }
        await sleep(100);
      }

      if (ready) {
        let stopped: Promise<void> | undefined;
        const server: KamailioServer = {
          wsUrl: `ws://127.0.0.1:${wsPort}/`,
          sipPort,
          domain: SIP_DOMAIN,
          users: Object.fromEntries(users.map((u) => [u.user, { ...u }])),
          logPath,
          controlSocket: path.join(dir, 'kamailio_ctl'),
          stop(stopOpts?: { keepLog?: boolean }): Promise<void> {
            stopped ??= (async () => {
              await terminate(child);
              tracked.forget();
              if (!stopOpts?.keepLog) await rm(dir, { recursive: true, force: true });
            })();
            return stopped;
          },
        };
        return server;
      }

      await terminate(child);
      tracked.forget();
      const tail = logTail(logPath);
      const reason = spawnError
        ? `failed to spawn ${bin}: ${spawnError.message}`
        : exited
          ? `kamailio exited during startup (code ${String(child.exitCode)}, signal ${String(child.signalCode)})`
          : `kamailio did not become ready within ${READY_TIMEOUT_MS / 1000} s (ws port ${wsPort}, sip port ${sipPort})`;
      lastError = new Error(`${reason}\nlog: ${logPath}\n--- log tail ---\n${tail}`);
      // Retry only what looks like losing the port race to another process.
      if (spawnError || !/Address already in use|bind\(\)/i.test(tail)) break;
    }
    throw lastError ?? new Error('kamailio failed to start');
  } catch (err) {
    // Keep the dir (with its log) for post-mortem when the log lives there.
    if (opts.logDir) await rm(dir, { recursive: true, force: true });
    throw err;
  }
}

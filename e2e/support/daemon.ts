/**
 * A test server started as a child process (rtpengine, baresip): its output goes to a log
 * file, it is stopped with SIGTERM then SIGKILL, and it is killed if the test process exits
 * without stopping it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';

export interface Daemon {
  readonly child: ChildProcess;
  readonly logPath: string;
  /** True once the process has exited (for whatever reason). */
  exited(): boolean;
  /** The last lines of the log, for error messages. */
  logTail(lines?: number): string;
  stop(): Promise<void>;
}

const STOP_TIMEOUT_MS = 5_000;
const running = new Map<ChildProcess, NodeJS.Signals>();
let exitHookInstalled = false;

/**
 * Last-resort cleanup: `child` gets `signal` if the test process exits without stopping it
 * (Kamailio wants SIGTERM, which it forwards to its workers; they outlive a SIGKILL). It leaves
 * the list by itself when it exits; `forget` takes it out earlier (a stop under way).
 */
export function killOnExit(
  child: ChildProcess,
  signal: NodeJS.Signals = 'SIGKILL',
): { forget(): void } {
  running.set(child, signal);
  child.once('exit', () => running.delete(child));
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.once('exit', () => {
      for (const [tracked, signal] of running) tracked.kill(signal);
    });
  }
  return { forget: () => running.delete(child) };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Resolves true once `child` has exited, false if it still runs after `timeoutMs`. */
export function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.off('exit', onExit);
      resolve(false);
    }, timeoutMs);
    const onExit = (): void => {
      clearTimeout(timer);
      resolve(true);
    };
    child.once('exit', onExit);
  });
}

export function startDaemon(
  command: string,
  args: readonly string[],
  options: { logPath: string; cwd?: string; env?: NodeJS.ProcessEnv },
): Daemon {
  const logFd = openSync(options.logPath, 'a');
  writeSync(logFd, `=== ${new Date().toISOString()} ${command} ${args.join(' ')}\n`);
  let child: ChildProcess;
  try {
    child = spawn(command, args, {
      ...(options.cwd ? { cwd: options.cwd } : {}),
      ...(options.env ? { env: options.env } : {}),
      stdio: ['ignore', logFd, logFd],
    });
  } finally {
    closeSync(logFd); // the child holds its own copy
  }
  child.once('error', () => undefined); // reported through exited() and the log
  const tracked = killOnExit(child);
  let stopped: Promise<void> | undefined;
  return {
    child,
    logPath: options.logPath,
    exited: () => child.exitCode !== null || child.signalCode !== null || child.pid === undefined,
    logTail: (lines = 40) => {
      try {
        return readFileSync(options.logPath, 'utf8').split('\n').slice(-lines).join('\n');
      } catch {
        return '(no log)';
      }
    },
    stop() {
      stopped ??= (async () => {
        if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
          child.kill('SIGTERM');
          if (!(await waitForExit(child, STOP_TIMEOUT_MS))) {
            child.kill('SIGKILL');
            await waitForExit(child, STOP_TIMEOUT_MS);
          }
        }
        tracked.forget();
      })();
      return stopped;
    },
  };
}

/** Polls `ready` until it holds, the daemon exits, or the time is up. */
export async function waitUntilReady(
  daemon: Daemon,
  name: string,
  ready: () => Promise<boolean>,
  timeoutMs = 15_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (daemon.exited()) {
      throw new Error(
        `${name} exited during startup\n--- ${daemon.logPath} ---\n${daemon.logTail()}`,
      );
    }
    if (await ready()) return;
    await sleep(100);
  }
  await daemon.stop();
  throw new Error(
    `${name} not ready within ${timeoutMs} ms\n--- ${daemon.logPath} ---\n${daemon.logTail()}`,
  );
}

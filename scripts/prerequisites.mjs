/**
 * The system packages the test suite needs (Kamailio with WebSocket, Chromium, and the
 * telephone-network side: rtpengine as the media relay, baresip as a plain SIP phone, and
 * PulseAudio as that phone's loudspeaker). Missing ones
 * are installed with apt-get when we may (root, or sudo without a password), announced first;
 * otherwise the run stops naming the exact command to type.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHECKS = [
  { pkg: 'kamailio', present: () => existsSync('/usr/sbin/kamailio') },
  {
    pkg: 'kamailio-websocket-modules',
    present: () =>
      ['/usr/lib/x86_64-linux-gnu', '/usr/lib/aarch64-linux-gnu', '/usr/lib'].some((dir) =>
        existsSync(`${dir}/kamailio/modules/websocket.so`),
      ),
  },
  { pkg: 'chromium', present: () => existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium') },
  { pkg: 'rtpengine-daemon', present: () => existsSync('/usr/bin/rtpengine') },
  // The core only: the `baresip` metapackage pulls in GTK, GStreamer and FFmpeg front ends.
  {
    pkg: 'baresip-core',
    present: () =>
      existsSync('/usr/bin/baresip') && existsSync('/usr/lib/baresip/modules/ctrl_tcp.so'),
  },
  // A real-time loudspeaker (null sink) and recorder for the plain phones: no sound card here.
  { pkg: 'pulseaudio', present: () => existsSync('/usr/bin/pulseaudio') },
  { pkg: 'pulseaudio-utils', present: () => existsSync('/usr/bin/parec') },
];

export function ensurePrerequisites() {
  const missing = CHECKS.filter((check) => !check.present()).map((check) => check.pkg);
  if (missing.length === 0) return;
  const command = `apt-get install -y ${missing.join(' ')}`;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const canSudo = !isRoot && spawnSync('sudo', ['-n', 'true']).status === 0;
  if (!existsSync('/usr/bin/apt-get') || (!isRoot && !canSudo)) {
    throw new Error(
      `Missing system packages for the tests: ${missing.join(', ')}.\nRun: sudo apt-get update && sudo ${command}`,
    );
  }
  console.log(`[openccp test] installing missing system packages: ${missing.join(', ')}`);
  const run = (args) =>
    execFileSync(isRoot ? args[0] : 'sudo', isRoot ? args.slice(1) : args, {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  run(['apt-get', 'update', '-qq']);
  run(['apt-get', 'install', '-y', '-qq', ...missing]);
}

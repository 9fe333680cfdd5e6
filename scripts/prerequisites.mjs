/**
 * The system packages the test suite needs (Kamailio with WebSocket, Chromium, and the
 * telephone-network side: rtpengine as the media relay, baresip as a plain SIP phone, and
 * PulseAudio as that phone's loudspeaker; Kamailio's presence modules; the CJK and emoji fonts
 * the screenshots need). The same list as .ci/run's, which installs them before `npm ci`. Missing ones
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
  // Presence (D5): the test Kamailio runs the presence and presence_xml modules.
  {
    pkg: 'kamailio-presence-modules',
    present: () =>
      ['/usr/lib/x86_64-linux-gnu', '/usr/lib/aarch64-linux-gnu', '/usr/lib'].some((dir) =>
        existsSync(`${dir}/kamailio/modules/presence_xml.so`),
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
  // Debian ships baresip's pulse module in baresip-x11, not in baresip-core.
  { pkg: 'baresip-x11', present: () => existsSync('/usr/lib/baresip/modules/pulse.so') },
  // Screenshots in Chinese and Japanese, and the chat's emoji, need these fonts or show boxes.
  {
    pkg: 'fonts-noto-cjk',
    present: () => existsSync('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'),
  },
  {
    pkg: 'fonts-noto-color-emoji',
    present: () => existsSync('/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf'),
  },
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

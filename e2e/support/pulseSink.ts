/**
 * A loudspeaker for a plain test phone on a machine without a sound card: a private
 * PulseAudio server whose default sink is a null sink (it consumes audio in real time, as a
 * sound card would), with everything played on it recorded to a WAV file by `parec`. The
 * recording is what the phone's user heard, second by second, whatever the phone does
 * internally (baresip 1.0 drops its decode filters after a re-INVITE, so its own dump stops
 * at the first hold).
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { startDaemon, waitUntilReady, type Daemon } from './daemon';

export const PULSEAUDIO_BIN = '/usr/bin/pulseaudio';
export const PAREC_BIN = '/usr/bin/parec';

export interface PulseSink {
  /** PULSE_SERVER for the phone. */
  readonly server: string;
  /** Sink the phone plays the call on; ringing and alerts go to a second one, unrecorded. */
  readonly callSink: string;
  readonly alertSink: string;
  /** The recording of the call sink (16-bit mono WAV at `sampleRate`). */
  readonly recording: string;
  readonly sampleRate: number;
  stop(): Promise<void>;
}

const SAMPLE_RATE = 48_000;

export async function startPulseSink(dir: string, logPrefix: string): Promise<PulseSink> {
  if (!existsSync(PULSEAUDIO_BIN) || !existsSync(PAREC_BIN)) {
    throw new Error(
      'PulseAudio is not installed. Run: apt-get install -y pulseaudio pulseaudio-utils',
    );
  }
  const socket = path.join(dir, 'pulse-native');
  const script = path.join(dir, 'pulse.pa');
  await writeFile(
    script,
    [
      `load-module module-native-protocol-unix auth-anonymous=1 socket=${socket}`,
      `load-module module-null-sink sink_name=call rate=${SAMPLE_RATE} channels=1`,
      `load-module module-null-sink sink_name=alert rate=${SAMPLE_RATE} channels=1`,
      'set-default-sink call',
      '',
    ].join('\n'),
  );
  const env = {
    ...process.env,
    HOME: dir,
    PULSE_RUNTIME_PATH: path.join(dir, 'pulse-run'),
    PULSE_STATE_PATH: path.join(dir, 'pulse-state'),
    PULSE_SERVER: `unix:${socket}`,
  };
  const server = startDaemon(
    PULSEAUDIO_BIN,
    [
      '-n',
      '-F',
      script,
      '--daemonize=no',
      '--use-pid-file=no',
      '--exit-idle-time=-1',
      '--disable-shm=yes',
      '--log-target=stderr',
    ],
    { logPath: `${logPrefix}-pulseaudio.log`, cwd: dir, env },
  );
  await waitUntilReady(server, 'pulseaudio', async () => existsSync(socket));
  const recording = path.join(dir, 'heard.wav');
  let recorder: Daemon;
  try {
    recorder = startDaemon(
      PAREC_BIN,
      [
        '--device=call.monitor',
        `--rate=${SAMPLE_RATE}`,
        '--channels=1',
        '--format=s16le',
        '--file-format=wav',
        '--latency-msec=20',
        recording,
      ],
      { logPath: `${logPrefix}-parec.log`, cwd: dir, env },
    );
    await waitUntilReady(recorder, 'parec', async () => existsSync(recording));
  } catch (error) {
    await server.stop();
    throw error;
  }
  return {
    server: env.PULSE_SERVER,
    callSink: 'call',
    alertSink: 'alert',
    recording,
    sampleRate: SAMPLE_RATE,
    async stop() {
      await recorder.stop();
      await server.stop();
    },
  };
}

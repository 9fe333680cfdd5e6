/**
 * The OS's audio device list, stood in for (the one boundary that cannot exist on a CI
 * machine): `navigator.mediaDevices` keeps its interface (enumerateDevices, getUserMedia,
 * devicechange) and `HTMLMediaElement.setSinkId` its own, over fake devices.
 *
 * - Each fake microphone is its own tone (an OscillatorNode into a MediaStreamDestination), so
 *   the far end can tell which microphone it hears.
 * - Each fake output records what plays on it: the elements routed to it with setSinkId ('' =
 *   the default output, the first plugged one), measured by an AnalyserNode.
 * - Devices can be plugged and unplugged (devicechange fires), and access can be denied.
 *
 * Everything above it is the app's real code. `installFakeMediaDevices` runs inside the page
 * (addInitScript) and must stay self-contained.
 */
import type { Page } from '@playwright/test';

export interface FakeAudioDevice {
  readonly deviceId: string;
  readonly groupId: string;
  readonly kind: 'audioinput' | 'audiooutput';
  readonly label: string;
  /** A microphone's tone. */
  readonly toneHz?: number;
  /** A microphone that picks up nothing (digital silence), like a muted or broken one. */
  readonly silent?: boolean;
  /** Listed at start (default true). */
  readonly plugged?: boolean;
}

export interface OutputLevels {
  readonly levels: Record<string, number>;
  readonly floor: number;
  /** Elements playing on this output. */
  readonly elements: number;
}

export interface FakeDeviceControl {
  plug(deviceId: string, newDeviceId: string | undefined): void;
  unplug(deviceId: string): void;
  deny(denied: boolean): void;
  /** What plays on one output ('' is the default output). */
  measure(outputId: string, frequencies: number[], durationMs: number): Promise<OutputLevels>;
  /** The sinkId of every element playing something, by its data-role. */
  sinks(): { role: string; sinkId: string; playing: boolean }[];
  /** The microphones the page holds open now (live tracks from getUserMedia), by deviceId. */
  openMicrophones(): string[];
  /** How many times the page opened a microphone (getUserMedia calls that gave one). */
  microphoneOpens(): number;
}

declare global {
  interface Window {
    __fakeDevices?: FakeDeviceControl;
  }
}

export function installFakeMediaDevices(initial: FakeAudioDevice[]): void {
  const context = new AudioContext();
  const devices: (Omit<FakeAudioDevice, 'deviceId' | 'plugged'> & {
    deviceId: string;
    plugged: boolean;
  })[] = initial.map((device) => ({ ...device, plugged: device.plugged ?? true }));
  const microphones = new Map<string, MediaStreamAudioDestinationNode>();
  const openTracks: { deviceId: string; track: MediaStreamTrack }[] = [];
  /** Copies of open tracks (track.clone, stream.clone): they end with their device too. */
  const copies: { deviceId: string; track: MediaStreamTrack }[] = [];
  const deviceOf = new WeakMap<MediaStreamTrack, string>();
  const sinks = new WeakMap<HTMLMediaElement, string>();
  const captured = new WeakMap<HTMLMediaElement, MediaStream>();
  let denied = false;

  const plugged = (kind: FakeAudioDevice['kind']) =>
    devices.filter((device) => device.kind === kind && device.plugged);
  const fire = () => navigator.mediaDevices.dispatchEvent(new Event('devicechange'));
  const failure = (name: string) => new DOMException(`fake devices: ${name}`, name);

  const toneOf = (device: FakeAudioDevice) => {
    let node = microphones.get(device.deviceId);
    if (!node) {
      const oscillator = context.createOscillator();
      oscillator.frequency.value = device.toneHz ?? 440;
      const gain = context.createGain();
      gain.gain.value = device.silent ? 0 : 0.4;
      node = context.createMediaStreamDestination();
      oscillator.connect(gain).connect(node);
      oscillator.start();
      microphones.set(device.deviceId, node);
    }
    return node;
  };

  const info = (device: { deviceId: string; groupId: string; kind: string; label: string }) => ({
    ...device,
    toJSON: () => device,
  });

  Object.defineProperty(navigator.mediaDevices, 'enumerateDevices', {
    configurable: true,
    value: async () => {
      const listed: ReturnType<typeof info>[] = [];
      for (const kind of ['audioinput', 'audiooutput'] as const) {
        const first = plugged(kind)[0];
        if (!first) continue;
        listed.push(
          info({
            deviceId: 'default',
            groupId: first.groupId,
            kind,
            label: `Default - ${first.label}`,
          }),
        );
        for (const device of plugged(kind)) {
          const { deviceId, groupId, label } = device;
          listed.push(info({ deviceId, groupId, kind, label: denied ? '' : label }));
        }
      }
      return listed as unknown as MediaDeviceInfo[];
    },
  });

  Object.defineProperty(navigator.mediaDevices, 'getUserMedia', {
    configurable: true,
    value: async (constraints: MediaStreamConstraints) => {
      if (denied) throw failure('NotAllowedError');
      const audio = typeof constraints.audio === 'object' ? constraints.audio : {};
      const wanted = audio.deviceId;
      const id =
        typeof wanted === 'string'
          ? wanted
          : wanted && !Array.isArray(wanted) && typeof wanted === 'object'
            ? (wanted as ConstrainDOMStringParameters).exact
            : undefined;
      const mics = plugged('audioinput');
      const device =
        id === undefined || id === 'default' ? mics[0] : mics.find((mic) => mic.deviceId === id);
      if (!device) throw failure(id === undefined ? 'NotFoundError' : 'OverconstrainedError');
      if (context.state !== 'running') await context.resume();
      const track = toneOf(device).stream.getAudioTracks()[0]!.clone();
      openTracks.push({ deviceId: device.deviceId, track });
      deviceOf.set(track, device.deviceId);
      return new MediaStream([track]);
    },
  });

  // A copy of a microphone track shares its device, as in Chromium: unplugged, it ends too.
  const nativeClone = MediaStreamTrack.prototype.clone;
  Object.defineProperty(MediaStreamTrack.prototype, 'clone', {
    configurable: true,
    value: function clone(this: MediaStreamTrack): MediaStreamTrack {
      const copy = nativeClone.call(this);
      const deviceId = deviceOf.get(this);
      if (deviceId !== undefined) {
        deviceOf.set(copy, deviceId);
        copies.push({ deviceId, track: copy });
      }
      return copy;
    },
  });
  Object.defineProperty(MediaStream.prototype, 'clone', {
    configurable: true,
    value: function clone(this: MediaStream): MediaStream {
      return new MediaStream(this.getTracks().map((track) => track.clone()));
    },
  });

  Object.defineProperty(HTMLMediaElement.prototype, 'sinkId', {
    configurable: true,
    get(this: HTMLMediaElement) {
      return sinks.get(this) ?? '';
    },
  });
  Object.defineProperty(HTMLMediaElement.prototype, 'setSinkId', {
    configurable: true,
    value: async function (this: HTMLMediaElement, sinkId: string) {
      if (sinkId && !plugged('audiooutput').some((device) => device.deviceId === sinkId)) {
        throw failure('NotFoundError');
      }
      sinks.set(this, sinkId);
    },
  });

  /** Where an element really plays: '' is the first plugged output, like an OS default. */
  const outputOf = (element: HTMLMediaElement) => {
    const id = sinks.get(element) ?? '';
    return id === '' ? (plugged('audiooutput')[0]?.deviceId ?? '') : id;
  };
  const streamOf = (element: HTMLMediaElement): MediaStream | undefined => {
    if (element.srcObject instanceof MediaStream) return element.srcObject;
    if (!element.src || element.paused) return undefined;
    let stream = captured.get(element);
    if (!stream) {
      stream = (element as HTMLMediaElement & { captureStream(): MediaStream }).captureStream();
      captured.set(element, stream);
    }
    return stream;
  };
  const NOISE_HZ = 3700;

  window.__fakeDevices = {
    plug(deviceId, newDeviceId) {
      const device = devices.find((entry) => entry.deviceId === deviceId);
      if (!device) throw new Error(`no fake device ${deviceId}`);
      // Plugged again, a device may come back under a new id (as on real systems).
      if (newDeviceId) {
        const node = microphones.get(device.deviceId);
        if (node) microphones.set(newDeviceId, node);
        device.deviceId = newDeviceId;
      }
      device.plugged = true;
      fire();
    },
    unplug(deviceId) {
      const device = devices.find((entry) => entry.deviceId === deviceId);
      if (!device) throw new Error(`no fake device ${deviceId}`);
      device.plugged = false;
      // Its open tracks end, as a real unplugged microphone's do.
      for (const open of [...openTracks, ...copies]) {
        if (open.deviceId === deviceId && open.track.readyState === 'live') {
          open.track.stop();
          open.track.dispatchEvent(new Event('ended'));
        }
      }
      fire();
    },
    deny(value) {
      denied = value;
      fire();
    },
    microphoneOpens() {
      return openTracks.length;
    },
    openMicrophones() {
      return openTracks
        .filter((open) => open.track.readyState === 'live')
        .map((open) => open.deviceId);
    },
    sinks() {
      return [...document.querySelectorAll('audio')].map((element) => ({
        role: element.dataset['role'] ?? '',
        sinkId: sinks.get(element) ?? '',
        // Audibly playing: play() alone unpauses at once, before the media has loaded, and a
        // capture taken then (measure) has no audio track yet and hears nothing.
        playing:
          !element.paused &&
          element.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA &&
          element.currentTime > 0,
      }));
    },
    async measure(outputId, frequencies, durationMs) {
      if (context.state !== 'running') await context.resume();
      const streams = [...document.querySelectorAll('audio')]
        // A muted element plays nothing on its output, whatever stream it holds.
        .filter((element) => outputOf(element) === outputId && !element.muted)
        .map(streamOf)
        .filter((stream): stream is MediaStream => stream !== undefined)
        .filter((stream) => stream.getAudioTracks().some((track) => track.readyState === 'live'));
      const levels: Record<string, number> = {};
      for (const hz of frequencies) levels[String(hz)] = -Infinity;
      let floor = -Infinity;
      if (streams.length === 0) return { levels, floor, elements: 0 };
      const analyser = context.createAnalyser();
      analyser.fftSize = 4096;
      analyser.smoothingTimeConstant = 0;
      const sources = streams.map((stream) => context.createMediaStreamSource(stream));
      for (const source of sources) source.connect(analyser);
      const bins = new Float32Array(analyser.frequencyBinCount);
      const binOf = (hz: number) => Math.round(hz / (context.sampleRate / analyser.fftSize));
      const started = performance.now();
      while (performance.now() - started < durationMs) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        analyser.getFloatFrequencyData(bins);
        for (const hz of frequencies) {
          const level = bins[binOf(hz)] ?? -Infinity;
          if (level > (levels[String(hz)] ?? -Infinity)) levels[String(hz)] = level;
        }
        floor = Math.max(floor, bins[binOf(NOISE_HZ)] ?? -Infinity);
      }
      for (const source of sources) source.disconnect();
      return { levels, floor, elements: streams.length };
    },
  };
}

/** Plugs a fake device in again, optionally under a new deviceId (as real systems may). */
export function plugDevice(page: Page, deviceId: string, newDeviceId?: string): Promise<void> {
  return page.evaluate(([id, next]) => window.__fakeDevices!.plug(id, next), [
    deviceId,
    newDeviceId,
  ] as const);
}

export function unplugDevice(page: Page, deviceId: string): Promise<void> {
  return page.evaluate((id) => window.__fakeDevices!.unplug(id), deviceId);
}

export function outputSinks(
  page: Page,
): ReturnType<FakeDeviceControl['sinks']> extends infer T ? Promise<T> : never {
  return page.evaluate(() => window.__fakeDevices!.sinks());
}

export function measureOutput(
  page: Page,
  outputId: string,
  frequencies: number[],
  durationMs = 1500,
): Promise<OutputLevels> {
  return page.evaluate(([id, freqs, ms]) => window.__fakeDevices!.measure(id, freqs, ms), [
    outputId,
    frequencies,
    durationMs,
  ] as const);
}

export function openMicrophones(page: Page): Promise<string[]> {
  return page.evaluate(() => window.__fakeDevices!.openMicrophones());
}

export function microphoneOpens(page: Page): Promise<number> {
  return page.evaluate(() => window.__fakeDevices!.microphoneOpens());
}

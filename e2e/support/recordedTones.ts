/**
 * What a recording file holds, heard the way a person playing it back would: Chromium decodes
 * the file (Opus in WebM) with decodeAudioData, as a player would, and each party's tone is
 * measured in windows along it (Goertzel with a Hann window, in dBFS of the tone's amplitude).
 * No new package: the browser the tests already run is the decoder.
 */
import type { Page } from '@playwright/test';

export interface RecordedTones {
  durationSec: number;
  /** The largest sample magnitude of any channel (1 is full scale: above it, a player clips). */
  peak: number;
  /** One entry per 100 ms window: its start (s) and each tone's level (dBFS). */
  windows: Array<{ at: number; levels: Record<string, number> }>;
}

export async function recordedTones(
  page: Page,
  fileBytes: Buffer,
  frequencies: readonly number[],
): Promise<RecordedTones> {
  return page.evaluate(
    async ({ base64, tones }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const context = new OfflineAudioContext(1, 1, 48_000);
      const buffer = await context.decodeAudioData(bytes.buffer);
      const rate = buffer.sampleRate;
      // Every channel summed: what a listener hears.
      const samples = new Float32Array(buffer.length);
      let peak = 0;
      for (let channel = 0; channel < buffer.numberOfChannels; channel += 1) {
        const data = buffer.getChannelData(channel);
        for (let i = 0; i < data.length; i += 1) {
          samples[i] = (samples[i] ?? 0) + (data[i] ?? 0);
          peak = Math.max(peak, Math.abs(data[i] ?? 0));
        }
      }
      const size = Math.round(rate / 10);
      const hann = Float32Array.from(
        { length: size },
        (_, i) => 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / (size - 1)),
      );
      const gain = hann.reduce((sum, w) => sum + w, 0);
      const level = (start: number, hz: number): number => {
        const coefficient = 2 * Math.cos((2 * Math.PI * hz) / rate);
        let previous = 0;
        let before = 0;
        for (let i = 0; i < size; i += 1) {
          const next = (samples[start + i] ?? 0) * (hann[i] ?? 0) + coefficient * previous - before;
          before = previous;
          previous = next;
        }
        const power = previous * previous + before * before - coefficient * previous * before;
        return 20 * Math.log10((2 * Math.sqrt(Math.max(power, 0))) / gain);
      };
      const windows = [];
      for (let start = 0; start + size <= samples.length; start += size) {
        windows.push({
          at: start / rate,
          levels: Object.fromEntries(tones.map((hz) => [String(hz), level(start, hz)])),
        });
      }
      return { durationSec: buffer.duration, peak, windows };
    },
    { base64: fileBytes.toString('base64'), tones: [...frequencies] },
  );
}

/** The loudest reading of `hz` over the windows from `fromSec` (to the end, or `toSec`). */
export function loudest(tones: RecordedTones, hz: number, fromSec = 0, toSec = Infinity): number {
  return Math.max(
    ...tones.windows
      .filter((window) => window.at >= fromSec && window.at < toSec)
      .map((window) => window.levels[String(hz)] ?? -Infinity),
  );
}

/** The median reading of `hz` over every window: what the file holds most of the time. */
export function typical(tones: RecordedTones, hz: number): number {
  const levels = tones.windows
    .map((window) => window.levels[String(hz)] ?? -Infinity)
    .sort((a, b) => a - b);
  return levels[Math.floor(levels.length / 2)] ?? -Infinity;
}

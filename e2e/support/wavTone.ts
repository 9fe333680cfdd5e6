/**
 * Reads the 16-bit PCM WAV files baresip writes (its sndfile module dumps each call's decoded
 * audio) and measures how loud given tones are in them: what a plain phone's user heard.
 *
 * The file is read while baresip still writes it, so the header's sizes are not trusted: the
 * samples are whatever follows the "data" chunk header now.
 */
import { readFileSync } from 'node:fs';

export interface WavAudio {
  readonly sampleRate: number;
  readonly channels: number;
  /** Interleaved samples as written. */
  readonly samples: Int16Array;
}

export function readWav(file: string): WavAudio {
  const bytes = readFileSync(file);
  if (bytes.toString('latin1', 0, 4) !== 'RIFF' || bytes.toString('latin1', 8, 12) !== 'WAVE') {
    throw new Error(`${file} is not a WAV file`);
  }
  let offset = 12;
  let sampleRate = 0;
  let channels = 0;
  while (offset + 8 <= bytes.length) {
    const id = bytes.toString('latin1', offset, offset + 4);
    const size = bytes.readUInt32LE(offset + 4);
    const body = offset + 8;
    if (id === 'fmt ') {
      const format = bytes.readUInt16LE(body);
      channels = bytes.readUInt16LE(body + 2);
      sampleRate = bytes.readUInt32LE(body + 4);
      const bits = bytes.readUInt16LE(body + 14);
      if (format !== 1 || bits !== 16) throw new Error(`${file}: not 16-bit PCM`);
    } else if (id === 'data') {
      const length = Math.floor((bytes.length - body) / 2) * 2;
      const copy = new Int16Array(length / 2);
      for (let i = 0; i < copy.length; i++) copy[i] = bytes.readInt16LE(body + 2 * i);
      return { sampleRate, channels, samples: copy };
    }
    offset = body + size + (size % 2);
  }
  throw new Error(`${file}: no data chunk`);
}

/** Mono samples (first channel) from sample frame `fromFrame` on. */
export function monoFrames(audio: WavAudio, fromFrame = 0): Float64Array {
  const frames = Math.floor(audio.samples.length / Math.max(1, audio.channels));
  const out = new Float64Array(Math.max(0, frames - fromFrame));
  for (let i = 0; i < out.length; i++) {
    out[i] = (audio.samples[(fromFrame + i) * audio.channels] ?? 0) / 32768;
  }
  return out;
}

/**
 * The level of one frequency in dBFS (a full-scale sine reads 0), by the Goertzel algorithm
 * over the whole window with a Hann taper, so a tone 300 Hz away does not leak in.
 */
export function toneLevelDb(samples: Float64Array, sampleRate: number, hz: number): number {
  const n = samples.length;
  if (n === 0) return -Infinity;
  const coefficient = 2 * Math.cos((2 * Math.PI * hz) / sampleRate);
  let previous = 0;
  let beforePrevious = 0;
  let windowSum = 0;
  for (let i = 0; i < n; i++) {
    const hann = 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / (n - 1 || 1));
    windowSum += hann;
    const current = (samples[i] ?? 0) * hann + coefficient * previous - beforePrevious;
    beforePrevious = previous;
    previous = current;
  }
  const power =
    previous * previous + beforePrevious * beforePrevious - coefficient * previous * beforePrevious;
  const amplitude = (2 * Math.sqrt(Math.max(0, power))) / windowSum;
  return amplitude > 0 ? 20 * Math.log10(amplitude) : -Infinity;
}

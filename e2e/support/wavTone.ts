/**
 * Reads the 16-bit PCM WAV recording of what a plain phone played out (parec on its PulseAudio
 * sink, see pulseSink.ts) and measures how loud given tones are in it: what its user heard.
 *
 * The file is read while it is still written, so the header's sizes are not trusted: the
 * samples are whatever follows the "data" chunk header now, and only the part a measurement
 * covers is read.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';

/** Where a 16-bit PCM WAV file's samples start, and what they are. */
export interface WavLayout {
  readonly sampleRate: number;
  readonly channels: number;
  /** Byte offset of the first sample (just past the "data" chunk header). */
  readonly dataOffset: number;
}

/** The header fits in the first bytes; parec writes "RIFF", "fmt " and "data" and no more. */
const HEADER_BYTES = 4096;

function readBytes(file: string, position: number, length: number): Buffer {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const read = readSync(fd, buffer, 0, length, position);
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

export function wavLayout(file: string): WavLayout {
  const bytes = readBytes(file, 0, HEADER_BYTES);
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
      return { sampleRate, channels: Math.max(1, channels), dataOffset: body };
    }
    offset = body + size + (size % 2);
  }
  throw new Error(`${file}: no data chunk in its first ${HEADER_BYTES} bytes`);
}

/** Whole sample frames written so far (the size on disk, not the header's stale count). */
export function wavFrames(file: string, layout: WavLayout): number {
  return Math.floor((statSync(file).size - layout.dataOffset) / (2 * layout.channels));
}

/** The first channel, from frame `fromFrame` to what is written now, scaled to -1..1. */
export function readMonoFrames(file: string, layout: WavLayout, fromFrame: number): Float64Array {
  const frameBytes = 2 * layout.channels;
  const start = layout.dataOffset + fromFrame * frameBytes;
  const frames = Math.max(0, wavFrames(file, layout) - fromFrame);
  const bytes = readBytes(file, start, frames * frameBytes);
  const out = new Float64Array(Math.floor(bytes.length / frameBytes));
  for (let i = 0; i < out.length; i++) out[i] = bytes.readInt16LE(i * frameBytes) / 32768;
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

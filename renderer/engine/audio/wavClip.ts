/**
 * Sounds the engine makes itself (ringtones, the test sound, the auto-accept beep), generated as
 * small 16-bit PCM WAV files: nothing bundled, so nothing to license, and each plays through an
 * <audio> element, the one kind of output Chromium can send to a chosen device (setSinkId).
 */

/** A stretch of sound: these frequencies summed for `ms`, or silence when `hz` is empty. */
export interface ToneSegment {
  readonly hz: readonly number[];
  readonly ms: number;
}

const SAMPLE_RATE = 16_000;
/** 5 ms ramps at each edge: a tone cut square clicks. */
const RAMP_SAMPLES = 80;

export function wavBlob(segments: readonly ToneSegment[], amplitude = 0.5): Blob {
  const total = segments.reduce((sum, part) => sum + Math.round((part.ms * SAMPLE_RATE) / 1000), 0);
  const buffer = new ArrayBuffer(44 + total * 2);
  const view = new DataView(buffer);
  writeHeader(view, total);
  let offset = 44;
  for (const part of segments) {
    const count = Math.round((part.ms * SAMPLE_RATE) / 1000);
    for (let i = 0; i < count; i += 1) {
      const edge = Math.min(1, i / RAMP_SAMPLES, (count - 1 - i) / RAMP_SAMPLES);
      let value = 0;
      for (const hz of part.hz) value += Math.sin((2 * Math.PI * hz * i) / SAMPLE_RATE);
      const sample = part.hz.length > 0 ? (value / part.hz.length) * amplitude * edge : 0;
      view.setInt16(offset, Math.round(sample * 0x7fff), true);
      offset += 2;
    }
  }
  return new Blob([buffer], { type: 'audio/wav' });
}

function writeHeader(view: DataView, samples: number): void {
  const ascii = (at: number, text: string) => {
    for (let i = 0; i < text.length; i += 1) view.setUint8(at + i, text.charCodeAt(i));
  };
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + samples * 2, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, 16, true); // fmt chunk size
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, SAMPLE_RATE, true);
  view.setUint32(28, SAMPLE_RATE * 2, true); // byte rate
  view.setUint16(32, 2, true); // block align
  view.setUint16(34, 16, true); // bits per sample
  ascii(36, 'data');
  view.setUint32(40, samples * 2, true);
}

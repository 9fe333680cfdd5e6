import { describe, expect, it } from 'vitest';
import type { EngineCommand } from '../../common/contract';
import { MicrophoneMeter } from './MicrophoneMeter';

function meter() {
  const sent: EngineCommand[] = [];
  const shown: number[] = [];
  const subject = new MicrophoneMeter({
    engine: { send: (command) => sent.push(command) },
    show: (level) => shown.push(level),
  });
  return { subject, sent, shown };
}

describe('MicrophoneMeter', () => {
  it('turns the engine meter on once when the screen asks twice, and off when it closes', () => {
    const { subject, sent } = meter();
    subject.watch(true);
    subject.watch(true);
    subject.watch(false);
    expect(sent).toEqual([
      { type: 'microphone-meter', on: true },
      { type: 'microphone-meter', on: false },
    ]);
  });

  it('passes levels to the UI only while the meter is on', () => {
    const { subject, shown } = meter();
    subject.handleEngineEvent({ type: 'microphone-level', level: 0.5 });
    subject.watch(true);
    subject.handleEngineEvent({ type: 'microphone-level', level: 0.25 });
    subject.stop();
    subject.handleEngineEvent({ type: 'microphone-level', level: 0.75 });
    expect(shown).toEqual([0.25]);
  });

  it('turns the meter on again in a new engine page only when it was on', () => {
    const { subject, sent } = meter();
    subject.handleEngineEvent({ type: 'ready' });
    expect(sent).toEqual([]);
    subject.watch(true);
    subject.handleEngineEvent({ type: 'ready' });
    expect(sent).toEqual([
      { type: 'microphone-meter', on: true },
      { type: 'microphone-meter', on: true },
    ]);
  });

  it('stops the engine meter when the CCP window goes, and says nothing when it was off', () => {
    const { subject, sent } = meter();
    subject.stop();
    expect(sent).toEqual([]);
    subject.watch(true);
    subject.stop();
    expect(subject.watching).toBe(false);
    expect(sent.at(-1)).toEqual({ type: 'microphone-meter', on: false });
  });
});

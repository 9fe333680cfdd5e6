import { beforeEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../FakeClock.testkit';
import { RecordingEngine } from '../desk.testkit';
import { ChatTyping, TYPING_REFRESH_MS } from './ChatTyping';

const TARGET = 'sip:+15550010@sms.example';
const OTHER = 'sip:+15550011@sms.example';

describe('the agent typing indication (RFC 3994)', () => {
  let engine: RecordingEngine;
  let clock: FakeClock;
  let typing: ChatTyping;
  const sent = () => engine.commands.map((command) => JSON.stringify(command));
  const active = (target: string, on: boolean) =>
    JSON.stringify({ type: 'chat-typing', target, active: on });

  beforeEach(() => {
    engine = new RecordingEngine();
    clock = new FakeClock();
    typing = new ChatTyping(engine, clock);
  });

  it('sends active on the first keystroke and nothing for the keystrokes before the refresh', () => {
    typing.typing(TARGET);
    clock.advance(TYPING_REFRESH_MS - 1);
    typing.typing(TARGET);
    expect(sent()).toEqual([active(TARGET, true)]);
  });

  it('repeats active exactly when the refresh interval has passed, then waits a full interval again', () => {
    typing.typing(TARGET);
    clock.advance(TYPING_REFRESH_MS);
    typing.typing(TARGET);
    expect(sent()).toEqual([active(TARGET, true), active(TARGET, true)]);
    clock.advance(TYPING_REFRESH_MS - 1);
    typing.typing(TARGET);
    expect(sent()).toHaveLength(2);
  });

  it('keeps each conversation on its own clock', () => {
    typing.typing(TARGET);
    typing.typing(OTHER);
    expect(sent()).toEqual([active(TARGET, true), active(OTHER, true)]);
  });

  it('sends idle once when the agent stops, and nothing when nothing was active', () => {
    typing.stop(TARGET);
    typing.typing(TARGET);
    typing.stop(TARGET);
    typing.stop(TARGET);
    expect(sent()).toEqual([active(TARGET, true), active(TARGET, false)]);
  });

  it('sends no idle after a message (the message ends composing) and is active again at the next keystroke', () => {
    typing.typing(TARGET);
    typing.sent(TARGET);
    typing.stop(TARGET);
    clock.advance(1);
    typing.typing(TARGET);
    expect(sent()).toEqual([active(TARGET, true), active(TARGET, true)]);
  });
});

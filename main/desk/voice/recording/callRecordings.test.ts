/** The agent's call recordings (D9) through the desk: intents, engine chunks, file, history. */
import { describe, expect, it } from 'vitest';
import type { DeskState, EngineCommand, VoiceContact } from '../../../../common/contract';
import { RecordingEngine, RecordingLogger, silent } from '../../desk.testkit';
import { FakeClock } from '../../FakeClock.testkit';
import { CUSTOMER, contactRecords, onCall } from '../inCall.testkit';
import { dialledCall, type VoiceDeskContact } from '../voiceContact';
import { CallRecordings } from './CallRecordings';
import { MemoryRecordingFiles } from './MemoryRecordingFiles.testkit';

const ALLOWED = { allowed: true, automatic: false };

function recordCommand(commands: EngineCommand[]) {
  const command = commands.find((c) => c.type === 'record');
  if (command?.type !== 'record') throw new Error('no record command sent');
  return command;
}

const base64 = (text: string) => Buffer.from(text).toString('base64');

async function recordedCall(recording = ALLOWED) {
  const files = new MemoryRecordingFiles();
  const logger = new RecordingLogger();
  const kit = await onCall({ recording, recordingFiles: files, logger });
  const voice = () => kit.contact() as VoiceContact;
  /** The snapshots the desk publishes to the UI from now on. */
  const watch = () => {
    const published: DeskState[] = [];
    kit.desk.subscribe((state) => published.push(state));
    return published;
  };
  return { ...kit, files, logger, voice, watch };
}

describe('call recording', () => {
  it('is refused when the profile does not allow it, and the Record option is not offered', async () => {
    const { desk, voice, mark } = await recordedCall({ allowed: false, automatic: false });
    const sent = mark();
    expect(desk.calls.record(CUSTOMER, true)).toEqual({ ok: false, reason: 'notPermitted' });
    expect(sent()).toEqual([]);
    expect(voice().recording).toBeUndefined();
    expect(desk.snapshot().contactOptions.recording).toBeUndefined();
  });

  it('starts on Record: the engine records the call, the contact shows it with the file', async () => {
    const { desk, voice, mark, files } = await recordedCall();
    expect(desk.snapshot().contactOptions.recording).toBe(true);
    const sent = mark();
    expect(desk.calls.record(CUSTOMER, true)).toEqual({ ok: true });
    expect(recordCommand(sent()).callIds).toEqual([CUSTOMER]);
    expect(voice().recording?.state).toBe('recording');
    expect(voice().recording?.file).toMatch(/^\/recordings\/.* \+15551230000 .*\.webm$/);
    expect(files.files.has(voice().recording!.file!)).toBe(true);
  });

  it('writes the chunks in order, saves the file on Stop and keeps its path in the history', async () => {
    const { desk, emit, voice, mark, files, ended, history } = await recordedCall();
    const sent = mark();
    desk.calls.record(CUSTOMER, true);
    const { recordingId } = recordCommand(sent());
    emit({ type: 'recording-chunk', recordingId, seq: 0, data: base64('webm-header ') });
    emit({ type: 'recording-chunk', recordingId, seq: 1, data: base64('opus-frames') });
    const stop = mark();
    expect(desk.calls.record(CUSTOMER, false)).toEqual({ ok: true });
    expect(stop()).toEqual([{ type: 'record-stop', recordingId }]);
    expect(voice().recording?.state).toBe('stopping');
    emit({ type: 'recording-ended', recordingId, chunks: 2 });
    const file = voice().recording!.file!;
    expect(voice().recording?.state).toBe('saved');
    expect(files.text(file)).toBe('webm-header opus-frames');
    expect(files.files.get(file)!.closed).toBe(true);
    ended(CUSTOMER);
    desk.contactIntents.clear(CUSTOMER);
    const [record] = contactRecords(history);
    expect(record?.channel === 'voice' && record.recordingFile).toBe(file);
  });

  it('refuses a second Record while one runs, and Stop when none does', async () => {
    const { desk } = await recordedCall();
    expect(desk.calls.record(CUSTOMER, false)).toEqual({ ok: false, reason: 'notRecording' });
    desk.calls.record(CUSTOMER, true);
    expect(desk.calls.record(CUSTOMER, true)).toEqual({ ok: false, reason: 'recordingActive' });
  });

  it('goes on through hold: holding the customer sends no stop', async () => {
    const { desk, emit, voice, mark } = await recordedCall();
    desk.calls.record(CUSTOMER, true);
    const sent = mark();
    desk.calls.hold(CUSTOMER, 'customer', true);
    emit({ type: 'hold', callId: CUSTOMER, held: true });
    desk.calls.hold(CUSTOMER, 'customer', false);
    emit({ type: 'hold', callId: CUSTOMER, held: false });
    expect(sent().map((c) => c.type)).toEqual(['hold', 'hold']);
    expect(voice().recording?.state).toBe('recording');
  });

  it('follows a consulted third party into the recording, as the agent hears them', async () => {
    const { desk, mark, consult } = await recordedCall();
    desk.calls.record(CUSTOMER, true);
    const sent = mark();
    const third = consult();
    expect(recordCommand(sent()).callIds).toEqual([CUSTOMER, third]);
  });

  it('stops when the call ends, and is saved once the engine sends the last chunk', async () => {
    const { desk, emit, voice, mark, ended } = await recordedCall();
    const sent = mark();
    desk.calls.record(CUSTOMER, true);
    const { recordingId } = recordCommand(sent());
    ended(CUSTOMER);
    expect(voice().state).toBe('acw');
    expect(voice().recording?.state).toBe('stopping');
    emit({ type: 'recording-ended', recordingId, chunks: 0 });
    expect(voice().recording?.state).toBe('saved');
  });

  it('records every call from the start when the profile says automatic', async () => {
    const { voice } = await recordedCall({ allowed: true, automatic: true });
    expect(voice().recording?.state).toBe('recording');
  });

  it('fails on a chunk out of order: stops the engine, tells the agent which file was kept', async () => {
    const { desk, emit, voice, mark } = await recordedCall();
    const sent = mark();
    desk.calls.record(CUSTOMER, true);
    const { recordingId } = recordCommand(sent());
    const after = mark();
    emit({ type: 'recording-chunk', recordingId, seq: 1, data: base64('late') });
    expect(after()).toEqual([{ type: 'record-stop', recordingId }]);
    expect(voice().recording?.state).toBe('failed');
    const file = voice().recording?.file;
    expect(file).toBeDefined();
    // The notice names the file kept, so the agent can find what was recorded.
    expect(desk.snapshot().notice).toMatchObject({ code: 'recordingFailed', values: { file } });
  });

  it('fails when the disk refuses a chunk', async () => {
    const { desk, emit, voice, mark, files } = await recordedCall();
    const sent = mark();
    desk.calls.record(CUSTOMER, true);
    const { recordingId } = recordCommand(sent());
    files.failAppend = true;
    emit({ type: 'recording-chunk', recordingId, seq: 0, data: base64('x') });
    expect(voice().recording?.state).toBe('failed');
  });

  it('fails when the engine reports fewer chunks than were written or an error', async () => {
    const { desk, emit, voice, mark } = await recordedCall();
    const sent = mark();
    desk.calls.record(CUSTOMER, true);
    const { recordingId } = recordCommand(sent());
    emit({ type: 'recording-ended', recordingId, chunks: 3 });
    expect(voice().recording?.state).toBe('failed');
  });

  it('ignores chunks and ends of a recording it does not know (a stale or forged id)', async () => {
    const { emit, voice, files, watch } = await recordedCall();
    const published = watch();
    emit({ type: 'recording-chunk', recordingId: 'nobody', seq: 0, data: base64('x') });
    emit({ type: 'recording-ended', recordingId: 'nobody', chunks: 1 });
    expect(voice().recording).toBeUndefined();
    expect(files.files.size).toBe(0);
    expect(published).toEqual([]);
  });
});

describe('call recording: refusals', () => {
  it('refuses Record once the call has ended (after-call work) and sends nothing', async () => {
    const { desk, voice, mark, ended, files } = await recordedCall();
    ended(CUSTOMER);
    expect(voice().state).toBe('acw');
    const sent = mark();
    expect(desk.calls.record(CUSTOMER, true)).toEqual({ ok: false, reason: 'notConnected' });
    expect(sent()).toEqual([]);
    expect(voice().recording).toBeUndefined();
    expect(files.files.size).toBe(0);
  });

  it('refuses Record when the recordings folder cannot take a new file, and logs why', async () => {
    const { desk, voice, mark, files, logger } = await recordedCall();
    files.failCreate = true;
    const sent = mark();
    expect(desk.calls.record(CUSTOMER, true)).toEqual({ ok: false, reason: 'notPermitted' });
    expect(sent()).toEqual([]);
    expect(voice().recording).toBeUndefined();
    expect(logger.named('recording: could not create the file')).toEqual([
      {
        level: 'warn',
        message: 'recording: could not create the file',
        data: { error: 'Error: EACCES: permission denied' },
      },
    ]);
  });
});

describe('call recording: what the desk publishes and logs', () => {
  it('logs each recording it starts with its contact and recording id', async () => {
    const { desk, mark, logger } = await recordedCall();
    const sent = mark();
    desk.calls.record(CUSTOMER, true);
    const { recordingId } = recordCommand(sent());
    expect(logger.named('recording started')).toEqual([
      { level: 'info', message: 'recording started', data: { contactId: CUSTOMER, recordingId } },
    ]);
  });

  it('publishes nothing per chunk written, then publishes the saved recording without a failure notice', async () => {
    const { desk, emit, mark, watch, logger } = await recordedCall();
    const sent = mark();
    desk.calls.record(CUSTOMER, true);
    const { recordingId } = recordCommand(sent());
    const published = watch();
    emit({ type: 'recording-chunk', recordingId, seq: 0, data: base64('webm') });
    expect(published).toEqual([]);
    emit({ type: 'recording-ended', recordingId, chunks: 1 });
    expect(published).toHaveLength(1);
    const contact = published[0]!.contacts[0] as VoiceContact;
    expect(contact.recording?.state).toBe('saved');
    expect(published[0]!.notice).toBeUndefined();
    expect(logger.named('recording ended incomplete')).toEqual([]);
  });

  it('fails when the engine reports an error, even with every chunk written, and logs the error', async () => {
    const { desk, emit, voice, mark, logger, watch } = await recordedCall();
    const sent = mark();
    desk.calls.record(CUSTOMER, true);
    const { recordingId } = recordCommand(sent());
    emit({ type: 'recording-chunk', recordingId, seq: 0, data: base64('webm') });
    const published = watch();
    emit({ type: 'recording-ended', recordingId, chunks: 1, error: 'encoder crashed' });
    expect(voice().recording?.state).toBe('failed');
    expect(published.at(-1)?.notice).toMatchObject({
      code: 'recordingFailed',
      values: { file: voice().recording!.file },
    });
    expect(logger.named('recording ended incomplete')).toEqual([
      {
        level: 'warn',
        message: 'recording ended incomplete',
        data: { recordingId, error: 'encoder crashed', chunks: 1, written: 1 },
      },
    ]);
  });

  it('logs how many chunks the engine sent and how many reached the file when they differ', async () => {
    const { desk, emit, mark, logger } = await recordedCall();
    const sent = mark();
    desk.calls.record(CUSTOMER, true);
    const { recordingId } = recordCommand(sent());
    emit({ type: 'recording-ended', recordingId, chunks: 3 });
    expect(logger.named('recording ended incomplete')).toEqual([
      {
        level: 'warn',
        message: 'recording ended incomplete',
        data: { recordingId, chunks: 3, written: 0 },
      },
    ]);
  });

  it('logs a chunk out of order with its sequence number', async () => {
    const { desk, emit, mark, logger } = await recordedCall();
    const sent = mark();
    desk.calls.record(CUSTOMER, true);
    const { recordingId } = recordCommand(sent());
    emit({ type: 'recording-chunk', recordingId, seq: 1, data: base64('late') });
    expect(logger.named('recording chunk out of order')).toEqual([
      {
        level: 'warn',
        message: 'recording chunk out of order',
        data: { recordingId, seq: 1 },
      },
    ]);
  });

  it('on a disk that refuses a chunk: stops the engine, tells the agent and logs the error', async () => {
    const { desk, emit, mark, files, logger, watch } = await recordedCall();
    const sent = mark();
    desk.calls.record(CUSTOMER, true);
    const { recordingId } = recordCommand(sent());
    files.failAppend = true;
    const after = mark();
    const published = watch();
    emit({ type: 'recording-chunk', recordingId, seq: 0, data: base64('x') });
    expect(after()).toEqual([{ type: 'record-stop', recordingId }]);
    expect(published.at(-1)?.notice?.code).toBe('recordingFailed');
    expect(logger.named('recording: could not write')).toEqual([
      {
        level: 'warn',
        message: 'recording: could not write',
        data: { recordingId, error: 'Error: ENOSPC: no space left on device' },
      },
    ]);
  });

  it('saves the recording even when closing the file fails, and logs the error', async () => {
    const { desk, emit, voice, mark, files, logger } = await recordedCall();
    const sent = mark();
    desk.calls.record(CUSTOMER, true);
    const { recordingId } = recordCommand(sent());
    files.failClose = true;
    emit({ type: 'recording-ended', recordingId, chunks: 0 });
    expect(voice().recording?.state).toBe('saved');
    expect(logger.named('recording: could not close the file')).toEqual([
      {
        level: 'warn',
        message: 'recording: could not close the file',
        data: { error: 'Error: EIO: i/o error' },
      },
    ]);
  });
});

describe('call recording: legs and calls', () => {
  it('does not restart a stopping recording when a consulted third party answers', async () => {
    const { desk, mark, consult, voice } = await recordedCall();
    desk.calls.record(CUSTOMER, true);
    desk.calls.record(CUSTOMER, false);
    const sent = mark();
    consult();
    expect(sent().filter((command) => command.type === 'record')).toEqual([]);
    expect(voice().recording?.state).toBe('stopping');
  });

  it("stops the next call's own recording, not an earlier one still finishing", async () => {
    const { desk, emit, mark, ended } = await recordedCall();
    const first = mark();
    desk.calls.record(CUSTOMER, true);
    const earlier = recordCommand(first()).recordingId;
    ended(CUSTOMER);
    expect(desk.contactIntents.clear(CUSTOMER)).toEqual({ ok: true });
    const next = 'next-call';
    emit({
      type: 'incoming',
      callId: next,
      from: { user: '+15559870000', uri: 'sip:+15559870000@x', displayName: 'Joe' },
      headers: {},
    });
    if (desk.snapshot().contacts[0]?.state === 'incoming') desk.contactIntents.accept(next);
    emit({ type: 'confirmed', callId: next });
    const sent = mark();
    expect(desk.calls.record(next, true)).toEqual({ ok: true });
    const { recordingId } = recordCommand(sent());
    expect(recordingId).not.toBe(earlier);
    const stop = mark();
    expect(desk.calls.record(next, false)).toEqual({ ok: true });
    expect(stop()).toEqual([{ type: 'record-stop', recordingId }]);
  });

  it('tells the agent of a recording that fails after its call was cleared', async () => {
    const { desk, emit, mark, ended, watch } = await recordedCall();
    const sent = mark();
    desk.calls.record(CUSTOMER, true);
    const { recordingId } = recordCommand(sent());
    ended(CUSTOMER);
    desk.contactIntents.clear(CUSTOMER);
    const published = watch();
    emit({ type: 'recording-ended', recordingId, chunks: 2 });
    expect(published).toHaveLength(1);
    expect(published[0]!.notice?.code).toBe('recordingFailed');
    expect(published[0]!.contacts).toEqual([]);
  });

  it('publishes nothing for a recording saved after its call was cleared', async () => {
    const { desk, emit, mark, ended, watch, files } = await recordedCall();
    const sent = mark();
    desk.calls.record(CUSTOMER, true);
    const { recordingId } = recordCommand(sent());
    ended(CUSTOMER);
    desk.contactIntents.clear(CUSTOMER);
    const published = watch();
    emit({ type: 'recording-ended', recordingId, chunks: 0 });
    expect(published).toEqual([]);
    expect(desk.snapshot().notice).toBeUndefined();
    expect([...files.files.values()].map((file) => file.closed)).toEqual([true]);
  });
});

/** What the desk cannot reach through its calls: a connected contact with no leg left. */
describe('CallRecordings with no live leg', () => {
  function recordingsOf(contact: VoiceDeskContact) {
    const engine = new RecordingEngine();
    const recordings = new CallRecordings(
      engine,
      new MemoryRecordingFiles(),
      new FakeClock(),
      silent,
      {
        settings: () => ALLOWED,
        contact: (id) => (id === contact.id ? contact : undefined),
        failed: () => undefined,
        changed: () => undefined,
      },
    );
    return { engine, recordings };
  }

  const connectedCall = (): VoiceDeskContact => ({
    ...dialledCall('call-1', { number: '+15551230000', displayName: 'Jane' }, 0),
    state: 'connected',
  });

  it('refuses Record with noLiveLeg and sends nothing', () => {
    const contact = { ...connectedCall(), customerLeft: true };
    const { engine, recordings } = recordingsOf(contact);
    expect(recordings.start(contact)).toEqual({ ok: false, reason: 'noLiveLeg' });
    expect(engine.commands).toEqual([]);
    expect(contact.recording).toBeUndefined();
  });

  it('sends no empty set of calls to record when the last leg leaves a running recording', () => {
    const contact = connectedCall();
    const { engine, recordings } = recordingsOf(contact);
    expect(recordings.start(contact)).toEqual({ ok: true });
    const before = engine.commands.length;
    contact.customerLeft = true;
    recordings.legsChanged(contact);
    expect(engine.since(before)).toEqual([]);
  });
});

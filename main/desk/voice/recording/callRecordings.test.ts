/** The agent's call recordings (D9) through the desk: intents, engine chunks, file, history. */
import { describe, expect, it } from 'vitest';
import type { EngineCommand, VoiceContact } from '../../../../common/contract';
import { CUSTOMER, contactRecords, onCall } from '../inCall.testkit';
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
  const kit = await onCall({ recording, recordingFiles: files });
  const voice = () => kit.contact() as VoiceContact;
  return { ...kit, files, voice };
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
    desk.clear(CUSTOMER);
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

  it('ignores chunks of a recording it does not know (a stale or forged id)', async () => {
    const { emit, voice, files } = await recordedCall();
    emit({ type: 'recording-chunk', recordingId: 'nobody', seq: 0, data: base64('x') });
    expect(voice().recording).toBeUndefined();
    expect(files.files.size).toBe(0);
  });
});

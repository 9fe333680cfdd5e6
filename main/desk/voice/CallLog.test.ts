/** The call lifecycle in the main log: what support and the e2e tests grep for. */
import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../../common/contract';
import type { AgentDeskOptions } from '../deskSettings';
import { CALL_LOG_MESSAGES as LOG } from './CallLog';
import { availableDesk, RecordingLogger, REQUEST } from '../desk.testkit';

const NO_BUNDLE = 'InvalidAccessError: Failed to set remote answer sdp: no BUNDLE group';

async function loggedDesk(options: Partial<AgentDeskOptions> = {}) {
  const log = new RecordingLogger();
  const kit = await availableDesk({ logger: log, ...options });
  const emit = (event: EngineEvent) => kit.desk.handleEngineEvent(event);
  const offer = (callId = 'in-1', headers: Record<string, string> = {}) =>
    emit({
      type: 'incoming',
      callId,
      from: { user: '+15551230000', uri: 'sip:+15551230000@pbx.example.com', displayName: 'Jane' },
      headers,
    });
  const dialled = (): string => (kit.engine.last() as { callId: string }).callId;
  return { ...kit, log, emit, offer, dialled };
}

describe('the main log of an inbound call', () => {
  it('has the offer with the caller and queue, the answer, the confirmation and the end', async () => {
    const { desk, log, emit, offer } = await loggedDesk();
    offer('in-1', { 'x-queue-name': 'Sales' });
    desk.contactIntents.accept('in-1');
    emit({ type: 'confirmed', callId: 'in-1' });
    emit({
      type: 'ended',
      callId: 'in-1',
      originator: 'remote',
      cause: 'Terminated',
      failed: false,
    });

    const lifecycle = log
      .entries()
      .filter((entry) => (Object.values(LOG) as string[]).includes(entry.message));
    expect(lifecycle).toEqual([
      {
        level: 'info',
        message: 'call offered',
        data: { callId: 'in-1', from: '+15551230000', displayName: 'Jane', queue: 'Sales' },
      },
      { level: 'info', message: 'call answered', data: { callId: 'in-1', auto: false } },
      { level: 'info', message: 'call confirmed', data: { callId: 'in-1', leg: 'customer' } },
      {
        level: 'info',
        message: 'call ended',
        data: {
          callId: 'in-1',
          leg: 'customer',
          originator: 'remote',
          failed: false,
          cause: 'Terminated',
        },
      },
    ]);
  });

  it('marks a queued callback on the offer', async () => {
    const { log, offer } = await loggedDesk();
    offer('cb-1', { 'x-callback': '1' });
    expect(log.named(LOG.offered)[0]?.data).toMatchObject({ callId: 'cb-1', callback: true });
  });

  it('says an answer was sent by auto-accept', async () => {
    const { log, offer } = await loggedDesk({ autoAccept: { voice: true, beep: false } });
    offer('auto-1');
    expect(log.named(LOG.answered)).toEqual([
      { level: 'info', message: 'call answered', data: { callId: 'auto-1', auto: true } },
    ]);
  });

  it('logs a reject by the agent (486) and an offer that rang out (480)', async () => {
    const { desk, log, offer, clock } = await loggedDesk();
    offer('in-1');
    desk.contactIntents.reject('in-1');
    offer('in-2');
    clock.advance(20_000);
    expect(log.named(LOG.rejected).map((entry) => entry.data)).toEqual([
      { callId: 'in-1', status: 486, by: 'agent' },
      { callId: 'in-2', status: 480, by: 'ringTimeout' },
    ]);
  });

  it('warns with the cause, media error and code when the answer fails on media', async () => {
    const { desk, log, emit, offer } = await loggedDesk();
    offer('in-1');
    desk.contactIntents.accept('in-1');
    emit({
      type: 'ended',
      callId: 'in-1',
      originator: 'system',
      cause: 'WebRTC Error',
      failed: true,
      mediaError: NO_BUNDLE,
    });
    expect(log.named(LOG.ended)).toEqual([
      {
        level: 'warn',
        message: 'call ended',
        data: {
          callId: 'in-1',
          leg: 'customer',
          originator: 'system',
          failed: true,
          cause: 'WebRTC Error',
          mediaError: NO_BUNDLE,
          endCode: 'mediaFailed',
        },
      },
    ]);
  });
});

describe('the main log of an outbound call', () => {
  it('has the dial with its target and the failure with its SIP status and code', async () => {
    const { desk, log, emit, dialled } = await loggedDesk();
    desk.dial('+1 734 555 0100');
    const id = dialled();
    emit({
      type: 'ended',
      callId: id,
      originator: 'remote',
      cause: 'Busy',
      failed: true,
      statusCode: 486,
    });
    expect(log.named(LOG.dialed)).toEqual([
      {
        level: 'info',
        message: 'call dialed',
        data: { callId: id, leg: 'customer', target: '+17345550100' },
      },
    ]);
    expect(log.named(LOG.ended)).toEqual([
      {
        level: 'warn',
        message: 'call ended',
        data: {
          callId: id,
          leg: 'customer',
          originator: 'remote',
          failed: true,
          statusCode: 486,
          cause: 'Busy',
          endCode: 'busy',
        },
      },
    ]);
  });
});

describe('the main log of an offer rung on the desk phone (B3)', () => {
  const DESK_NUMBER = '+442071838750';
  async function deskPhoneDesk() {
    const kit = await loggedDesk();
    kit.desk.setDeskPhone({ allowed: true, mode: 'deskPhone', number: DESK_NUMBER, locked: false });
    kit.offer('in-1');
    const deskLeg = kit.engine.commands.find(
      (command) => command.type === 'call' && command.target === DESK_NUMBER,
    );
    if (deskLeg?.type !== 'call') throw new Error('the desk phone was not called');
    return { ...kit, deskLeg: deskLeg.callId };
  }

  it('says the desk phone answering was the agent answering, not auto-accept', async () => {
    const { log, emit, deskLeg } = await deskPhoneDesk();
    emit({ type: 'confirmed', callId: deskLeg });
    expect(log.named(LOG.answered)).toEqual([
      { level: 'info', message: 'call answered', data: { callId: 'in-1', auto: false } },
    ]);
  });

  it('logs an offer the desk phone refused as rung out (480), not rejected by the agent', async () => {
    const { log, emit, deskLeg } = await deskPhoneDesk();
    emit({
      type: 'ended',
      callId: deskLeg,
      originator: 'remote',
      cause: 'Busy',
      failed: true,
      statusCode: 486,
    });
    expect(log.named(LOG.rejected).map((entry) => entry.data)).toEqual([
      { callId: 'in-1', status: 480, by: 'ringTimeout' },
    ]);
  });
});

describe('the main log of a third-party leg', () => {
  it('has its dial, confirmation and end under its own callId', async () => {
    const { desk, log, emit, offer } = await loggedDesk();
    offer('in-1');
    desk.contactIntents.accept('in-1');
    emit({ type: 'confirmed', callId: 'in-1' });
    expect(desk.calls.consult('in-1', { via: 'number', number: '+442071838750' })).toEqual({
      ok: true,
    });
    const third = desk.snapshot().contacts[0]!.thirdParty!.callId;
    emit({ type: 'confirmed', callId: third });
    emit({
      type: 'ended',
      callId: third,
      originator: 'remote',
      cause: 'Terminated',
      failed: false,
    });

    expect(log.named(LOG.dialed)).toEqual([
      {
        level: 'info',
        message: 'call dialed',
        data: { callId: third, leg: 'thirdParty', target: '+442071838750' },
      },
    ]);
    expect(log.named(LOG.confirmed).map((entry) => entry.data)).toEqual([
      { callId: 'in-1', leg: 'customer' },
      { callId: third, leg: 'thirdParty' },
    ]);
    expect(log.named(LOG.ended).map((entry) => entry.data)).toEqual([
      {
        callId: third,
        leg: 'thirdParty',
        originator: 'remote',
        failed: false,
        cause: 'Terminated',
      },
    ]);
  });

  it('logs the end of a leg the agent hung up, without a leg it no longer tracks', async () => {
    const { desk, log, emit, offer } = await loggedDesk();
    offer('in-1');
    desk.contactIntents.accept('in-1');
    emit({ type: 'confirmed', callId: 'in-1' });
    desk.calls.consult('in-1', { via: 'number', number: '+442071838750' });
    const third = desk.snapshot().contacts[0]!.thirdParty!.callId;
    desk.calls.endLeg('in-1', 'thirdParty');
    emit({ type: 'ended', callId: third, originator: 'local', cause: 'Canceled', failed: true });
    expect(log.named(LOG.ended).map((entry) => entry.data)).toEqual([
      { callId: third, originator: 'local', failed: true, cause: 'Canceled' },
    ]);
  });
});

describe('what the main log never holds', () => {
  it('has no password and no DTMF digit, sent or received', async () => {
    const { desk, log, emit, offer } = await loggedDesk();
    offer('in-1');
    desk.contactIntents.accept('in-1');
    emit({ type: 'confirmed', callId: 'in-1' });
    expect(desk.calls.sendDtmf('in-1', '#*#*9')).toEqual({ ok: true });
    emit({ type: 'dtmf', callId: 'in-1', tone: '9', originator: 'remote', via: 'info' });
    emit({
      type: 'ended',
      callId: 'in-1',
      originator: 'remote',
      cause: 'Terminated',
      failed: false,
    });

    expect(log.named(LOG.ended)).toHaveLength(1);
    const everything = log.text.join('\n');
    expect(everything).not.toContain(REQUEST.password);
    expect(everything).not.toContain('#*#*');
    for (const entry of log.entries()) {
      expect(Object.keys(entry.data ?? {})).not.toContain('digits');
      expect(Object.keys(entry.data ?? {})).not.toContain('tone');
    }
  });
});

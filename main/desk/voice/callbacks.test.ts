/** Queued callbacks and queue names through AgentDesk (D1, D7). */
import { describe, expect, it } from 'vitest';
import { contactRecords, CUSTOMER, onCall } from './inCall.testkit';

describe('callbacks and queues', () => {
  it('reads queue and callback from the profile header names; forwards them to the engine', async () => {
    const options = { sipHeaders: { queueName: 'P-Queue', callback: 'P-Callback-Flag' } };
    const { contact, engine } = await onCall(options, {
      'p-queue': ' Premium support ',
      'p-callback-flag': 'true',
      'x-queue-name': 'ignored',
    });
    expect(contact()).toMatchObject({ queue: 'Premium support', callback: true });
    const connect = engine.commands.find((command) => command.type === 'connect');
    expect(connect).toMatchObject({
      account: {
        forwardedHeaders: ['p-queue', 'p-callback-flag', 'x-conversation-id', 'x-chat-role'],
      },
    });
  });

  it('does not flag a contact whose callback header says no', async () => {
    const { contact } = await onCall({}, { 'x-queue-name': 'Sales', 'x-callback': '0' });
    expect(contact()).toMatchObject({ queue: 'Sales' });
    expect(contact().callback).toBeUndefined();
  });

  it('ends a callback with a voicemail and keeps that in the history', async () => {
    const { desk, contact, history } = await onCall(
      {},
      { 'x-callback': '1', 'x-queue-name': 'CB' },
    );
    expect(desk.contactIntents.end(CUSTOMER, { voicemail: true })).toEqual({ ok: true });
    expect(contact()).toMatchObject({ state: 'acw', voicemail: true, callback: true });
    desk.contactIntents.clear(CUSTOMER);
    expect(contactRecords(history)[0]).toMatchObject({
      callback: true,
      voicemail: true,
      queue: 'CB',
    });
  });
});

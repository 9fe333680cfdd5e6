/** Which OS notifications are up as offers ring, end and ring out. */
import { describe, expect, it } from 'vitest';
import type { ChatContact } from '../../common/contract';
import { deskState, TEST_NOW, voiceContact } from './deskState.testkit';
import { desktopWords } from './desktopText';
import { NotificationPlanner } from './NotificationPlanner';

const away = { ccpFocused: false, now: TEST_NOW };
const looking = { ccpFocused: true, now: TEST_NOW };

describe('NotificationPlanner', () => {
  it('an offer while the CCP is not in front: one notification with Accept and Reject, caller, queue and time left', () => {
    const planner = new NotificationPlanner();
    const ops = planner.plan(deskState({ contacts: [voiceContact()] }), {
      ccpFocused: false,
      now: TEST_NOW + 5_000,
    });
    expect(ops.close).toEqual([]);
    expect(ops.show).toHaveLength(1);
    const [offer] = ops.show;
    expect(offer).toMatchObject({
      id: 'offer:c1',
      kind: 'offer',
      actions: ['accept', 'reject'],
      sticky: true,
    });
    expect(offer && desktopWords(offer.title, 'en')).toBe('Incoming call');
    expect(offer?.body.map((line) => desktopWords(line, 'en'))).toEqual([
      'From Ada Customer',
      'Queue: Sales',
      'Answer within 15 seconds',
    ]);
  });

  it('is shown once while it rings, and closed as soon as the offer is no longer ringing', () => {
    const planner = new NotificationPlanner();
    planner.plan(deskState({ contacts: [voiceContact()] }), away);
    expect(planner.plan(deskState({ contacts: [voiceContact()] }), away)).toEqual({
      show: [],
      close: [],
    });
    const accepted = planner.plan(
      deskState({ contacts: [voiceContact({ state: 'accepting' })] }),
      away,
    );
    expect(accepted).toEqual({ show: [], close: ['offer:c1'] });
  });

  it('is closed when the offer is withdrawn (the contact disappears)', () => {
    const planner = new NotificationPlanner();
    planner.plan(deskState({ contacts: [voiceContact()] }), away);
    expect(planner.plan(deskState(), away).close).toEqual(['offer:c1']);
  });

  it('no toast over the banner while the agent is looking at the CCP; one appears if they look away', () => {
    const planner = new NotificationPlanner();
    expect(planner.plan(deskState({ contacts: [voiceContact()] }), looking).show).toEqual([]);
    expect(
      planner.plan(deskState({ contacts: [voiceContact()] }), away).show.map((n) => n.id),
    ).toEqual(['offer:c1']);
  });

  it('a rung-out offer closes its offer notification and says missed, once', () => {
    const planner = new NotificationPlanner();
    planner.plan(deskState({ contacts: [voiceContact()] }), away);
    const missed = planner.plan(deskState({ contacts: [voiceContact({ state: 'missed' })] }), away);
    expect(missed.close).toEqual(['offer:c1']);
    expect(missed.show).toMatchObject([
      { id: 'missed:c1', kind: 'missed', actions: [], sticky: false },
    ]);
    expect(missed.show[0] && desktopWords(missed.show[0].title, 'it')).toBe('Chiamata persa');
    expect(
      planner.plan(deskState({ contacts: [voiceContact({ state: 'missed' })] }), away).show,
    ).toEqual([]);
  });

  it('a callback offer says Callback incoming', () => {
    const planner = new NotificationPlanner();
    const ops = planner.plan(deskState({ contacts: [voiceContact({ callback: true })] }), away);
    expect(ops.show[0] && desktopWords(ops.show[0].title, 'en')).toBe('Callback incoming');
  });

  it('two offers at once get a notification each', () => {
    const planner = new NotificationPlanner();
    const ops = planner.plan(
      deskState({ contacts: [voiceContact(), voiceContact({ id: 'c2', queue: undefined })] }),
      away,
    );
    expect(ops.show.map((n) => n.id)).toEqual(['offer:c1', 'offer:c2']);
    expect(ops.show[1]?.body.map((line) => desktopWords(line, 'en'))).toEqual([
      'From Ada Customer',
      'Answer within 20 seconds',
    ]);
  });

  it('reads a notification id back to its contact, and nothing from a foreign id', () => {
    expect(NotificationPlanner.contactOf('offer:c-9')).toEqual({ kind: 'offer', contactId: 'c-9' });
    expect(NotificationPlanner.contactOf('missed:x')).toEqual({ kind: 'missed', contactId: 'x' });
    expect(NotificationPlanner.contactOf('inTray')).toBeUndefined();
  });
});

describe('NotificationPlanner with chats', () => {
  const chat = (state: ChatContact['state']): ChatContact => ({
    id: 'chat-1',
    channel: 'chat',
    direction: 'inbound',
    state,
    peer: { number: 'alice', displayName: 'Alice' },
    createdAt: TEST_NOW,
    stateSince: TEST_NOW,
    ringDeadline: TEST_NOW + 20_000,
    details: { notes: '' },
    conversationId: 'sip:alice@example.com',
    transcript: [],
    unread: 1,
  });

  it('offers a chat with Accept and Reject under its own title, and closes it when accepted', () => {
    const planner = new NotificationPlanner();
    const moment = { ccpFocused: false, now: TEST_NOW };
    const shown = planner.plan(deskState({ chats: [chat('incoming')] }), moment).show;
    expect(shown).toMatchObject([
      { id: 'offer:chat-1', kind: 'offer', actions: ['accept', 'reject'], sticky: true },
    ]);
    expect(desktopWords(shown[0]!.title, 'en')).toBe('Incoming chat');
    expect(planner.plan(deskState({ chats: [chat('connected')] }), moment).close).toEqual([
      'offer:chat-1',
    ]);
  });

  it('says a missed chat once', () => {
    const planner = new NotificationPlanner();
    const moment = { ccpFocused: false, now: TEST_NOW };
    const missed = deskState({ chats: [chat('missed')] });
    expect(planner.plan(missed, moment).show.map((n) => n.id)).toEqual(['missed:chat-1']);
    expect(planner.plan(missed, moment).show).toEqual([]);
  });
});

/** The tray's icon, tooltip and menu for each moment of the agent's day. */
import { describe, expect, it } from 'vitest';
import type { ChatContact } from '../../common/contract';
import { deskState, TEST_NOW, voiceContact } from './deskState.testkit';
import { desktopWords } from './desktopText';
import { trayView, type TrayMenuEntry } from './trayView';

const ids = (menu: TrayMenuEntry[]) =>
  menu.map((entry) => (entry.kind === 'item' ? entry.id : '-'));

describe('trayView', () => {
  it('signed out: signed-out icon, no statuses, only Show CCP, Show mini window and Quit', () => {
    const view = trayView(
      deskState({ session: { phase: 'signedOut' }, registration: 'unregistered' }),
    );
    expect(view.icon).toBe('signedOut');
    expect(desktopWords(view.tooltip, 'en')).toBe('OpenCCP: signed out');
    expect(ids(view.menu)).toEqual(['showCcp', 'showWidget', '-', 'quit']);
  });

  it('Available: icon and tooltip name the status, the current status is checked', () => {
    const view = trayView(deskState());
    expect(view.icon).toBe('available');
    expect(desktopWords(view.tooltip, 'en')).toBe('OpenCCP: Available');
    expect(desktopWords(view.tooltip, 'ja')).toBe('OpenCCP：対応可能');
    const checked = view.menu.filter((entry) => entry.kind === 'item' && entry.checked);
    expect(checked.map((entry) => entry.kind === 'item' && entry.id)).toEqual(['status:available']);
    expect(ids(view.menu)).toEqual([
      'status:available',
      'status:break',
      'status:coaching',
      'status:offline',
      '-',
      'showCcp',
      'showWidget',
      '-',
      'quit',
    ]);
  });

  it('a custom status shows as away, named as the profile names it in the language', () => {
    const view = trayView(deskState({ agent: { ...deskState().agent, statusId: 'coaching' } }));
    expect(view.icon).toBe('away');
    expect(desktopWords(view.tooltip, 'it')).toBe('OpenCCP: Affiancamento');
    expect(desktopWords(view.tooltip, 'en')).toBe('OpenCCP: Coaching');
  });

  it('Offline shows the offline icon, not a lost connection (nothing should be registered)', () => {
    const state = deskState({ registration: 'unregistered' });
    const view = trayView({ ...state, agent: { ...state.agent, statusId: 'offline' } });
    expect(view.icon).toBe('offline');
  });

  it('a lost line while Available is visible at a glance: disconnected icon and tooltip', () => {
    for (const registration of ['unregistered', 'failed'] as const) {
      const view = trayView(deskState({ registration }));
      expect(view.icon).toBe('disconnected');
      expect(desktopWords(view.tooltip, 'en')).toMatch(/connection lost/);
    }
  });

  it('an offer rings: Accept and Reject name the caller and come first, the icon rings', () => {
    const view = trayView(deskState({ contacts: [voiceContact()] }));
    expect(view.icon).toBe('ringing');
    expect(desktopWords(view.tooltip, 'en')).toBe('OpenCCP: incoming call from Ada Customer');
    expect(ids(view.menu).slice(0, 3)).toEqual(['accept:c1', 'reject:c1', '-']);
    const accept = view.menu[0];
    expect(accept?.kind === 'item' && accept.action).toEqual({ kind: 'accept', contactId: 'c1' });
    expect(accept?.kind === 'item' && desktopWords(accept.label, 'en')).toBe(
      'Accept call from Ada Customer',
    );
  });

  it('a caller without a name is shown by number', () => {
    const contact = voiceContact({ peer: { number: '+15550001111', displayName: ' ' } });
    const view = trayView(deskState({ contacts: [contact] }));
    expect(desktopWords(view.tooltip, 'en')).toBe('OpenCCP: incoming call from +15550001111');
  });

  it('on a call: End and Mute, then Unmute once muted; no Accept', () => {
    const connected = voiceContact({ state: 'connected' });
    const view = trayView(deskState({ contacts: [connected] }));
    expect(view.icon).toBe('onContact');
    expect(ids(view.menu).slice(0, 3)).toEqual(['end:c1', 'mute:c1', '-']);
    const mute = view.menu[1];
    expect(mute?.kind === 'item' && mute.action).toEqual({
      kind: 'mute',
      contactId: 'c1',
      muted: true,
    });
    const muted = trayView(deskState({ contacts: [{ ...connected, muted: true }] })).menu[1];
    expect(muted?.kind === 'item' && muted.action).toMatchObject({ muted: false });
    expect(muted?.kind === 'item' && desktopWords(muted.label, 'en')).toBe('Unmute');
  });

  it('a dialing call can be ended but not muted yet', () => {
    const view = trayView(deskState({ contacts: [voiceContact({ state: 'dialing' })] }));
    expect(ids(view.menu).slice(0, 2)).toEqual(['end:c1', '-']);
  });

  it('counts the missed contacts not yet cleared; a missed offer alone does not ring', () => {
    const contacts = [
      voiceContact({ id: 'm1', state: 'missed' }),
      voiceContact({ id: 'm2', state: 'missed' }),
    ];
    const view = trayView(deskState({ contacts }));
    expect(view.missed).toBe(2);
    expect(view.icon).toBe('available');
  });

  it('ACW keeps the on-contact icon with no call controls', () => {
    const view = trayView(deskState({ contacts: [voiceContact({ state: 'acw' })] }));
    expect(view.icon).toBe('onContact');
    expect(ids(view.menu)[0]).toBe('status:available');
  });
});

describe('trayView with chats', () => {
  const chat = (state: ChatContact['state']): ChatContact => ({
    id: 'chat-1',
    channel: 'chat',
    direction: 'inbound',
    state,
    peer: { number: 'alice', displayName: 'Alice' },
    createdAt: TEST_NOW,
    stateSince: TEST_NOW,
    details: { notes: '' },
    conversationId: 'sip:alice@example.com',
    transcript: [],
    unread: 0,
  });

  it('a chat offer rings the tray with Accept and Reject; a live chat has End and no Mute', () => {
    const ringing = trayView(deskState({ chats: [chat('incoming')] }));
    expect(ringing.icon).toBe('ringing');
    expect(ids(ringing.menu).slice(0, 2)).toEqual(['accept:chat-1', 'reject:chat-1']);
    const live = trayView(deskState({ chats: [chat('connected')] }));
    expect(live.icon).toBe('onContact');
    expect(ids(live.menu)[0]).toBe('end:chat-1');
    expect(ids(live.menu)).not.toContain('mute:chat-1');
  });

  it('counts a missed chat with the missed calls', () => {
    const view = trayView(
      deskState({ contacts: [voiceContact({ state: 'missed' })], chats: [chat('missed')] }),
    );
    expect(view.missed).toBe(2);
  });
});

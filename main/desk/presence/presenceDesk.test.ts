/** Presence at the desk (D5), through AgentDesk: what the engine is told, what the UI sees. */
import { describe, expect, it } from 'vitest';
import { AVAILABLE, OFFLINE, type EngineCommand } from '../../../common/contract';
import { availableDesk } from '../desk.testkit';
import { presencePublication } from './presencePublication';

const QUICK_CONNECTS = [
  { id: 'bob', kind: 'agent' as const, name: 'Bob', target: 'sip:bob@x' },
  { id: 'bob2', kind: 'agent' as const, name: 'Bob again', target: 'sip:bob@x' },
  { id: 'sales', kind: 'queue' as const, name: 'Sales', target: 'sip:sales@x' },
  { id: 'it', kind: 'external' as const, name: 'IT desk', target: '+442079460000' },
];

function publications(commands: EngineCommand[]) {
  return commands.flatMap((c) => (c.type === 'presence-publish' ? [c.publication] : []));
}

async function onCall() {
  const made = await availableDesk({ quickConnects: QUICK_CONNECTS });
  const { desk } = made;
  desk.handleEngineEvent({
    type: 'incoming',
    callId: 'c',
    from: { user: 'u', uri: 'sip:u@x', displayName: '' },
    headers: {},
  });
  desk.contactIntents.accept('c');
  desk.handleEngineEvent({ type: 'confirmed', callId: 'c' });
  return made;
}

describe('presencePublication', () => {
  const statuses = [
    { id: AVAILABLE, label: 'Available', kind: 'available' as const },
    { id: OFFLINE, label: 'Offline', kind: 'offline' as const },
    { id: 'break', label: 'Break', kind: 'custom' as const },
  ];

  it('is open only while Available, away on a custom status, closed when Offline', () => {
    expect(presencePublication(true, { statusId: AVAILABLE, statuses })).toEqual({
      basic: 'open',
      note: 'Available',
      away: false,
    });
    expect(presencePublication(true, { statusId: 'break', statuses })).toEqual({
      basic: 'closed',
      note: 'Break',
      away: true,
    });
    expect(presencePublication(true, { statusId: OFFLINE, statuses })).toEqual({
      basic: 'closed',
      note: 'Offline',
      away: false,
    });
  });

  it('publishes nothing when signed out', () => {
    expect(presencePublication(false, { statusId: AVAILABLE, statuses })).toBeNull();
  });
});

describe('AgentDesk presence', () => {
  it("watches each agent quick connect's target once, never queues or numbers", async () => {
    const { engine } = await availableDesk({ quickConnects: QUICK_CONNECTS });
    const watches = engine.presence.filter((c) => c.type === 'presence-watch');
    expect(watches).toEqual([{ type: 'presence-watch', targets: ['sip:bob@x'] }]);
  });

  it('publishes the status when it changes, and withdraws it on sign-out', async () => {
    const { engine, desk } = await availableDesk({ quickConnects: QUICK_CONNECTS });
    expect(publications(engine.presence).at(-1)).toEqual({
      basic: 'open',
      note: 'Available',
      away: false,
    });
    const before = engine.presence.length;
    desk.setStatus('break');
    desk.setStatus('break');
    expect(publications(engine.presence.slice(before))).toEqual([
      { basic: 'closed', note: 'Break', away: true },
    ]);
    desk.signOut();
    const sent = engine.presence.slice(before);
    // Withdrawn outright: watchers see offline once the server holds no document.
    expect(publications(sent).slice(-2)).toEqual([
      { basic: 'closed', note: 'Break', away: true },
      null,
    ]);
    // Withdrawn before the engine is told to disconnect, which would take the connection.
    const withdrawn = engine.presence.at(-1);
    expect(withdrawn).toEqual({ type: 'presence-publish', publication: null });
    expect(engine.last()).toEqual({ type: 'disconnect' });
  });

  it("shows each shown agent quick connect's presence by id, unknown until reported", async () => {
    const { desk } = await onCall();
    expect(desk.snapshot().quickConnectPresence).toEqual({
      bob: { state: 'unknown' },
      bob2: { state: 'unknown' },
    });
    desk.handleEngineEvent({ type: 'presence', target: 'sip:bob@x', state: 'away', note: 'Lunch' });
    expect(desk.snapshot().quickConnectPresence?.bob).toEqual({ state: 'away', note: 'Lunch' });
    expect(desk.snapshot().quickConnectPresence?.bob2).toEqual({ state: 'away', note: 'Lunch' });
  });

  it('changes the snapshot only when a report says something new', async () => {
    const { desk } = await onCall();
    desk.handleEngineEvent({ type: 'presence', target: 'sip:bob@x', state: 'available' });
    const revision = desk.snapshot().revision;
    desk.handleEngineEvent({ type: 'presence', target: 'sip:bob@x', state: 'available' });
    expect(desk.snapshot().revision).toBe(revision);
  });

  it('tells a reloaded engine page everything again and forgets what the old one saw', async () => {
    const { engine, desk } = await onCall();
    desk.handleEngineEvent({ type: 'presence', target: 'sip:bob@x', state: 'available' });
    desk.handleEngineEvent({ type: 'ready' }); // the page's first load
    const before = engine.presence.length;
    desk.handleEngineEvent({ type: 'ready' }); // and a reload
    expect(engine.presence.slice(before).map((c) => c.type)).toEqual([
      'presence-watch',
      'presence-publish',
    ]);
  });

  it('tells a lost engine page nothing, and the page that replaces it the status chosen meanwhile', async () => {
    const { engine, desk } = await availableDesk({ quickConnects: QUICK_CONNECTS });
    desk.handleEngineEvent({ type: 'ready' }); // the page's first load
    desk.engineLost('notResponding');
    const before = engine.presence.length;
    desk.setStatus('break');
    expect(engine.presence.slice(before)).toEqual([]);
    desk.handleEngineEvent({ type: 'ready' });
    expect(publications(engine.presence.slice(before))).toEqual([
      { basic: 'closed', note: 'Break', away: true },
    ]);
  });

  it('shows no presence where no agent quick connect is shown (no call: external ones only)', async () => {
    const { desk } = await availableDesk({ quickConnects: QUICK_CONNECTS });
    expect(desk.snapshot().quickConnectPresence).toBeUndefined();
  });
});

/**
 * What AgentDesk's snapshot carries besides its own decisions: the reports of the parts of main
 * around it (recordings folder, desktop preferences, headset), the profile in force, and a
 * dial link's number, each with one snapshot to the listeners.
 */
import { describe, expect, it } from 'vitest';
import type { DeskState } from '../../common/contract';
import { DEFAULT_SHORTCUTS } from '../desktop/shortcutMap';
import { availableDesk, newDesk } from './desk.testkit';

const DESKTOP: NonNullable<DeskState['desktop']> = {
  shortcuts: DEFAULT_SHORTCUTS,
  shortcutProblems: [],
  startAtLogin: true,
  widgetAlwaysOnTop: false,
};
const FOLDER = { folder: 'C:\\Users\\agent\\Recordings', locked: true };
const HEADSET = { name: 'Jabra Evolve2 40', vendorId: 0x0b0e, productId: 0x0305 };

/** A desk and the snapshots its listeners receive. */
function watchedDesk() {
  const made = newDesk();
  const received: DeskState[] = [];
  made.desk.subscribe((state) => void received.push(state));
  return { ...made, received };
}

describe('AgentDesk snapshot: the parts around the desk', () => {
  it('shows the recordings folder and whether the policy fixes it, in a new snapshot', () => {
    const { desk, received } = watchedDesk();
    desk.setRecordingsFolder(FOLDER);
    expect(received.map((state) => state.recordingsFolder)).toEqual([FOLDER]);
    expect(desk.snapshot().recordingsFolder).toEqual(FOLDER);
  });

  it('shows the desktop preferences, in a new snapshot', () => {
    const { desk, received } = watchedDesk();
    desk.setDesktopPreferences(DESKTOP);
    expect(received.map((state) => state.desktop)).toEqual([DESKTOP]);
    expect(desk.snapshot().desktop).toEqual(DESKTOP);
  });

  it('keeps every part reported, and drops the headset once it is unplugged', () => {
    const { desk } = watchedDesk();
    desk.setHeadset(HEADSET);
    desk.setRecordingsFolder(FOLDER);
    desk.setDesktopPreferences(DESKTOP);
    expect(desk.snapshot()).toMatchObject({
      headset: HEADSET,
      recordingsFolder: FOLDER,
      desktop: DESKTOP,
    });
    desk.setHeadset(undefined);
    const state = desk.snapshot();
    expect('headset' in state).toBe(false);
    expect(state).toMatchObject({ recordingsFolder: FOLDER, desktop: DESKTOP });
  });
});

describe('AgentDesk snapshot: the profile in force', () => {
  it('shows where the profile came from and what the policy locks, once applied', () => {
    const { desk, received } = watchedDesk();
    expect(desk.snapshot().profile).toBeUndefined();
    const summary: NonNullable<DeskState['profile']> = {
      source: 'url',
      location: 'https://it.example.com/openccp.json',
      lockedKeys: ['servers'],
      servers: ['wss://sip.example.com'],
    };
    desk.applyProfile({}, summary);
    expect(received.at(-1)?.profile).toEqual(summary);
  });

  it('drops the profile summary when a profile is applied without one', () => {
    const { desk } = watchedDesk();
    desk.applyProfile({}, { source: 'file', lockedKeys: [] });
    desk.applyProfile({});
    expect(desk.snapshot().profile).toBeUndefined();
  });
});

describe('AgentDesk snapshot: dial links', () => {
  // The link policy reads the signed-in agent's own SIP domain; before sign-in there is none.
  it('puts a tel: link on the number pad before the agent has signed in', () => {
    const { desk, received } = watchedDesk();
    expect(desk.openDialLink('tel:+17347644357')).toEqual({ ok: true });
    expect(received.at(-1)?.dialDraft).toEqual({ target: '+17347644357', seq: 1 });
  });

  it("refuses a sip: link before sign-in, no domain being the agent's own yet", () => {
    const { desk } = watchedDesk();
    expect(desk.openDialLink('sip:bob@example.com')).toEqual({
      ok: false,
      reason: 'offDomainLink',
    });
    expect(desk.snapshot().notice).toMatchObject({ code: 'dialLinkRefused' });
    expect(desk.snapshot().dialDraft).toBeUndefined();
  });

  it("puts a sip: link in the signed-in agent's own domain on the number pad", async () => {
    const { desk } = await availableDesk(); // signed in as sip:agent1@example.com
    expect(desk.openDialLink('sip:bob@example.com')).toEqual({ ok: true });
    expect(desk.snapshot().dialDraft).toEqual({ target: 'sip:bob@example.com', seq: 1 });
  });
});

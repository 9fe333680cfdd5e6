import { describe, expect, it } from 'vitest';
import type { DeskState } from '../../../common/contract';
import { recentReloadKey } from './recentReloadKey';

type KeyState = Parameters<typeof recentReloadKey>[0];
const today = (handled: number, missed: number): DeskState['today'] => ({
  handled,
  missed,
  rejected: 0,
  totalAcwMs: 0,
  statusTime: [],
});
const withContacts = (ids: string[], figures = today(0, 0)): KeyState =>
  ({
    contacts: ids.map((id) => ({ id })),
    chats: [],
    today: figures,
  }) as unknown as KeyState;

describe('recentReloadKey', () => {
  it('changes when a contact leaves the desk (its history record is written then)', () => {
    expect(recentReloadKey(withContacts(['a']))).not.toBe(recentReloadKey(withContacts([])));
  });

  it("changes with today's counts, and stays the same for the same contacts and counts", () => {
    expect(recentReloadKey(withContacts([], today(1, 0)))).not.toBe(
      recentReloadKey(withContacts([], today(0, 1))),
    );
    expect(recentReloadKey(withContacts(['a'], today(2, 1)))).toBe(
      recentReloadKey(withContacts(['a'], today(2, 1))),
    );
  });
});

/**
 * The call view's party rows as the agent reads them. A row's state is read from its
 * `data-status`, not its text: "Resuming…" does not contain "On hold" either, so a text check
 * passes while the re-INVITE is still under way and the far end's audio is not back yet.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import type { PartyStatus } from '../../renderer/ui/voice/partyStatus';

export type PartyName = 'Customer' | 'Third party';

/** A call-control button by its exact visible name. */
export function button(ui: Page, name: string): Locator {
  return ui.getByRole('button', { name, exact: true });
}

/** The group the agent sees for one party ("Customer" or "Third party"). */
export function party(ui: Page, name: PartyName): Locator {
  return ui.getByRole('group', { name, exact: true });
}

/** Waits until the party's row shows `status` (e.g. `connected`: resumed, both ends agreed). */
export async function expectPartyStatus(
  ui: Page,
  name: PartyName,
  status: PartyStatus,
): Promise<void> {
  await expect(party(ui, name)).toHaveAttribute('data-status', status);
}

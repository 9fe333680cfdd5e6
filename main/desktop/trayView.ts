/**
 * What the tray shows for a DeskState (G1): an icon and a tooltip that say the agent's status
 * and whether calls can reach them (a lost connection visible at a glance), the missed-contact
 * count, and a menu whose items follow the moment: Accept/Reject while an offer rings, End and
 * Mute during a call, the statuses, Show CCP, Show mini window, Quit.
 *
 * Pure: the shell renders the view (Electron's Tray and Menu, or the harness's recording), and
 * a chosen item comes back as its TrayAction, which the composition turns into DeskCommands.
 */
import type { DeskState } from '../../common/contract';
import { allContacts, callerOf, liveContacts, missedContacts, offers } from './contactMoments';
import { statusText, type DesktopText } from './desktopText';

/** What the icon shows; the shell picks the image (assets/tray/<icon>.png). */
export type TrayIcon =
  'signedOut' | 'disconnected' | 'ringing' | 'onContact' | 'available' | 'away' | 'offline';

export type TrayAction =
  | { kind: 'setStatus'; statusId: string }
  | { kind: 'accept'; contactId: string }
  | { kind: 'reject'; contactId: string }
  | { kind: 'end'; contactId: string }
  | { kind: 'mute'; contactId: string; muted: boolean }
  | { kind: 'showCcp' }
  | { kind: 'showWidget' }
  | { kind: 'quit' };

export type TrayMenuEntry =
  | {
      kind: 'item';
      /** Stable while the moment lasts (`accept:<contactId>`): how a test or the shell finds it. */
      id: string;
      label: DesktopText;
      action: TrayAction;
      /** A status item for the current status. */
      checked?: boolean;
    }
  | { kind: 'separator' };

export interface TrayView {
  icon: TrayIcon;
  tooltip: DesktopText;
  /** Offers that rang out and are not cleared yet: shown as a badge and in the tooltip. */
  missed: number;
  menu: TrayMenuEntry[];
}

/** Registered and routable in principle, or the line is down while the agent expects calls. */
function connectionLost(state: DeskState): boolean {
  if (state.registration === 'failed') return true;
  const wantsCalls = state.agent.statusId !== 'offline';
  return wantsCalls && state.registration === 'unregistered';
}

function iconFor(state: DeskState): TrayIcon {
  if (state.session.phase !== 'signedIn') return 'signedOut';
  if (offers(state).length > 0) return 'ringing';
  if (connectionLost(state)) return 'disconnected';
  if (allContacts(state).some((contact) => contact.state !== 'missed')) return 'onContact';
  const status = state.agent.statuses.find((entry) => entry.id === state.agent.statusId);
  if (status?.kind === 'available') return 'available';
  if (status?.kind === 'offline') return 'offline';
  return 'away';
}

function tooltipFor(state: DeskState, icon: TrayIcon): DesktopText {
  const offer = offers(state)[0];
  const live = liveContacts(state)[0];
  if (icon === 'signedOut') return { key: 'tray.signedOut' };
  if (offer) return { key: 'tray.offer', values: { caller: callerOf(offer) } };
  if (icon === 'disconnected') return { key: 'tray.connectionLost' };
  if (live) return { key: 'tray.onContact', values: { caller: callerOf(live) } };
  const status = state.agent.statuses.find((entry) => entry.id === state.agent.statusId);
  const words = status ? statusText(status) : { label: state.agent.statusId };
  return { key: 'tray.status', values: { status: words } };
}

const item = (
  id: string,
  label: DesktopText,
  action: TrayAction,
  checked?: boolean,
): TrayMenuEntry => ({
  kind: 'item',
  id,
  label,
  action,
  ...(checked === undefined ? {} : { checked }),
});

function contactItems(state: DeskState): TrayMenuEntry[] {
  const entries: TrayMenuEntry[] = [];
  for (const offer of offers(state)) {
    const caller = { caller: callerOf(offer) };
    const contactId = offer.id;
    entries.push(
      item(
        `accept:${contactId}`,
        { key: 'tray.accept', values: caller },
        { kind: 'accept', contactId },
      ),
    );
    entries.push(
      item(
        `reject:${contactId}`,
        { key: 'tray.reject', values: caller },
        { kind: 'reject', contactId },
      ),
    );
  }
  for (const live of liveContacts(state)) {
    const contactId = live.id;
    entries.push(
      item(
        `end:${contactId}`,
        { key: 'tray.end', values: { caller: callerOf(live) } },
        { kind: 'end', contactId },
      ),
    );
    // Mute is a voice control; a chat has nothing to silence.
    if (live.channel === 'voice' && live.state === 'connected') {
      const muted = live.muted;
      entries.push(
        item(
          `mute:${contactId}`,
          { key: muted ? 'tray.unmute' : 'tray.mute' },
          { kind: 'mute', contactId, muted: !muted },
        ),
      );
    }
  }
  return entries;
}

export function trayView(state: DeskState): TrayView {
  const icon = iconFor(state);
  const menu: TrayMenuEntry[] = [];
  const forContacts = contactItems(state);
  if (forContacts.length > 0) menu.push(...forContacts, { kind: 'separator' });
  if (state.session.phase === 'signedIn') {
    for (const status of state.agent.statuses) {
      menu.push(
        item(
          `status:${status.id}`,
          statusText(status),
          { kind: 'setStatus', statusId: status.id },
          status.id === state.agent.statusId,
        ),
      );
    }
    menu.push({ kind: 'separator' });
  }
  menu.push(item('showCcp', { key: 'tray.showCcp' }, { kind: 'showCcp' }));
  menu.push(item('showWidget', { key: 'tray.showWidget' }, { kind: 'showWidget' }));
  menu.push({ kind: 'separator' });
  menu.push(item('quit', { key: 'tray.quit' }, { kind: 'quit' }));
  return { icon, tooltip: tooltipFor(state, icon), missed: missedContacts(state).length, menu };
}

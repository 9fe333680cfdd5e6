/** DeskState snapshots for the desktop models' tests: signed in and Available unless told. */
import type { DeskState, VoiceContact } from '../../common/contract';

const NOW = 1_700_000_000_000;

export function deskState(overrides: Partial<DeskState> = {}): DeskState {
  return {
    revision: 1,
    session: { phase: 'signedIn', identity: { uri: 'sip:agent1@example.test', displayName: 'A' } },
    registration: 'registered',
    agent: {
      statusId: 'available',
      statusSince: NOW,
      routable: true,
      statuses: [
        { id: 'available', label: 'Available', kind: 'available' },
        { id: 'break', label: 'Break', kind: 'custom', preset: 'break' },
        { id: 'coaching', label: 'Coaching', kind: 'custom', labels: { it: 'Affiancamento' } },
        { id: 'offline', label: 'Offline', kind: 'offline' },
      ],
    },
    contacts: [],
    chats: [],
    dialing: { defaultCountry: 'US' },
    quickConnects: [],
    contactOptions: { transfer: true, conference: true, wrapUpCodes: [], wrapUpRequired: false },
    ...overrides,
  };
}

export function voiceContact(overrides: Partial<VoiceContact> = {}): VoiceContact {
  return {
    id: 'c1',
    channel: 'voice',
    direction: 'inbound',
    state: 'incoming',
    peer: { number: '+15551234567', displayName: 'Ada Customer' },
    queue: 'Sales',
    createdAt: NOW,
    stateSince: NOW,
    ringDeadline: NOW + 20_000,
    hold: 'none',
    muted: false,
    details: { notes: '' },
    ...overrides,
  };
}

export const TEST_NOW = NOW;

import { describe, expect, it } from 'vitest';
import type { QuickConnect } from '../../../common/contract';
import { connectedContact, OPTIONS } from '../shared/renderMarkup.testkit';
import { matchQuickConnects } from './matchQuickConnects';
import { multiPartyActions } from './multiPartyActions';
import { customerStatus } from './partyStatus';
import { formatQualityFigures } from './qualityFigures';
import { quickConnectsBesideContact, transferOffered } from './transferOffered';
import { typedTransferTarget } from './typedTransferTarget';

describe('typedTransferTarget', () => {
  it('reads digits and SIP addresses as a number to dial', () => {
    expect(typedTransferTarget(' 734 555 0100 ')).toEqual({
      via: 'number',
      number: '734 555 0100',
    });
    expect(typedTransferTarget('sip:bob@example.test')).toEqual({
      via: 'number',
      number: 'sip:bob@example.test',
    });
    expect(typedTransferTarget('bob@example.test')?.via).toBe('number');
  });

  it('does not offer to dial a name being searched, or nothing', () => {
    expect(typedTransferTarget('Billing')).toBeUndefined();
    expect(typedTransferTarget('')).toBeUndefined();
    expect(typedTransferTarget('1'.repeat(129))).toBeUndefined();
  });
});

describe('matchQuickConnects', () => {
  const entries: QuickConnect[] = [
    { id: 'billing', kind: 'agent', name: 'Billing desk', target: 'sip:billing@example.test' },
    { id: 'helpdesk', kind: 'external', name: 'Help desk', target: '+1 (734) 764-4357' },
  ];

  it('matches names case-insensitively and numbers by their digits', () => {
    expect(matchQuickConnects(entries, 'BILL').map((e) => e.id)).toEqual(['billing']);
    expect(matchQuickConnects(entries, '7347644').map((e) => e.id)).toEqual(['helpdesk']);
    expect(matchQuickConnects(entries, '  ').map((e) => e.id)).toEqual(['billing', 'helpdesk']);
    expect(matchQuickConnects(entries, 'nobody')).toEqual([]);
  });
});

describe('formatQualityFigures', () => {
  it("writes the figures as the agent's locale does", () => {
    const quality = { mos: 4.04, rating: 'good' as const, lossPct: 0.25, jitterMs: 9.6 };
    expect(formatQualityFigures(quality, 'en')).toEqual({
      mos: '4.0',
      lossPct: '0.3',
      jitterMs: '10',
    });
    expect(formatQualityFigures({ ...quality, rttMs: 1234 }, 'it')).toEqual({
      mos: '4,0',
      lossPct: '0,3',
      jitterMs: '10',
      rttMs: '1234',
    });
  });
});

describe('what a call offers', () => {
  const third = {
    callId: 't',
    peer: { number: '200', displayName: '' },
    state: 'connected' as const,
    hold: 'none' as const,
  };

  it('offers Transfer only on a connected call with the customer alone, when allowed', () => {
    expect(transferOffered(connectedContact(), OPTIONS)).toBe(true);
    expect(transferOffered(connectedContact(), { ...OPTIONS, transfer: false })).toBe(false);
    expect(transferOffered(connectedContact({ state: 'accepting' }), OPTIONS)).toBe(false);
    expect(transferOffered(connectedContact({ thirdParty: third }), OPTIONS)).toBe(false);
    expect(transferOffered(undefined, OPTIONS)).toBe(false);
    const failed = { kind: 'blind' as const, state: 'failed' as const, target: 'x' };
    expect(transferOffered(connectedContact({ transfer: failed }), OPTIONS)).toBe(true);
  });

  it("shows neither the Transfer panel nor the quick connects on a supervisor's listen-in", () => {
    const monitoring = connectedContact({ monitoring: true });
    expect(transferOffered(monitoring, OPTIONS)).toBe(false);
    expect(quickConnectsBesideContact(monitoring, OPTIONS)).toBe(false);
    expect(quickConnectsBesideContact(connectedContact(), OPTIONS)).toBe(false);
    expect(quickConnectsBesideContact(connectedContact(), { ...OPTIONS, transfer: false })).toBe(
      true,
    );
    expect(quickConnectsBesideContact(undefined, OPTIONS)).toBe(true);
  });

  it('offers no two-party action without a connected third party and a live customer', () => {
    const none = { join: false, holdAll: undefined, swap: false, leave: false };
    expect(multiPartyActions(connectedContact(), OPTIONS)).toEqual(none);
    expect(
      multiPartyActions(connectedContact({ customerLeft: true, thirdParty: third }), OPTIONS),
    ).toEqual(none);
    expect(
      multiPartyActions(connectedContact({ thirdParty: { ...third, state: 'dialing' } }), OPTIONS),
    ).toEqual(none);
  });

  it("prefers the agent's own hold over the far end's in the customer's status", () => {
    expect(customerStatus(connectedContact({ hold: 'held', remoteHold: true }))).toBe('onHold');
    expect(customerStatus(connectedContact({ remoteHold: true }))).toBe('holdingYou');
    expect(customerStatus(connectedContact({ customerLeft: true, hold: 'held' }))).toBe('left');
  });
});

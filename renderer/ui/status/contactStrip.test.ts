import { describe, expect, it } from 'vitest';
import type { ThirdParty } from '../../../common/contract';
import { connectedContact } from '../shared/renderMarkup.testkit';
import { contactStrip } from './contactStrip';

const THIRD: ThirdParty = {
  callId: 't1',
  peer: { number: 'sip:billing@example.test', displayName: '' },
  label: 'Billing desk',
  state: 'connected',
  hold: 'none',
};

describe('contactStrip: the status strip on a live call', () => {
  it('says On call while the agent talks to the customer', () => {
    expect(contactStrip(connectedContact())).toEqual({
      tone: 'connected',
      labelKey: 'contactState.connected',
    });
  });

  it('says Customer on hold when the customer is held, alone or during a consult', () => {
    const held = { tone: 'hold', labelKey: 'statusStrip.customerOnHold' };
    expect(contactStrip(connectedContact({ hold: 'held' }))).toEqual(held);
    expect(contactStrip(connectedContact({ hold: 'held', thirdParty: THIRD }))).toEqual(held);
  });

  it('is not on hold while the hold is only being negotiated', () => {
    expect(contactStrip(connectedContact({ hold: 'holding' })).tone).toBe('connected');
  });

  it('says Everyone on hold after Hold all', () => {
    expect(
      contactStrip(connectedContact({ hold: 'held', thirdParty: { ...THIRD, hold: 'held' } })),
    ).toEqual({ tone: 'hold', labelKey: 'statusStrip.allOnHold' });
  });

  it('says Conference once joined, and on hold again after Hold all in a conference', () => {
    expect(contactStrip(connectedContact({ conference: true, thirdParty: THIRD }))).toEqual({
      tone: 'conference',
      labelKey: 'statusStrip.conference',
    });
    expect(
      contactStrip(
        connectedContact({
          conference: true,
          hold: 'held',
          thirdParty: { ...THIRD, hold: 'held' },
        }),
      ).labelKey,
    ).toBe('statusStrip.allOnHold');
  });

  it('does not call a customer who left "on hold"', () => {
    expect(
      contactStrip(connectedContact({ hold: 'held', customerLeft: true, thirdParty: THIRD }))
        .labelKey,
    ).toBe('contactState.connected');
  });
});

describe('contactStrip: other states', () => {
  it.each([
    ['incoming', 'incoming', 'contactState.incoming'],
    ['accepting', 'active', 'contactState.accepting'],
    ['dialing', 'active', 'contactState.dialing'],
    ['acw', 'acw', 'contactState.acw'],
    ['missed', 'missed', 'contactState.missed'],
    ['failed', 'missed', 'contactState.failed'],
  ] as const)('%s shows tone %s and %s', (state, tone, labelKey) => {
    expect(contactStrip(connectedContact({ state }))).toEqual({ tone, labelKey });
  });

  it('announces a queued callback as Callback incoming', () => {
    expect(contactStrip(connectedContact({ state: 'incoming', callback: true })).labelKey).toBe(
      'contact.callbackIncomingTitle',
    );
  });
});

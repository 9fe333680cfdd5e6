import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import type { Contact, DeskState, ThirdParty } from '../../../common/contract';
import type { ContactDetailsHandle } from '../contact/useContactDetails';
import { DtmfPad } from './DtmfPad';
import { InCallView } from './InCallView';
import {
  buttons,
  byTestId,
  connectedContact,
  group,
  OPTIONS,
  renderMarkup,
  textOf,
} from '../shared/renderMarkup.testkit';

const details: ContactDetailsHandle = {
  draft: { notes: 'typed so far', wrapUpCode: '', followUpNote: '', followUpDue: '' },
  save: { state: 'idle' },
  update: () => undefined,
  flush: () => Promise.resolve(true),
};

const QUICK_CONNECTS: DeskState['quickConnects'] = [
  { id: 'billing', kind: 'agent', name: 'Billing desk', target: 'sip:billing@example.test' },
  { id: 'helpdesk', kind: 'external', name: 'Help desk', target: '+17347644357' },
];

function render(contact: Contact, options: Partial<DeskState['contactOptions']> = {}): string {
  return renderMarkup(
    createElement(InCallView, {
      contact,
      desk: {
        contactOptions: { ...OPTIONS, ...options },
        quickConnects: QUICK_CONNECTS,
        dialing: { defaultCountry: 'US' },
      },
      details,
    }),
  );
}

const button = (html: string, text: string) => buttons(html).find((b) => b.text === text);

const THIRD: ThirdParty = {
  callId: 't1',
  peer: { number: 'sip:billing@example.test', displayName: '' },
  label: 'Billing desk',
  state: 'connected',
  hold: 'none',
};

describe('InCallView, customer alone on the line', () => {
  it('shows queue, call timer, Hold, Mute, Number pad and End call', () => {
    const html = render(connectedContact({ queue: 'Sales' }));
    expect(byTestId(html, 'call-queue')?.text).toBe('Queue: Sales');
    // A running clock (the time since connect), not just an element.
    expect(byTestId(html, 'call-timer')?.text).toMatch(/^\d+(:\d{2}){1,2}$/);
    const names = buttons(html).map((b) => b.text);
    expect(names).toEqual(expect.arrayContaining(['Hold', 'Mute', 'Number pad', 'End call']));
    // The customer is a named group even alone, as in the two-party view.
    expect(group(html, 'Customer')).toContain('Jane Customer');
  });

  it('shows the hold under way as pending, and the held state with Resume', () => {
    const holding = render(connectedContact({ hold: 'holding' }));
    expect(button(holding, 'Holding…')?.tag).toContain('aria-disabled="true"');
    expect(button(holding, 'Hold')).toBeUndefined();

    const held = render(connectedContact({ hold: 'held' }));
    expect(button(held, 'Resume')?.tag).not.toContain('disabled');
    expect(textOf(group(held, 'Customer') ?? '')).toContain('On hold');
    expect(byTestId(held, 'hold-timer')?.text).toMatch(/^\d+(:\d{2}){1,2}$/);
    expect(byTestId(holding, 'hold-timer')).toBeUndefined();

    const resuming = render(connectedContact({ hold: 'resuming' }));
    expect(button(resuming, 'Resuming…')?.tag).toContain('aria-disabled="true"');
    expect(textOf(group(resuming, 'Customer') ?? '')).not.toContain('On hold');
  });

  it('says when the customer put the agent on hold', () => {
    const html = render(connectedContact({ remoteHold: true }));
    expect(byTestId(html, 'remote-hold')?.text).toBe('Customer put you on hold');
    expect(button(html, 'Hold')).toBeDefined();
  });

  it('makes Mute a pressed toggle named Unmute, with a visible muted indicator', () => {
    const unmuted = render(connectedContact());
    expect(button(unmuted, 'Mute')?.tag).toContain('aria-pressed="false"');
    expect(byTestId(unmuted, 'muted-indicator')).toBeUndefined();

    const muted = render(connectedContact({ muted: true }));
    expect(button(muted, 'Unmute')?.tag).toContain('aria-pressed="true"');
    expect(byTestId(muted, 'muted-indicator')?.text).toMatch(/muted/i);
  });

  it('rates the audio with its figures for the tooltip and screen readers', () => {
    const html = render(
      connectedContact({
        quality: { mos: 3.46, rating: 'fair', lossPct: 2.25, jitterMs: 31.6, rttMs: 180.2 },
      }),
    );
    const quality = byTestId(html, 'call-quality');
    expect(quality?.tag).toContain('data-rating="fair"');
    expect(quality?.text).toContain('Fair');
    for (const figure of ['MOS 3.5', 'packet loss 2.3%', 'jitter 32 ms', 'round trip 180 ms'])
      expect(quality?.tag + quality!.text).toContain(figure);
  });

  it('offers the Transfer panel only when the profile allows transfers', () => {
    const allowed = render(connectedContact());
    expect(byTestId(allowed, 'transfer-panel')).toBeDefined();
    const row = byTestId(allowed, 'quick-connect-billing');
    expect(row?.tag).toContain('data-kind="agent"');
    expect(row?.text).toContain('Call');
    expect(row?.text).toContain('Transfer now');

    expect(
      byTestId(render(connectedContact(), { transfer: false }), 'transfer-panel'),
    ).toBeUndefined();
  });

  it('hides the Transfer panel while a transfer is under way, and says so', () => {
    const html = render(
      connectedContact({ transfer: { kind: 'blind', state: 'pending', target: 'Billing desk' } }),
    );
    expect(byTestId(html, 'transfer-panel')).toBeUndefined();
    expect(byTestId(html, 'transfer-progress')?.text).toBe('Transferring to Billing desk…');
    expect(button(html, 'End call')?.tag).toContain('aria-disabled="true"');
  });

  it('explains a failed transfer and that nothing changed', () => {
    const html = render(
      connectedContact({
        transfer: {
          kind: 'blind',
          state: 'failed',
          target: 'Billing desk',
          reason: '486 Busy Here',
        },
      }),
    );
    const note = byTestId(html, 'transfer-progress');
    expect(note?.tag).toContain('role="alert"');
    expect(note?.text).toContain('486 Busy Here');
    expect(note?.text).toContain('Nothing changed');
  });

  it('lets a callback end with a voicemail, with the hint', () => {
    const html = render(connectedContact({ callback: true }));
    expect(button(html, 'Leave voicemail and end')).toBeDefined();
    expect(textOf(html)).toContain("If the customer doesn't answer, leave a voicemail, then end.");
    expect(button(render(connectedContact()), 'Leave voicemail and end')).toBeUndefined();
  });

  it('keeps the notes available during the call, with what was typed', () => {
    const html = render(connectedContact());
    expect(byTestId(html, 'call-notes-input')?.text).toBe('typed so far');
  });

  it('shows only End call while dialing out', () => {
    const html = render(connectedContact({ state: 'dialing', connectedAt: undefined }));
    expect(buttons(html).map((b) => b.text)).toEqual(['End call']);
    expect(byTestId(html, 'transfer-panel')).toBeUndefined();
  });
});

describe('InCallView with a third party (D6)', () => {
  it('shows a row per party with its own state, Hold/Resume and End', () => {
    const html = render(connectedContact({ hold: 'held', thirdParty: THIRD }));
    const customer = group(html, 'Customer') ?? '';
    const third = group(html, 'Third party') ?? '';
    expect(textOf(customer)).toContain('On hold');
    expect(button(customer, 'Resume')).toBeDefined();
    expect(button(customer, 'End')).toBeDefined();
    expect(textOf(third)).toContain('Billing desk');
    expect(textOf(third)).toContain('Connected');
    expect(button(third, 'Hold')).toBeDefined();
    // The single-party controls and the Transfer panel give way to the party rows.
    expect(byTestId(html, 'transfer-panel')).toBeUndefined();
    expect(button(html, 'End call')).toBeUndefined();
  });

  it('offers Join, Hold all, Swap, Mute and Leave once the third party answered', () => {
    const html = render(connectedContact({ hold: 'held', thirdParty: THIRD }));
    const names = buttons(html).map((b) => b.text);
    expect(names).toEqual(
      expect.arrayContaining(['Join', 'Hold all', 'Swap', 'Mute', 'Leave call']),
    );
  });

  it('offers no Join when the profile does not allow conferences', () => {
    const html = render(connectedContact({ hold: 'held', thirdParty: THIRD }), {
      conference: false,
    });
    expect(button(html, 'Join')).toBeUndefined();
    expect(button(html, 'Leave call')).toBeDefined();
  });

  it('shows the third party dialing, with only its End, and no Join or Leave yet', () => {
    const html = render(
      connectedContact({ hold: 'held', thirdParty: { ...THIRD, state: 'dialing' } }),
    );
    const third = group(html, 'Third party') ?? '';
    expect(textOf(third)).toContain('Dialing…');
    expect(buttons(third).map((b) => b.text)).toEqual(['End']);
    expect(button(html, 'Join')).toBeUndefined();
    expect(button(html, 'Leave call')).toBeUndefined();
  });

  it('says Conference when joined, with both parties connected and no Swap', () => {
    const html = render(connectedContact({ conference: true, thirdParty: THIRD }));
    expect(byTestId(html, 'call-title')?.text).toBe('Conference');
    expect(textOf(group(html, 'Customer') ?? '')).toContain('Connected');
    expect(textOf(group(html, 'Third party') ?? '')).toContain('Connected');
    expect(button(html, 'Swap')).toBeUndefined();
    expect(button(html, 'Join')).toBeUndefined();
  });

  it('turns Hold all into Resume all when every party is held', () => {
    const html = render(connectedContact({ hold: 'held', thirdParty: { ...THIRD, hold: 'held' } }));
    expect(button(html, 'Resume all')).toBeDefined();
    expect(button(html, 'Hold all')).toBeUndefined();
  });

  it('shows the customer left, keeps the third party, and offers End call', () => {
    const html = render(
      connectedContact({ customerLeft: true, thirdParty: { ...THIRD, hold: 'held' } }),
    );
    const customer = group(html, 'Customer') ?? '';
    expect(textOf(customer)).toContain('Left');
    expect(buttons(customer)).toEqual([]);
    expect(textOf(html)).toContain('Customer left');
    expect(button(group(html, 'Third party') ?? '', 'Resume')).toBeDefined();
    expect(button(html, 'End call')).toBeDefined();
    expect(button(html, 'Leave call')).toBeUndefined();
  });

  it('disables the party controls while Leave (attended transfer) is under way', () => {
    const html = render(
      connectedContact({
        hold: 'held',
        thirdParty: THIRD,
        transfer: { kind: 'attended', state: 'pending', target: 'Billing desk' },
      }),
    );
    expect(button(html, 'Leave call')?.tag).toContain('aria-disabled="true"');
    expect(button(html, 'Swap')?.tag).toContain('aria-disabled="true"');
    expect(byTestId(html, 'transfer-progress')?.text).toBe('Transferring to Billing desk…');
  });
});

describe('InCallView, the first half second after it appears (focus policy)', () => {
  const fresh = (contact: Contact) =>
    renderMarkup(
      createElement(InCallView, {
        contact,
        desk: {
          contactOptions: OPTIONS,
          quickConnects: QUICK_CONNECTS,
          dialing: { defaultCountry: 'US' },
        },
        details,
      }),
      500,
    );

  it('holds back Hold, Mute and End call so a double click on Accept does nothing else', () => {
    const html = fresh(connectedContact());
    for (const name of ['Hold', 'Mute', 'End call'])
      expect({ name, tag: button(html, name)?.tag }).toEqual({
        name,
        tag: expect.stringContaining('aria-disabled="true"'),
      });
    // Held back, not removed: the controls keep their place and their focusability.
    expect(button(html, 'End call')?.tag).not.toMatch(/\sdisabled=/);
  });

  it("holds back each party's Hold and End, Swap and Leave when a consult starts", () => {
    const html = fresh(connectedContact({ hold: 'held', thirdParty: THIRD }));
    for (const testId of ['party-customer-end', 'party-thirdParty-end', 'swap', 'leave'])
      expect({ testId, tag: byTestId(html, testId)?.tag }).toEqual({
        testId,
        tag: expect.stringContaining('aria-disabled="true"'),
      });
  });

  it('puts the call heading in reach of focus, and never autofocuses End call', () => {
    const html = fresh(connectedContact());
    expect(byTestId(html, 'call-title')?.tag).toContain('tabindex="-1"');
    expect(html).not.toContain('autofocus');
  });

  it("leaves the settled view's controls available (not held back after the moment)", () => {
    const html = render(connectedContact());
    expect(button(html, 'End call')?.tag).not.toContain('aria-disabled');
    expect(button(html, 'Hold')?.tag).not.toContain('aria-disabled');
  });
});

describe('DtmfPad (D3)', () => {
  it('shows the digits sent so far and a key per tone, found by its symbol', () => {
    const html = renderMarkup(
      createElement(DtmfPad, { contact: connectedContact({ dtmfSent: '12#' }) }),
    );
    expect(byTestId(html, 'dtmf-sent')?.text).toBe('12#');
    for (const symbol of ['0', '1', '9', '*', '#'])
      expect(byTestId(html, `dtmf-${symbol}`)).toBeDefined();
    expect(byTestId(html, 'dtmf-#')?.tag).toContain('aria-label="Pound"');
  });

  it('is closed until the agent opens it with Number pad', () => {
    const html = render(connectedContact());
    expect(byTestId(html, 'dtmf-pad')).toBeUndefined();
    expect(byTestId(html, 'dtmf-toggle')?.tag).toContain('aria-expanded="false"');
  });
});

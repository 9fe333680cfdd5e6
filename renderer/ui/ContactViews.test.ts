import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import type { Contact } from '../../preload/contract';
import { AcwView } from './AcwView';
import { IncomingBanner } from './IncomingBanner';
import {
  buttons,
  byTestId,
  connectedContact,
  OPTIONS,
  renderMarkup,
  textOf,
} from './renderMarkup.testkit';
import type { ContactDetailsHandle } from './useContactDetails';

function handle(overrides: Partial<ContactDetailsHandle> = {}): ContactDetailsHandle {
  return {
    draft: { notes: '', wrapUpCode: '', followUpNote: '', followUpDue: '' },
    save: { state: 'idle' },
    update: () => undefined,
    flush: () => Promise.resolve(true),
    ...overrides,
  };
}

describe('IncomingBanner (D1, D7)', () => {
  const offer = (overrides: Partial<Contact>) =>
    renderMarkup(
      createElement(IncomingBanner, {
        contact: connectedContact({ state: 'incoming', connectedAt: undefined, ...overrides }),
      }),
    );

  it('shows the queue the call came through', () => {
    const html = offer({ queue: 'Sales' });
    expect(byTestId(html, 'incoming-queue')?.text).toBe('Queue: Sales');
    expect(textOf(html)).toContain('Incoming call');
  });

  it('titles a queued callback "Callback incoming"', () => {
    const html = offer({ callback: true, queue: 'Sales callbacks' });
    expect(textOf(html)).toContain('Callback incoming');
    expect(textOf(html)).not.toContain('Incoming call');
    expect(byTestId(html, 'incoming-banner')?.tag).toContain('data-callback="true"');
  });

  it('shows no queue line when the offer named none', () => {
    expect(byTestId(offer({}), 'incoming-queue')).toBeUndefined();
    expect(byTestId(offer({ queue: '  ' }), 'incoming-queue')).toBeUndefined();
  });
});

describe('AcwView (D8)', () => {
  const acw = (contact: Partial<Contact>, details = handle(), required = false) =>
    renderMarkup(
      createElement(AcwView, {
        contact: connectedContact({ state: 'acw', endedAt: 1_700_000_000_000, ...contact }),
        options: { ...OPTIONS, wrapUpRequired: required },
        details,
      }),
    );

  it('says who the customer was transferred to', () => {
    expect(byTestId(acw({ transferredTo: 'Billing desk' }), 'transferred-to')?.text).toBe(
      'Transferred to Billing desk',
    );
  });

  it('says a voicemail was left on a callback', () => {
    expect(byTestId(acw({ voicemail: true }), 'voicemail-left')?.text).toBe('Voicemail left');
  });

  it('lists the wrap-up codes and marks the code required when the profile says so', () => {
    const optional = acw({});
    expect(byTestId(optional, 'acw-wrapup')?.text).toContain('Resolved');
    expect(byTestId(optional, 'acw-wrapup')?.text).toContain('Escalated');
    expect(byTestId(optional, 'acw-wrapup-required')).toBeUndefined();

    const required = acw({}, handle(), true);
    expect(byTestId(required, 'acw-wrapup-required')?.text).toBe('(required)');
    expect(byTestId(required, 'acw-wrapup')?.tag).toContain('aria-required="true"');
  });

  it('fills the form from the draft, the due time as a datetime-local value', () => {
    const html = acw(
      {},
      handle({
        draft: {
          notes: 'Refund agreed',
          wrapUpCode: 'escalated',
          followUpNote: 'Call back',
          followUpDue: '2031-01-15T09:30',
        },
      }),
    );
    expect(byTestId(html, 'acw-notes')?.text).toBe('Refund agreed');
    expect(html).toMatch(/<option value="escalated" selected="">Escalated<\/option>/);
    expect(byTestId(html, 'acw-followup-note')?.tag).toContain('value="Call back"');
    expect(byTestId(html, 'acw-followup-due')?.tag).toContain('value="2031-01-15T09:30"');
    expect(byTestId(html, 'acw-followup-due-hint')).toBeUndefined();
  });

  it('asks for a due time when a follow-up task has none', () => {
    const html = acw(
      {},
      handle({
        draft: { notes: '', wrapUpCode: '', followUpNote: 'Call back', followUpDue: '' },
      }),
    );
    expect(byTestId(html, 'acw-followup-due-hint')?.text).toMatch(/due date and time/);
  });

  it('keeps a code the profile no longer lists selectable, so the form shows what is saved', () => {
    const html = acw({}, handle({ draft: { ...handle().draft, wrapUpCode: 'retired' } }));
    expect(html).toMatch(/<option value="retired" selected="">retired<\/option>/);
  });

  it('shows Saved once the details reached main, and the refusal when they did not', () => {
    expect(byTestId(acw({}, handle({ save: { state: 'saved' } })), 'acw-saved')?.text).toContain(
      'Saved',
    );
    expect(byTestId(acw({}, handle({ save: { state: 'saving' } })), 'acw-saved')).toBeUndefined();
    const refused = acw(
      {},
      handle({
        save: { state: 'failed', failure: { kind: 'refused', reason: 'unknownWrapUpCode' } },
      }),
    );
    expect(byTestId(refused, 'acw-save-error')?.text).toMatch(/no longer exists/);
  });

  it('keeps Clear contact, without stealing the focus from the notes', () => {
    const html = acw({});
    const clear = buttons(html).find((b) => b.text === 'Clear contact');
    expect(clear).toBeDefined();
    expect(clear?.tag).not.toContain('autofocus');
  });
});

import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import type { Contact } from '../../../common/contract';
import { AcwView } from './AcwView';
import { ClosedContactView } from './ClosedContactView';
import { IncomingBanner } from './IncomingBanner';
import {
  buttons,
  byTestId,
  connectedContact,
  OPTIONS,
  renderMarkup,
  textOf,
} from '../shared/renderMarkup.testkit';
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

const MEDIA_FAILED =
  'No audio path could be agreed with the other side. Try the call again; if it keeps failing, tell IT.';

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

  it('does not repeat a transfer as the reason under "Transferred to"', () => {
    const transferred = acw({ transferredTo: 'Billing desk', endCode: 'transferred' });
    expect(byTestId(transferred, 'transferred-to')?.text).toBe('Transferred to Billing desk');
    expect(byTestId(transferred, 'end-reason')).toBeUndefined();
    // A transfer whose customer leg ended with SIP text of its own still shows that text.
    const failedLeg = acw({
      transferredTo: 'Billing desk',
      endCode: 'transferred',
      endReason: '487 Request Terminated',
    });
    expect(byTestId(failedLeg, 'end-reason')?.text).toBe('487 Request Terminated');
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

  it('says in plain words why the call failed on media, the SIP text under Details', () => {
    const html = acw({
      endCode: 'mediaFailed',
      endReason: 'WebRTC Error (OperationError: no BUNDLE group)',
      endedBy: 'system',
    });
    expect(byTestId(html, 'end-message')?.text).toBe(MEDIA_FAILED);
    expect(byTestId(html, 'end-reason')?.text).toBe(
      'WebRTC Error (OperationError: no BUNDLE group)',
    );
    expect(byTestId(html, 'end-reason')?.tag).toContain('facts__detail');
    const text = textOf(html);
    expect(text).toContain('Details WebRTC Error');
    // The plain message comes before the technical one.
    expect(text.indexOf('No audio path')).toBeLessThan(text.indexOf('WebRTC Error'));
  });

  it('words an end the desk decided itself as the reason, with no SIP text to show', () => {
    const html = acw({ endCode: 'agentEnded', endedBy: 'agent' });
    expect(byTestId(html, 'end-message')).toBeUndefined();
    expect(byTestId(html, 'end-reason')?.text).toBe('You ended the call.');
    expect(textOf(html)).toContain('Reason You ended the call.');
    expect(byTestId(html, 'end-reason')?.tag).not.toContain('facts__detail');
  });

  it('shows the SIP text as the reason when the end has no code', () => {
    const html = acw({ endReason: 'Terminated', endedBy: 'customer' });
    expect(byTestId(html, 'end-message')).toBeUndefined();
    expect(textOf(html)).toContain('Reason Terminated');
    expect(byTestId(html, 'end-reason')?.tag).not.toContain('facts__detail');
  });

  it('keeps Clear contact, without stealing the focus from the notes', () => {
    const html = acw({});
    const clear = buttons(html).find((b) => b.text === 'Clear contact');
    expect(clear).toBeDefined();
    expect(clear?.tag).not.toContain('autofocus');
  });
});

describe('ClosedContactView', () => {
  const closed = (contact: Partial<Contact>) =>
    renderMarkup(
      createElement(ClosedContactView, {
        contact: connectedContact({
          state: 'failed',
          direction: 'outbound',
          connectedAt: undefined,
          ...contact,
        }),
      }),
    );

  it.each([
    ['busy', '486 Busy', 'The line was busy. Try again in a few minutes.'],
    [
      'noAnswer',
      '480 Temporarily Unavailable',
      'Nobody answered, or the other side is not available right now. Try again later.',
    ],
    [
      'notFound',
      '404 Not Found',
      'Nobody has that number or extension. Check the number and dial again.',
    ],
    ['rejected', '603 Decline', 'The other side declined the call.'],
    [
      'forbidden',
      '403 Forbidden',
      'The phone server did not allow this call. Your account may not be permitted to call this number; ask your supervisor.',
    ],
    [
      'unreachable',
      '503 Service Unavailable',
      'The other side or the phone server could not be reached. Try again; if it keeps happening, tell IT.',
    ],
    [
      'unreachable',
      'Request Timeout',
      'The other side or the phone server could not be reached. Try again; if it keeps happening, tell IT.',
    ],
    ['mediaFailed', '488 Incompatible SDP', MEDIA_FAILED],
    [
      'microphoneUnavailable',
      'Microphone Unavailable (NotFoundError)',
      'Your microphone could not be opened. Check that your headset is connected.',
    ],
  ] as const)(
    'words a failed call with code %s and keeps "%s" as details',
    (code, reason, words) => {
      const html = closed({ endCode: code, endReason: reason });
      expect(byTestId(html, 'end-message')?.text).toBe(words);
      expect(byTestId(html, 'end-reason')?.text).toBe(reason);
      expect(textOf(html)).toContain(`Details ${reason}`);
    },
  );

  it('shows a failed call without a code by its SIP text alone', () => {
    const html = closed({ endReason: '500 SIP Failure Code' });
    expect(byTestId(html, 'end-message')).toBeUndefined();
    expect(textOf(html)).toContain('Reason 500 SIP Failure Code');
  });

  it('words a call that failed with the engine under it as its reason', () => {
    const html = closed({ endCode: 'engineRestarted', endedBy: 'system' });
    expect(byTestId(html, 'end-message')).toBeUndefined();
    expect(textOf(html)).toContain('Reason The phone engine restarted and the call was lost.');
  });

  it('shows neither reason nor details for a missed offer', () => {
    const html = closed({ state: 'missed', direction: 'inbound', endCode: 'ringTimeout' });
    expect(textOf(html)).toContain('Missed call');
    expect(byTestId(html, 'end-reason')).toBeUndefined();
    expect(byTestId(html, 'end-message')).toBeUndefined();
  });
});

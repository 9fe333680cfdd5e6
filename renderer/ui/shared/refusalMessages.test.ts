import { describe, expect, it } from 'vitest';
import { DialRefusalReason } from '../../../common/contract';
import { REFUSAL_MESSAGES_IN_CONTEXT, refusalMessageKey } from './refusalMessages';

describe('refusalMessageKey', () => {
  it('takes the context’s own wording first, then the shared message', () => {
    expect(refusalMessageKey('contact', 'wrapUpRequired')).toBe('reasons.wrapUpRequired');
    expect(refusalMessageKey('signOut', 'contactActive')).toBe('reasons.signOut.contactActive');
    expect(refusalMessageKey('dial', 'contactActive')).toBe('reasons.dial.contactActive');
    expect(refusalMessageKey('status', 'contactActive')).toBe('reasons.contactActive');
  });

  it("words a transfer target's dialing refusal as the number pad does, unless it has its own", () => {
    expect(refusalMessageKey('transfer', 'emergency')).toBe('reasons.dial.emergency');
    for (const reason of DialRefusalReason.options) {
      const own = REFUSAL_MESSAGES_IN_CONTEXT.transfer[reason];
      expect(refusalMessageKey('transfer', reason)).toBe(own ?? refusalMessageKey('dial', reason));
    }
    expect(refusalMessageKey('transfer', 'empty')).toBe('reasons.transfer.empty');
  });

  it('knows the refusals the UI makes itself, the DTMF schema message among them', () => {
    expect(refusalMessageKey('contact', 'dtmf.invalid')).toBe('reasons.dtmf.invalid');
    expect(refusalMessageKey('contact', 'detailsNotSaved')).toBe('reasons.detailsNotSaved');
  });

  it('never turns an unknown reason into a key path of its own', () => {
    for (const reason of ['../app.name', 'a.b.c', '', 'dial', 'constructor', 'toString'])
      expect(refusalMessageKey('contact', reason)).toBe('reasons.unknown');
  });
});

/**
 * DialLinks: what a tel:, sip: or callto: link from the OS does on the desk. A recording host
 * stands in for the desk (its dial answer, its notices, its policy).
 */
import { describe, expect, it } from 'vitest';
import type { IntentResult, Notice } from '../../../common/contract';
import type { DialLinkPolicy } from '../../dialing/dialLinkPolicy';
import { DialLinks } from './DialLinks';

interface Recorded {
  readonly dialed: string[];
  readonly notices: Array<{ level: Notice['level']; code: string; values?: Notice['values'] }>;
}

function desk(
  policy: Partial<DialLinkPolicy> = {},
  dialAnswer: IntentResult = { ok: true },
): { links: DialLinks; recorded: Recorded } {
  const recorded: Recorded = { dialed: [], notices: [] };
  const links = new DialLinks({
    dial: (target) => {
      recorded.dialed.push(target);
      return dialAnswer;
    },
    notice: (level, code, values) =>
      void recorded.notices.push(values ? { level, code, values } : { level, code }),
    policy: () => ({
      autoDialCallto: false,
      ownDomain: 'openccp.test',
      rules: { defaultCountry: 'US' },
      ...policy,
    }),
  });
  return { links, recorded };
}

describe('DialLinks', () => {
  it('puts a tel: link on the number pad without dialing or a notice', () => {
    const { links, recorded } = desk();
    expect(links.open('tel:+17347644357')).toEqual({ ok: true });
    expect(links.draft).toEqual({ target: '+17347644357', seq: 1 });
    expect(recorded).toEqual({ dialed: [], notices: [] });
  });

  it('has no draft before the first link', () => {
    expect(desk().links.draft).toBeUndefined();
  });

  it('numbers each link so the same number fills the pad again', () => {
    const { links } = desk();
    links.open('tel:+17347644357');
    links.open('tel:+17347644357');
    expect(links.draft).toEqual({ target: '+17347644357', seq: 2 });
  });

  it('refuses a link it cannot read, with the dialLinkInvalid notice, and keeps the pad', () => {
    const { links, recorded } = desk();
    links.open('tel:+17347644357');
    expect(links.open('mailto:agent@example.com')).toEqual({ ok: false, reason: 'invalid' });
    expect(recorded.notices).toEqual([{ level: 'warning', code: 'dialLinkInvalid' }]);
    expect(links.draft).toEqual({ target: '+17347644357', seq: 1 });
  });

  it('refuses an emergency number from a link with its reason, leaving the pad empty', () => {
    const { links, recorded } = desk();
    expect(links.open('tel:911')).toEqual({ ok: false, reason: 'emergency' });
    expect(recorded.notices).toEqual([
      { level: 'warning', code: 'dialLinkRefused', values: { reason: 'emergency' } },
    ]);
    expect(links.draft).toBeUndefined();
    expect(recorded.dialed).toEqual([]);
  });

  it('refuses a SIP address outside the agent own domain', () => {
    const { links, recorded } = desk();
    expect(links.open('sip:bob@elsewhere.example')).toEqual({
      ok: false,
      reason: 'offDomainLink',
    });
    expect(recorded.notices[0]?.values).toEqual({ reason: 'offDomainLink' });
  });

  it('dials a callto: link at once when the profile allows it, without touching the pad', () => {
    const { links, recorded } = desk({ autoDialCallto: true });
    expect(links.open('callto:+17347644357')).toEqual({ ok: true });
    expect(recorded.dialed).toEqual(['+17347644357']);
    expect(links.draft).toBeUndefined();
    expect(recorded.notices).toEqual([]);
  });

  it('only fills the pad with a callto: link when the profile does not allow auto-dial', () => {
    const { links, recorded } = desk({ autoDialCallto: false });
    links.open('callto:+17347644357');
    expect(recorded.dialed).toEqual([]);
    expect(links.draft).toEqual({ target: '+17347644357', seq: 1 });
  });

  it('falls back to the pad, saying why, when the desk cannot dial the callto: link now', () => {
    const { links, recorded } = desk(
      { autoDialCallto: true },
      { ok: false, reason: 'contactActive' },
    );
    expect(links.open('callto:+17347644357')).toEqual({ ok: true });
    expect(recorded.dialed).toEqual(['+17347644357']);
    expect(recorded.notices).toEqual([
      { level: 'warning', code: 'dialLinkRefused', values: { reason: 'contactActive' } },
    ]);
    expect(links.draft).toEqual({ target: '+17347644357', seq: 1 });
  });
});

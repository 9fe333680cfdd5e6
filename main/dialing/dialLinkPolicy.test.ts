import { describe, expect, it } from 'vitest';
import { parseDialLink } from './dialLink';
import { judgeDialLink, sipDomainOf, type DialLinkPolicy } from './dialLinkPolicy';

const POLICY: DialLinkPolicy = {
  autoDialCallto: false,
  ownDomain: 'openccp.test',
  rules: { defaultCountry: 'US' },
};

function judge(url: string, policy: Partial<DialLinkPolicy> = {}) {
  const link = parseDialLink(url);
  if (!link) throw new Error(`not a dial link: ${url}`);
  return judgeDialLink(link, { ...POLICY, ...policy });
}

describe('judgeDialLink: fill in the number pad or dial', () => {
  it.each(['callto:+17347644357', 'tel:+17347644357', 'sip:+17347644357@openccp.test'])(
    '%s only fills in the number pad by default',
    (url) => {
      expect(judge(url)).toMatchObject({ action: 'prefill' });
    },
  );

  it('prefills callto:+17347644357 with the number as the link gave it', () => {
    expect(judge('callto:+17347644357')).toEqual({ action: 'prefill', target: '+17347644357' });
  });

  it('dials a callto: link at once only when the profile sets autoDial', () => {
    expect(judge('callto:+17347644357', { autoDialCallto: true })).toEqual({
      action: 'dial',
      target: '+17347644357',
    });
  });

  it.each(['tel:+17347644357', 'sip:alice@openccp.test'])(
    '%s still only prefills with autoDial: the profile switch is for callto: alone',
    (url) => {
      expect(judge(url, { autoDialCallto: true })).toMatchObject({ action: 'prefill' });
    },
  );
});

describe('judgeDialLink: refused by the dialing rules', () => {
  it('refuses callto:+19005550123 as premium-rate with allowedCountries US', () => {
    expect(
      judge('callto:+19005550123', {
        autoDialCallto: true,
        rules: { defaultCountry: 'US', allowedCountries: ['US'] },
      }),
    ).toEqual({ action: 'refuse', reason: 'premiumRate' });
  });

  it('refuses tel:+34901123456 as shared-cost', () => {
    expect(judge('tel:+34901123456')).toEqual({ action: 'refuse', reason: 'sharedCost' });
  });

  it('refuses an emergency number and a number outside the allowed countries', () => {
    expect(judge('tel:911')).toEqual({ action: 'refuse', reason: 'emergency' });
    expect(
      judge('callto:+442071838750', { rules: { defaultCountry: 'US', allowedCountries: ['US'] } }),
    ).toEqual({ action: 'refuse', reason: 'countryNotAllowed' });
  });

  it('lets a premium-rate link through to the pad when the profile allows premium numbers', () => {
    expect(
      judge('callto:+19005550123', { rules: { defaultCountry: 'US', allowPremiumRate: true } }),
    ).toEqual({ action: 'prefill', target: '+19005550123' });
  });
});

describe('judgeDialLink: SIP addresses from links stay in the own domain', () => {
  it('refuses callto:someone@other.example as off-domain', () => {
    expect(judge('callto:someone@other.example', { autoDialCallto: true })).toEqual({
      action: 'refuse',
      reason: 'offDomainLink',
    });
  });

  it('refuses sip: and sips: links to another domain, including a subdomain of the own one', () => {
    expect(judge('sip:alice@evil.example')).toMatchObject({ reason: 'offDomainLink' });
    expect(judge('sips:alice@openccp.test.evil.example')).toMatchObject({
      reason: 'offDomainLink',
    });
    expect(judge('sip:alice@sub.openccp.test')).toMatchObject({ reason: 'offDomainLink' });
  });

  it('accepts the own domain in any case, and a bare user name (completed with it)', () => {
    expect(judge('sip:alice@OpenCCP.Test')).toEqual({
      action: 'prefill',
      target: 'sip:alice@openccp.test',
    });
    expect(judge('callto:alice')).toEqual({ action: 'prefill', target: 'alice' });
  });

  it('refuses any SIP address with a domain while the own domain is not known (signed out)', () => {
    expect(judge('sip:alice@openccp.test', { ownDomain: undefined })).toMatchObject({
      reason: 'offDomainLink',
    });
  });
});

describe('sipDomainOf', () => {
  it('reads the lower-cased host of the agent SIP address, with or without the scheme', () => {
    expect(sipDomainOf('sip:agent1@OpenCCP.test')).toBe('openccp.test');
    expect(sipDomainOf('agent1@openccp.test:5061')).toBe('openccp.test');
    expect(sipDomainOf(undefined)).toBeUndefined();
  });
});

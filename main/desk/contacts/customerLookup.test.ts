import { describe, expect, it } from 'vitest';
import { customerLookupUrl, e164Of, isLookupTemplate } from './customerLookup';

const CRM = 'https://crm.example/search?phone={e164}';

describe('customerLookupUrl', () => {
  it('fills {e164} with the number in E.164, URL-encoded', () => {
    expect(customerLookupUrl(CRM, '+442071838750', 'US')).toEqual({
      ok: true,
      url: 'https://crm.example/search?phone=%2B442071838750',
    });
  });

  it('reads a national number with the default country', () => {
    expect(customerLookupUrl(CRM, '020 7183 8750', 'GB')).toEqual({
      ok: true,
      url: 'https://crm.example/search?phone=%2B442071838750',
    });
    expect(customerLookupUrl(CRM, '(734) 764-4357', 'US')).toEqual({
      ok: true,
      url: 'https://crm.example/search?phone=%2B17347644357',
    });
  });

  it('fills {number} with the caller id as the call had it, URL-encoded', () => {
    expect(
      customerLookupUrl('https://crm.example/find/{number}?src=ccp', 'customer 1&x=2', 'US'),
    ).toEqual({ ok: true, url: 'https://crm.example/find/customer%201%26x%3D2?src=ccp' });
  });

  it('fills every placeholder, in the path and the query', () => {
    expect(
      customerLookupUrl('http://crm.local/c/{e164}?q={e164}&raw={number}', '+17347644357', 'US'),
    ).toEqual({
      ok: true,
      url: 'http://crm.local/c/%2B17347644357?q=%2B17347644357&raw=%2B17347644357',
    });
  });

  it('refuses {e164} for a caller id that is no phone number', () => {
    expect(customerLookupUrl(CRM, 'customer1', 'US')).toEqual({
      ok: false,
      reason: 'lookupNoNumber',
    });
    expect(customerLookupUrl(CRM, '1002', 'US')).toEqual({ ok: false, reason: 'lookupNoNumber' });
  });

  it('refuses a template that is not http or https', () => {
    for (const template of [
      'javascript:alert({e164})',
      'file:///etc/{number}',
      'crm://search/{e164}',
      'data:text/html,{number}',
      '/relative/{e164}',
    ]) {
      expect(customerLookupUrl(template, '+17347644357', 'US'), template).toEqual({
        ok: false,
        reason: 'linkNotAllowed',
      });
    }
  });

  it('refuses a template whose host the number would choose', () => {
    expect(customerLookupUrl('https://{number}.crm.example/', '17347644357', 'US')).toEqual({
      ok: false,
      reason: 'linkNotAllowed',
    });
    expect(customerLookupUrl('https://{number}/x', 'evil.example', 'US')).toEqual({
      ok: false,
      reason: 'linkNotAllowed',
    });
  });

  it('refuses credentials in the URL', () => {
    expect(
      customerLookupUrl('https://user:pw@crm.example/?p={e164}', '+17347644357', 'US'),
    ).toEqual({ ok: false, reason: 'linkNotAllowed' });
  });
});

describe('isLookupTemplate', () => {
  it('accepts http(s) templates and refuses other schemes and nonsense', () => {
    expect(isLookupTemplate(CRM)).toBe(true);
    expect(isLookupTemplate('http://crm.local/{number}')).toBe(true);
    expect(isLookupTemplate('javascript:void({e164})')).toBe(false);
    expect(isLookupTemplate('not a url {e164}')).toBe(false);
  });
});

describe('e164Of', () => {
  it('reads digits a gateway sent without their "+" as an international number', () => {
    expect(e164Of('442071838750', 'US')).toBe('+442071838750');
    expect(e164Of('tel:+442071838750', 'US')).toBe('+442071838750');
  });

  it('has none for SIP users, extensions and invalid numbers', () => {
    expect(e164Of('customer1', 'US')).toBeUndefined();
    expect(e164Of('1002', 'US')).toBeUndefined();
    expect(e164Of('+1555', 'US')).toBeUndefined();
    expect(e164Of('', 'US')).toBeUndefined();
  });
});

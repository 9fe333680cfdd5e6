/**
 * Customer lookup (D8), the finer rules: which caller ids read as a phone number, how the
 * number is written into the URL, and which templates and URLs are refused.
 * The main cases are in customerLookup.test.ts, the desk's side in customerLookupDesk.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { customerLookupUrl, e164Of, isLookupTemplate } from './customerLookup';

const CRM = 'https://crm.example/search?phone={e164}';

describe('customerLookupUrl, the number written in', () => {
  it('fills {number} with the caller id without the blanks around it', () => {
    expect(
      customerLookupUrl('https://crm.example/find?caller={number}', '  customer1 ', 'US'),
    ).toEqual({ ok: true, url: 'https://crm.example/find?caller=customer1' });
  });

  it('fills {e164} for a gateway number sent with spaces and without its "+"', () => {
    expect(customerLookupUrl(CRM, '44 20 7183 8750', 'US')).toEqual({
      ok: true,
      url: 'https://crm.example/search?phone=%2B442071838750',
    });
  });
});

describe('customerLookupUrl, refusals', () => {
  it('refuses a user name in the URL, even without a password', () => {
    expect(customerLookupUrl('https://agent@crm.example/?p={e164}', '+17347644357', 'US')).toEqual({
      ok: false,
      reason: 'linkNotAllowed',
    });
  });

  it('refuses a password in the URL, even without a user name', () => {
    expect(
      customerLookupUrl('https://:secret@crm.example/?p={e164}', '+17347644357', 'US'),
    ).toEqual({ ok: false, reason: 'linkNotAllowed' });
  });

  it('refuses a template with the number in its host or port, even for a caller id "0"', () => {
    for (const template of [
      'https://crm{number}.example/search',
      'http://crm.example:8{number}/',
    ]) {
      expect(customerLookupUrl(template, '0', 'US'), template).toEqual({
        ok: false,
        reason: 'linkNotAllowed',
      });
    }
  });

  it('refuses {e164} for a one-digit caller id', () => {
    expect(customerLookupUrl(CRM, '7', 'US')).toEqual({ ok: false, reason: 'lookupNoNumber' });
  });
});

describe('isLookupTemplate', () => {
  it('refuses a template that puts the number in the port: no number makes it a URL', () => {
    expect(isLookupTemplate('https://crm.example:{number}/search')).toBe(false);
    expect(isLookupTemplate('https://crm.example:{e164}/search')).toBe(false);
  });

  it('refuses at load a template that lets the number choose the host', () => {
    expect(isLookupTemplate('https://{number}.crm.example/search')).toBe(false);
    expect(isLookupTemplate('https://crm-{e164}.example/search')).toBe(false);
    expect(isLookupTemplate('https://{number}/search')).toBe(false);
  });

  it('accepts at load a template with the number anywhere after the host', () => {
    expect(isLookupTemplate('https://crm.example:8443/c/{number}?q={e164}#{number}')).toBe(true);
  });

  it('refuses a template with a user name or a password in it', () => {
    expect(isLookupTemplate('https://agent@crm.example/?p={e164}')).toBe(false);
    expect(isLookupTemplate('https://:secret@crm.example/?p={e164}')).toBe(false);
  });
});

describe('e164Of, which caller ids are phone numbers', () => {
  it('has none for a SIP user name with a phone number inside it', () => {
    expect(e164Of('customer442071838750', 'US')).toBeUndefined();
  });

  it('reads "tel:" only as a prefix: a caller id with "tel:" inside it is a SIP user', () => {
    expect(e164Of('tel:442071838750', 'US')).toBe('+442071838750');
    expect(e164Of('44tel:2071838750', 'US')).toBeUndefined();
  });

  it('has none for a caller id too short for any phone number', () => {
    expect(e164Of('7', 'US')).toBeUndefined();
  });

  it('reads eight digits sent without their "+" as an international number', () => {
    // +290 22222: Saint Helena, a country with five-digit numbers.
    expect(e164Of('29022222', 'US')).toBe('+29022222');
  });

  it('keeps fewer than eight digits without "+" local, though some country has such numbers', () => {
    // +683 4002 would be Niue; seven digits here are an extension or a local number.
    expect(e164Of('6834002', 'US')).toBeUndefined();
  });

  it('does not guess at a number written with its "+" that is not valid as written', () => {
    expect(e164Of('++442071838750', 'US')).toBeUndefined();
    expect(e164Of('  ++442071838750 ', 'US')).toBeUndefined();
  });

  it('has none for digits sent without "+" that no country code starts', () => {
    expect(e164Of('00000000', 'US')).toBeUndefined();
  });
});

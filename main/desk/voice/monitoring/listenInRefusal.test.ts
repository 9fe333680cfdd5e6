import { describe, expect, it } from 'vitest';
import { addressOf, listenInRefusal } from './listenInRefusal';

const SETTINGS = { supervisors: ['sip:Supervisor1@openccp.test'] };

function request(uri: string, assertedIdentity?: string) {
  return {
    type: 'monitor-request' as const,
    callId: 'm1',
    from: { user: 'supervisor1', uri, displayName: 'Sup' },
    ...(assertedIdentity !== undefined ? { assertedIdentity } : {}),
  };
}

describe('listen-in requests', () => {
  it('are answered from a listed supervisor the server vouches for, while on a call', () => {
    const listed = request('sip:supervisor1@openccp.test', '<sip:supervisor1@openccp.test>');
    expect(listenInRefusal(listed, SETTINGS, true)).toBeUndefined();
  });

  it('are refused from anyone the profile does not list', () => {
    const other = request('sip:customer2@openccp.test', '<sip:customer2@openccp.test>');
    expect(listenInRefusal(other, SETTINGS, true)).toBe('notSupervisor');
  });

  it('are refused when the server asserted no identity (a From anyone could type)', () => {
    expect(listenInRefusal(request('sip:supervisor1@openccp.test'), SETTINGS, true)).toBe(
      'notAsserted',
    );
  });

  it('are refused when the asserted identity is someone else than the From', () => {
    const spoofed = request('sip:supervisor1@openccp.test', 'sip:customer2@openccp.test');
    expect(listenInRefusal(spoofed, SETTINGS, true)).toBe('notAsserted');
  });

  it('are refused when the agent is not on a call', () => {
    const listed = request('sip:supervisor1@openccp.test', 'sip:supervisor1@openccp.test');
    expect(listenInRefusal(listed, SETTINGS, false)).toBe('noCall');
  });

  it('are refused by an empty supervisor list, the default', () => {
    const listed = request('sip:supervisor1@openccp.test', 'sip:supervisor1@openccp.test');
    expect(listenInRefusal(listed, { supervisors: [] }, true)).toBe('notSupervisor');
  });

  it('are refused from an unreadable address even when a supervisor entry is unreadable too', () => {
    // A typo in the profile (no sip: scheme) must not let in a caller with no SIP address.
    const typo = { supervisors: ['supervisor1@openccp.test'] };
    const phone = request('tel:+15551234', 'tel:+15551234');
    expect(listenInRefusal(phone, typo, true)).toBe('notSupervisor');
  });

  it("are refused from another scheme's URI that only carries a supervisor's address", () => {
    const carried = 'tel:+15551234;owner=sip:supervisor1@openccp.test';
    expect(listenInRefusal(request(carried, carried), SETTINGS, true)).toBe('notSupervisor');
  });

  it('are answered for a supervisor the profile lists with stray spaces around the address', () => {
    const spaced = { supervisors: ['  sip:supervisor1@openccp.test '] };
    const listed = request('sip:supervisor1@openccp.test', 'sip:supervisor1@openccp.test');
    expect(listenInRefusal(listed, spaced, true)).toBeUndefined();
  });
});

describe('addressOf', () => {
  it('reduces a SIP address to sip:user@host in lower case', () => {
    expect(addressOf('"Sup" <sips:Sup1@Example.COM:5061;transport=ws>')).toBe(
      'sip:sup1@example.com',
    );
    expect(addressOf('sip:a@b;tag=1')).toBe('sip:a@b');
  });

  it('gives nothing for what is not a SIP address', () => {
    expect(addressOf('tel:+15551234')).toBe('');
    expect(addressOf('')).toBe('');
  });

  it('reads only an address that starts with the SIP scheme', () => {
    expect(addressOf('xsip:a@b')).toBe('');
    expect(addressOf('tel:+15551234;owner=sip:a@b')).toBe('');
  });

  it('reads an address with spaces around it, inside brackets or not', () => {
    expect(addressOf('  sip:A@B ')).toBe('sip:a@b');
    expect(addressOf('"Sup" < sip:a@b >')).toBe('sip:a@b');
  });
});

import { describe, expect, it } from 'vitest';
import { MAX_PIDF_BYTES, readNotifyBody, readPidf, writePidf } from './pidf';

/** As Kamailio's presence_xml aggregates a publication for its watchers. */
const KAMAILIO_OPEN = `<?xml version="1.0"?>
<presence xmlns="urn:ietf:params:xml:ns:pidf" entity="sip:agent2@openccp.test">
  <tuple id="openccp"><status><basic>open</basic></status><note>Available</note></tuple>
</presence>`;

describe('readPidf', () => {
  it('reads an open tuple as available, with its note', () => {
    expect(readPidf(KAMAILIO_OPEN)).toEqual({ state: 'available', note: 'Available' });
  });

  it('reads closed with an RPID away person as away, whatever prefixes the server chose', () => {
    const body = `<presence xmlns="urn:ietf:params:xml:ns:pidf"
      xmlns:pdm="urn:ietf:params:xml:ns:pidf:data-model" xmlns:r="urn:ietf:params:xml:ns:pidf:rpid"
      entity="sip:a@x"><tuple id="t"><status><basic>closed</basic></status></tuple>
      <pdm:person id="p"><r:activities><r:away/></r:activities><pdm:note>Lunch</pdm:note></pdm:person>
    </presence>`;
    expect(readPidf(body)).toEqual({ state: 'away', note: 'Lunch' });
  });

  it('reads closed without away, and a document with nothing published, as offline', () => {
    const closed = KAMAILIO_OPEN.replace('>open<', '>closed<').replace('Available', 'Offline');
    expect(readPidf(closed)).toEqual({ state: 'offline', note: 'Offline' });
    expect(readPidf('<presence xmlns="urn:ietf:params:xml:ns:pidf" entity="sip:a@x"/>')).toEqual({
      state: 'offline',
    });
  });

  it('is available when any of several tuples is open (two devices, one signed in)', () => {
    const two = KAMAILIO_OPEN.replace(
      '<tuple id="openccp">',
      '<tuple id="desk"><status><basic>closed</basic></status></tuple><tuple id="openccp">',
    );
    expect(readPidf(two)?.state).toBe('available');
  });

  it('does not read what is not PIDF: other XML, broken XML, oversized bodies', () => {
    expect(readPidf('<dialog-info/>')).toBeUndefined();
    expect(readPidf('<presence><tuple>')).toBeUndefined();
    expect(readPidf('not xml')).toBeUndefined();
    expect(readPidf(KAMAILIO_OPEN + ' '.repeat(MAX_PIDF_BYTES))).toBeUndefined();
  });

  it('does not expand entities a hostile body declares', () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE p [<!ENTITY a "AAAAAAAAAA">]>
      <presence><tuple id="t"><status><basic>open</basic></status><note>&a;&a;</note></tuple></presence>`;
    const reading = readPidf(bomb);
    expect(reading?.note ?? '').not.toContain('AAAA');
  });

  it('bounds a note to 64 characters', () => {
    const long = KAMAILIO_OPEN.replace('Available', 'x'.repeat(500));
    expect(readPidf(long)?.note).toHaveLength(64);
  });
});

describe('readNotifyBody', () => {
  it('reads an empty NOTIFY (nothing published) as offline, and a PIDF as readPidf does', () => {
    expect(readNotifyBody(undefined)).toEqual({ state: 'offline' });
    expect(readNotifyBody('  \r\n')).toEqual({ state: 'offline' });
    expect(readNotifyBody(KAMAILIO_OPEN)?.state).toBe('available');
    expect(readNotifyBody('<dialog-info/>')).toBeUndefined();
  });
});

describe('writePidf', () => {
  it('writes what readPidf reads back, for each kind of desk status', () => {
    const entity = 'sip:agent1@openccp.test';
    expect(readPidf(writePidf(entity, { basic: 'open', note: 'Available', away: false }))).toEqual({
      state: 'available',
      note: 'Available',
    });
    expect(readPidf(writePidf(entity, { basic: 'closed', note: 'Break', away: true }))).toEqual({
      state: 'away',
      note: 'Break',
    });
    expect(readPidf(writePidf(entity, { basic: 'closed', note: 'Offline', away: false }))).toEqual({
      state: 'offline',
      note: 'Offline',
    });
  });

  it('escapes a status label that looks like markup', () => {
    const body = writePidf('sip:a@x', { basic: 'closed', note: '<b>&"', away: true });
    expect(body).toContain('&lt;b&gt;&amp;&quot;');
    expect(body).not.toContain('<b>');
  });
});

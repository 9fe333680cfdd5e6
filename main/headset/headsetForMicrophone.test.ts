import { describe, expect, it } from 'vitest';
import { headsetForMicrophone } from './headsetForMicrophone';

const jabra = { path: 'a', vendorId: 0x0b0e, productId: 0x0307, product: 'Jabra EVOLVE LINK MS' };
const poly = { path: 'b', vendorId: 0x047f, productId: 0x02ec, product: 'Poly Voyager Base CD' };
const epos = { path: 'c', vendorId: 0x1395, productId: 0x00a2, product: 'EPOS IMPACT DW' };
const bare = { path: 'd', vendorId: 0x1234, productId: 0x0001, product: 'Headset' };
const phones = [jabra, poly, epos, bare];

describe('headsetForMicrophone', () => {
  it("picks the headset whose USB ids end the microphone's label, whatever the names say", () => {
    const microphone = { label: 'Microphone (Voyager Base) (047f:02ec)', groupId: 'g1' };
    expect(headsetForMicrophone(phones, microphone)).toBe(poly);
  });

  it('reads the USB ids from the speaker of the same physical device when the microphone has none', () => {
    const microphone = { label: 'Headset Microphone', groupId: 'g2' };
    const devices = [
      { label: 'Headset Earphone (1395:00a2)', groupId: 'g2' },
      { label: 'Speakers (047f:02ec)', groupId: 'other' },
    ];
    expect(headsetForMicrophone(phones, microphone, devices)).toBe(epos);
  });

  it('falls back to the product name as words inside the label, past the OS role prefix', () => {
    const microphone = { label: 'Default - Jabra EVOLVE LINK MS Mono', groupId: '' };
    expect(headsetForMicrophone(phones, microphone)).toBe(jabra);
  });

  it('ignores a group id that is empty: devices without one are not one device', () => {
    const microphone = { label: 'Built-in Microphone', groupId: '' };
    const devices = [{ label: 'Jabra EVOLVE LINK MS (0b0e:0307)', groupId: '' }];
    expect(headsetForMicrophone(phones, microphone, devices)).toBeUndefined();
  });

  it('matches nothing for a one-word product name, a name split by other words, or USB ids of no headset', () => {
    expect(
      headsetForMicrophone([bare], { label: 'USB Headset Mic', groupId: 'x' }),
    ).toBeUndefined();
    expect(
      headsetForMicrophone([jabra], { label: 'Jabra Speak EVOLVE LINK', groupId: 'x' }),
    ).toBeUndefined();
    expect(
      headsetForMicrophone(phones, { label: 'Blue Yeti (b58e:9e84)', groupId: 'x' }),
    ).toBeUndefined();
  });

  it('chooses nothing when no microphone is chosen', () => {
    expect(headsetForMicrophone(phones, undefined)).toBeUndefined();
  });

  it('tells two headsets of one vendor apart by product id, and two of one product id by vendor', () => {
    const jabraOther = { ...jabra, path: 'e', productId: 0x2e56, product: 'Jabra Link 380' };
    const sameProduct = { ...jabra, path: 'f', vendorId: 0x1234, product: 'Other Phone' };
    const microphone = { label: 'Microphone (Jabra EVOLVE) (0b0e:0307)', groupId: 'g' };
    expect(headsetForMicrophone([jabraOther, sameProduct, jabra], microphone)).toBe(jabra);
  });

  it('goes on to the next label of the group when one names the USB ids of no headset', () => {
    const microphone = { label: 'USB Audio Microphone (0d8c:0014)', groupId: 'g3' };
    const devices = [{ label: 'Headset Earphone (047f:02ec)', groupId: 'g3' }];
    expect(headsetForMicrophone(phones, microphone, devices)).toBe(poly);
  });

  it('reads only the labels of the microphone group, whatever device is listed first', () => {
    const microphone = { label: 'Headset Microphone', groupId: 'g4' };
    const devices = [
      { label: 'Speakers (047f:02ec)', groupId: 'other' },
      { label: 'Headset Earphone (1395:00a2)', groupId: 'g4' },
    ];
    expect(headsetForMicrophone(phones, microphone, devices)).toBe(epos);
  });

  it('reads USB ids followed by trailing spaces, but not USB ids in the middle of a label', () => {
    expect(headsetForMicrophone(phones, { label: 'Mic (047f:02ec)  ', groupId: '' })).toBe(poly);
    const middle = { label: 'Line In (047f:02ec) via Jabra EVOLVE LINK MS', groupId: '' };
    expect(headsetForMicrophone(phones, middle)).toBe(jabra);
  });

  it('matches the product name whatever its case, and at the very end of the label', () => {
    const microphone = { label: 'Headset Microphone - jabra evolve link ms', groupId: '' };
    expect(headsetForMicrophone(phones, microphone)).toBe(jabra);
  });

  it('matches a product name of exactly two words', () => {
    const yealink = { path: 'y', vendorId: 0x6993, productId: 0xb02b, product: 'Yealink WH66' };
    const microphone = { label: 'Headset Microphone (Yealink WH66)', groupId: '' };
    expect(headsetForMicrophone([yealink], microphone)).toBe(yealink);
  });

  it('matches the product name in one label of the group even when the others lack it', () => {
    const microphone = { label: 'Headset Microphone', groupId: 'g5' };
    const devices = [{ label: 'Speakers - Poly Voyager Base CD', groupId: 'g5' }];
    expect(headsetForMicrophone(phones, microphone, devices)).toBe(poly);
  });
});

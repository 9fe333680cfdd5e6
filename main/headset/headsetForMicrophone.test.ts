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
});

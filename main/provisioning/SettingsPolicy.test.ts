/** SettingsPolicy: what IT may set for the agent's own settings, and nothing it did not set. */
import { describe, expect, it } from 'vitest';
import { SettingsPolicy, settingsPolicyOf } from './SettingsPolicy';

const accepts = (json: unknown) => SettingsPolicy.safeParse(json).success;

describe('SettingsPolicy', () => {
  it('keeps a device name as the OS lists it, without the spaces around it', () => {
    expect(SettingsPolicy.parse({ audio: { microphone: '  Jabra Evolve2 65 ' } })).toEqual({
      audio: { microphone: 'Jabra Evolve2 65' },
    });
  });

  it('refuses a device name of only spaces', () => {
    expect(accepts({ audio: { speaker: '   ' } })).toBe(false);
  });

  it('takes an https update server and refuses any other scheme that merely contains https', () => {
    expect(accepts({ updates: { url: 'https://updates.example.com/openccp/' } })).toBe(true);
    for (const url of [
      'http://updates.example.com/',
      'xhttps://updates.example.com/',
      'httpsx://updates.example.com/',
    ]) {
      expect(accepts({ updates: { url } }), url).toBe(false);
    }
  });

  it('takes a headset as four hex digits, a colon and four hex digits, in either case', () => {
    for (const headset of ['0b0e:24c8', '0B0E:24C8']) {
      expect(SettingsPolicy.parse({ headset })).toEqual({ headset });
    }
  });

  it('refuses a headset id with digits missing, extra, or not hex', () => {
    for (const headset of [
      'b0e:24c8',
      '0b0e:4c8',
      '00b0e:24c8',
      '0b0e:24c80',
      'x0b0e:24c8',
      '0b0e:24c8x',
      '0g0e:24c8',
      '0b0e:24g8',
      '0b0e24c8',
    ]) {
      expect(accepts({ headset }), headset).toBe(false);
    }
  });
});

describe('settingsPolicyOf', () => {
  it('is empty without a policy', () => {
    expect(settingsPolicyOf(undefined)).toStrictEqual({});
  });

  it('keeps only the settings keys IT set, with no other keys present at all', () => {
    const picked = settingsPolicyOf({
      servers: ['wss://sip.example.com'],
      permissions: { outbound: false },
      language: 'it',
      headset: '0b0e:24c8',
    });
    expect(picked).toStrictEqual({ language: 'it', headset: '0b0e:24c8' });
    // A key present as undefined would lock that setting in mergePolicy's eyes.
    expect(Object.keys(picked).sort()).toEqual(['headset', 'language']);
  });

  it('has no keys for a policy that sets only profile keys', () => {
    expect(Object.keys(settingsPolicyOf({ dtmf: 'info' }))).toEqual([]);
  });
});

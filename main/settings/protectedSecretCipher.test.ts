import { describe, expect, it } from 'vitest';
import {
  isProtectedStorage,
  protectedSecretCipher,
  type SafeStorageLike,
} from './protectedSecretCipher';

/** A stand-in for Electron's safeStorage: same methods, a reversible "encryption". */
function storage(available: boolean, backend?: string): SafeStorageLike {
  return {
    isEncryptionAvailable: () => available,
    ...(backend === undefined ? {} : { getSelectedStorageBackend: () => backend }),
    encryptString: (plain) => Buffer.from([...plain].reverse().join(''), 'utf8'),
    decryptString: (encrypted) => [...encrypted.toString('utf8')].reverse().join(''),
  };
}

describe('isProtectedStorage', () => {
  it('refuses Linux basic_text: safeStorage would use its fixed key', () => {
    expect(isProtectedStorage(storage(true, 'basic_text'), 'linux')).toBe(false);
  });

  it('refuses Linux when the backend is unknown or not reported', () => {
    expect(isProtectedStorage(storage(true, 'unknown'), 'linux')).toBe(false);
    expect(isProtectedStorage(storage(true), 'linux')).toBe(false);
  });

  it.each(['gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6'])(
    'accepts the Linux keyring backend %s',
    (backend) => {
      expect(isProtectedStorage(storage(true, backend), 'linux')).toBe(true);
    },
  );

  it('accepts Windows (DPAPI) and macOS (Keychain) when encryption is available', () => {
    expect(isProtectedStorage(storage(true), 'win32')).toBe(true);
    expect(isProtectedStorage(storage(true), 'darwin')).toBe(true);
  });

  it('refuses any platform where encryption is not available', () => {
    expect(isProtectedStorage(storage(false, 'gnome_libsecret'), 'linux')).toBe(false);
    expect(isProtectedStorage(storage(false), 'win32')).toBe(false);
  });
});

describe('protectedSecretCipher', () => {
  it('is unavailable over basic_text, so SignInMemoryStore saves no password', () => {
    expect(protectedSecretCipher(storage(true, 'basic_text'), 'linux').isAvailable()).toBe(false);
  });

  it('round-trips a secret through the storage as base64', () => {
    const cipher = protectedSecretCipher(storage(true, 'gnome_libsecret'), 'linux');
    const encoded = cipher.encrypt('hunter-two');
    expect(encoded).toBe(Buffer.from('owt-retnuh').toString('base64'));
    expect(cipher.decrypt(encoded)).toBe('hunter-two');
  });
});

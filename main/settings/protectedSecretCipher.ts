/**
 * The SecretCipher over Electron's safeStorage, and the one decision that matters: whether what
 * it produces is really protected. On Linux without a keyring (no gnome-keyring, no KWallet:
 * many kiosks and thin clients) Chromium falls back to the 'basic_text' backend, which
 * "encrypts" with a key hard-coded in Chromium, so a saved password would be as good as plain
 * text in settings.json. There the cipher says it is unavailable: the password is not saved and
 * the agent is told so (SignInMemory, notice passwordNotRemembered).
 *
 * The safeStorage object is passed in (this file never imports Electron), so the decision is
 * unit-tested with a stand-in of the same shape.
 */
import type { SecretCipher } from './SecretCipher';

/** The part of Electron's `safeStorage` used here, with its own names and types. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  /** Linux only in Electron; 'basic_text' is the hard-coded key, 'unknown' before app ready. */
  getSelectedStorageBackend?(): string;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

/** Linux backends that keep the key outside the app (a keyring); anything else is not safe. */
const LINUX_KEYRING_BACKENDS: ReadonlySet<string> = new Set([
  'gnome_libsecret',
  'kwallet',
  'kwallet5',
  'kwallet6',
]);

/** Whether a secret encrypted by `storage` is protected by the OS (DPAPI, Keychain, keyring). */
export function isProtectedStorage(storage: SafeStorageLike, platform: NodeJS.Platform): boolean {
  if (!storage.isEncryptionAvailable()) return false;
  if (platform !== 'linux') return true;
  const backend = storage.getSelectedStorageBackend?.();
  return backend !== undefined && LINUX_KEYRING_BACKENDS.has(backend);
}

export function protectedSecretCipher(
  storage: SafeStorageLike,
  platform: NodeJS.Platform,
): SecretCipher {
  return {
    isAvailable: () => isProtectedStorage(storage, platform),
    encrypt: (plain) => storage.encryptString(plain).toString('base64'),
    decrypt: (encoded) => storage.decryptString(Buffer.from(encoded, 'base64')),
  };
}

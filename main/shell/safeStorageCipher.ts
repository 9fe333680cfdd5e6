import { safeStorage } from 'electron';
import type { SecretCipher } from '../settings/SecretCipher';

/** Passwords at rest through the OS keychain (DPAPI, Keychain, libsecret/kwallet). */
export const safeStorageCipher: SecretCipher = {
  isAvailable: () => safeStorage.isEncryptionAvailable(),
  encrypt: (plain) => safeStorage.encryptString(plain).toString('base64'),
  decrypt: (encoded) => safeStorage.decryptString(Buffer.from(encoded, 'base64')),
};

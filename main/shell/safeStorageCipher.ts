import { safeStorage } from 'electron';
import { protectedSecretCipher } from '../settings/protectedSecretCipher';
import type { SecretCipher } from '../settings/SecretCipher';

/**
 * Passwords at rest through the OS keychain (DPAPI, Keychain, libsecret/kwallet), and not at
 * all where safeStorage would fall back to its fixed key (protectedSecretCipher).
 */
export const safeStorageCipher: SecretCipher = protectedSecretCipher(safeStorage, process.platform);

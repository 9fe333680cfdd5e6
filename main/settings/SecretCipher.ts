/**
 * Encrypts secrets at rest. In the app it is Electron's safeStorage (DPAPI, Keychain, libsecret);
 * the test harness, which has no Electron binary, uses an in-memory AES key instead.
 */
export interface SecretCipher {
  /** False when the OS offers no protected storage: the password is then not saved at all. */
  isAvailable(): boolean;
  encrypt(plain: string): string;
  decrypt(encoded: string): string;
}

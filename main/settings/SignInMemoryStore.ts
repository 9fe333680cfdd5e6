/**
 * Remembers the sign-in form and the password between runs, the password only ever encrypted.
 */
import type { SignInForm, SignInMemory } from '../desk/session/signInMemory';
import type { Logger } from '../log/Logger';
import type { SecretCipher } from './SecretCipher';
import type { SettingsStore } from './SettingsStore';

export class SignInMemoryStore implements SignInMemory {
  constructor(
    private readonly settings: SettingsStore,
    private readonly cipher: SecretCipher,
    private readonly logger: Logger,
  ) {}

  load(): ReturnType<SignInMemory['load']> {
    const { signIn, encryptedPassword } = this.settings.get();
    if (!signIn) return undefined;
    return { form: signIn, password: this.decrypt(encryptedPassword) };
  }

  save(form: SignInForm, password: string): boolean {
    const encryptedPassword = this.cipher.isAvailable() ? this.cipher.encrypt(password) : undefined;
    if (!encryptedPassword) this.logger.warn('settings: no secure storage, password not saved');
    this.settings.update({ signIn: form, encryptedPassword });
    return encryptedPassword !== undefined;
  }

  forgetPassword(): void {
    this.settings.update({ encryptedPassword: undefined });
    this.logger.info('settings: saved password forgotten');
  }

  private decrypt(encrypted: string | undefined): string | undefined {
    if (!encrypted || !this.cipher.isAvailable()) return undefined;
    try {
      return this.cipher.decrypt(encrypted);
    } catch (error) {
      // Another user's or machine's ciphertext (a copied profile): ask for the password again.
      this.logger.warn('settings: saved password unreadable', { error: String(error) });
      return undefined;
    }
  }
}

/**
 * The part of electron-store (and of conf, which electron-store is built on) that settings use.
 * electron-store in the app; conf in a temp directory in tests and the harness.
 */
export interface KeyValueFile {
  readonly store: Record<string, unknown>;
  set(key: string, value: unknown): void;
  delete(key: string): void;
}

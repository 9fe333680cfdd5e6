/** Where the refusal happened: a reason can read differently per context (contactActive). */
export type IntentContext = 'dial' | 'signOut' | 'status' | 'contact' | 'transfer';

/**
 * Contexts whose refusals reuse another context's wording: a consult or transfer target goes
 * through the same dialing rules as the number pad, so "emergency" must read the same there.
 */
const BORROWED_CONTEXTS: Partial<Record<IntentContext, IntentContext>> = { transfer: 'dial' };

/** A reason main may send: a word, or a dotted schema message like `dtmf.invalid`. */
const SAFE_REASON = /^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)?$/;

/**
 * The i18n keys to try, most specific first, for a refusal `reason` in `context`; the last is
 * always `reasons.unknown` (which shows the raw reason). An unexpected reason never becomes a
 * key path of its own: it could otherwise name any string of the catalogue.
 */
export function reasonMessageKeys(context: IntentContext, reason: string): string[] {
  if (!SAFE_REASON.test(reason)) return ['reasons.unknown'];
  const keys = [`reasons.${context}.${reason}`, `reasons.${reason}`];
  const borrowed = BORROWED_CONTEXTS[context];
  if (borrowed) keys.push(`reasons.${borrowed}.${reason}`);
  keys.push('reasons.unknown');
  return keys;
}

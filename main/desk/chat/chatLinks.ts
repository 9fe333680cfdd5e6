/**
 * A link the agent clicked in a chat line (E2): opened in the browser only when it is an
 * absolute http or https URL. A javascript:, data:, file: or custom-scheme link from a customer
 * is refused here, in main, whatever the renderer let through.
 */
import type { IntentResult } from '../../../common/contract';

export function isOpenableLink(url: string): boolean {
  if (!URL.canParse(url)) return false;
  const { protocol } = new URL(url);
  return protocol === 'https:' || protocol === 'http:';
}

export function openChatLink(url: string, open: (url: string) => void): IntentResult {
  if (!isOpenableLink(url)) return { ok: false, reason: 'linkNotAllowed' };
  open(new URL(url).href);
  return { ok: true };
}

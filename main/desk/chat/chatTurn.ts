/**
 * The chat's second timer (E2): time since the last message, which restarts only when the
 * speaker changes. A customer writing three lines in a row keeps their wait counting from the
 * first one; the agent's reply starts a new turn, and so does the customer's next line.
 */
import type { ChatLine } from '../../../common/contract';

/** When the current turn began after `line` joins a transcript whose last line is `previous`. */
export function turnSinceAfter(
  previous: Pick<ChatLine, 'role'> | undefined,
  turnSince: number | undefined,
  line: Pick<ChatLine, 'role' | 'at'>,
): number {
  if (previous === undefined || turnSince === undefined) return line.at;
  return previous.role === line.role ? turnSince : line.at;
}

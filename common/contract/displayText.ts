/**
 * Text a remote party controls and the agent reads as a name (caller display names, the party
 * a transfer connected to). Control characters could break the layout or the log, and the
 * Unicode bidirectional overrides and isolates (U+202A-U+202E, U+2066-U+2069, plus the marks
 * U+200E/U+200F and U+061C) let a caller make "‮moc.knab" read as "bank.com": a spoofed
 * caller ID. Both are removed at the contract, where main takes the engine's word.
 */
import { z } from 'zod';

// C0 and C1 controls (tab, newline and all) and every bidi formatting character. Matching
// control characters is the point here, hence the rule that warns of them is off for this line.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** `text` with control and bidi formatting characters removed and spaces trimmed. */
export function cleanDisplayText(text: string): string {
  return text.replace(UNSAFE, '').trim();
}

/** A remote display name: bounded like all remote text, then cleaned. */
export const DisplayText = z.string().max(256).transform(cleanDisplayText);

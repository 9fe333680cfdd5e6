/**
 * The CCP's focus policy. Agents work in this window eight hours a day, mostly from the
 * keyboard, and a key press that lands on the wrong control hangs up on a customer. So:
 *
 * 1. Nothing that arrives (an offer, a call ending, a notice) takes focus away from a control
 *    the agent is using. An arriving offer is announced through a live region instead
 *    (`OfferAnnouncement`), and the number field keeps its focus and its text.
 * 2. Focus moves only when it was lost: the focused control left the screen with a state
 *    change (Accept after accepting, End call after the call ended). It then goes to the new
 *    view's heading, which does nothing when pressed: never to a button, so the Enter or Space
 *    that accepted a call, pressed again, cannot end it.
 * 3. An offer puts focus on Accept only when nothing had focus, so a keyboard user can answer
 *    with Enter without first finding the button.
 * 4. For `SETTLE_MS` after a view appears its controls ignore activation: the second click of a
 *    double click on Accept, or a repeated key, does not hold, mute or end the new call through
 *    the button that now sits where the previous one was.
 */

/** How long a newly shown view's controls ignore activation (rule 4). */
export const SETTLE_MS = 500;

/** True when no control has focus: nothing was focused, or the focused control went away. */
export function focusIsLost(doc: Pick<Document, 'activeElement' | 'body'>): boolean {
  const active = doc.activeElement;
  return active === null || active === doc.body;
}

/**
 * A chat as the desk keeps it: the contract's chat contact plus what only the desk needs (its
 * timers, and the engine's id of the first MESSAGE, whose final answer waits for the agent).
 */
import type { ChatContact } from '../../../common/contract';
import type { ContactTimers } from '../contacts/DeskContact';

export interface ChatDeskContact extends ChatContact, ContactTimers {
  /**
   * The engine's id of the MESSAGE that opened the conversation, held unanswered while the
   * offer rings: 200 on accept, 486 on reject, 480 at the ring timeout (the proxy hunts on).
   */
  heldMessageId?: string;
  /** The customer's address: where the agent's replies and typing indications go. */
  replyTo: string;
}

/**
 * A state machine was asked for a transition its table does not list. Raised instead of a
 * silent no-op so a wrong intent (say, Accept on a contact that already ended) is visible.
 * `event` is what was asked: a table event, or the state a caller tried to move to.
 */
export class IllegalTransitionError extends Error {
  constructor(
    readonly machine: string,
    readonly from: string,
    readonly event: string,
  ) {
    super(`${machine}: '${event}' is not allowed in state '${from}'`);
    this.name = 'IllegalTransitionError';
  }
}

/**
 * An engine state machine was asked for a transition its table does not list: a bug in the
 * caller, raised instead of a silent no-op (the engine reports it as a command-error).
 */
export class IllegalTransitionError extends Error {
  constructor(
    readonly machine: string,
    readonly from: string,
    readonly to: string,
  ) {
    super(`${machine}: '${to}' is not allowed in state '${from}'`);
    this.name = 'IllegalTransitionError';
  }
}

/**
 * Every state machine of the product is a table: for each state, the events it accepts and
 * where each leads. What a row does not list is illegal and throws, never a silent no-op.
 */
import { IllegalTransitionError } from './IllegalTransitionError';

export type TransitionTable<
  State extends string,
  Event extends string,
  Target extends string = State,
> = Readonly<Record<State, Partial<Record<Event, Target>>>>;

/** Where `event` leads from `from` in `table`; throws IllegalTransitionError if nowhere. */
export function transition<State extends string, Event extends string, Target extends string>(
  machine: string,
  table: TransitionTable<State, Event, Target>,
  from: State,
  event: Event,
): Target {
  const target = table[from][event];
  if (target === undefined) throw new IllegalTransitionError(machine, from, event);
  return target;
}

/**
 * A profile source (file or URL) that could not be read, with the reason in words for the agent
 * or the IT admin. `notFound` is its own kind because a missing machine policy is not an error:
 * most workstations have none.
 */
export type SourceErrorKind = 'notFound' | 'unreadable' | 'tooLarge' | 'notText' | 'network';

export class SourceError extends Error {
  constructor(
    readonly kind: SourceErrorKind,
    reason: string,
  ) {
    super(reason);
    this.name = 'SourceError';
  }
}

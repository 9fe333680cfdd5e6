import { z } from 'zod';
import { Id } from './primitives';

/** A quick connect from the profile (D5): an agent, a queue or an external number. */
export const QuickConnect = z.object({
  id: Id,
  kind: z.enum(['agent', 'queue', 'external']),
  name: z.string().max(64),
  target: z.string().max(256),
});
export type QuickConnect = z.infer<typeof QuickConnect>;

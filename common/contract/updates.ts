/**
 * What the CCP shows about the app's own updates (SPEC G5): a downloaded update waiting for
 * the agent's "Restart to update", or an install that IT updates (MSI, deb, rpm), where the app
 * never updates itself and says so. Main's update gate (main/updates/UpdateGate.ts) decides
 * when a restart may happen; the UI only shows this and sends the agent's consent.
 */
import { z } from 'zod';

export const UpdateOffer = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('ready'),
    /** The downloaded version, as the update server names it. */
    version: z.string().max(64),
    /** The agent chose Restart: the app restarts as soon as no contact is open. */
    consented: z.boolean(),
  }),
  /** MSI, deb and rpm installs: IT deploys the next version, the app does not look for one. */
  z.object({ kind: z.literal('itManaged') }),
]);
export type UpdateOffer = z.infer<typeof UpdateOffer>;

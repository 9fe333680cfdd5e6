/**
 * The profile's sections for the contact features (issue Contact features): the CRM lookup
 * (D8), the agent's own recordings (D9) and supervisors' listen-in (F1). Kept apart from
 * ProfileSchema.ts, which assembles them, so each file stays one concept.
 */
import { z } from 'zod';
import { isLookupTemplate } from '../desk/contacts/customerLookup';

export const CustomerLookup = z
  .strictObject({
    url: z
      .string()
      .trim()
      .max(2048)
      .refine(
        isLookupTemplate,
        'Must be an http or https URL, e.g. https://crm.example/search?phone={e164}',
      )
      .describe(
        "The CRM's customer search, with {e164} (the caller's number in E.164) or {number} (as the call had it), URL-encoded in place, e.g. https://crm.example/search?phone={e164}.",
      ),
    open: z
      .enum(['browser', 'panel'])
      .default('browser')
      .describe(
        "Where the lookup opens: the agent's browser, or the app's own lookup window beside the CCP (its own session, no access to the CCP).",
      ),
  })
  .describe('Customer-profile lookup from the contact (D8).');
export const Recording = z
  .strictObject({
    allowed: z
      .boolean()
      .default(false)
      .describe(
        "The agent may record calls: a Record button on the call. The recording is the agent's own (both sides, as the agent hears them), written to a local file.",
      ),
    automatic: z
      .boolean()
      .default(false)
      .describe('Every call is recorded from the moment it connects (needs allowed).'),
  })
  .describe("The agent's own call recordings (Opus in WebM files, in the folder from settings).");

export const Supervision = z
  .strictObject({
    supervisors: z
      .array(z.string().regex(/^sips?:[^@\s]+@[^\s]+$/, 'A SIP address: sip:user@domain'))
      .max(100)
      .default([])
      .describe(
        "SIP addresses that may listen in on this agent's calls where the PBX has no monitoring (Kamailio): a call from one of them marked X-OpenCCP-Monitor is answered with the call's audio, listen-only, and only when the server asserts the caller's identity (P-Asserted-Identity). Empty: nobody.",
      ),
    listenIn: z
      .boolean()
      .default(false)
      .describe("This user (a supervisor) may listen in on agents' calls: Listen in shows."),
    featureCode: z
      .string()
      .regex(/^[0-9*#]{1,8}$/)
      .optional()
      .describe(
        "The PBX's monitoring feature code (for example *33): Listen in dials it before the agent's extension. Left out: the agent's own app is asked (X-OpenCCP-Monitor).",
      ),
  })
  .describe('Listen-in by supervisors (F1).');

/** Lets an editor find the published schema; the app ignores it. */

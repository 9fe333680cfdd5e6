/**
 * The provisioning profile (SPEC A3): one JSON document in which IT describes an agent's setup.
 * It arrives from a file, an https URL or the machine policy, all outside the app's control, so
 * it is read through this schema and never trusted as typed. Every object is strict: a misspelt
 * key is an error, because a silently ignored "outbond: false" would leave a permission on.
 *
 * The published JSON Schema (schema/openccp-profile.schema.json) is generated from this file.
 */
import { z } from 'zod';
import { AVAILABLE, OFFLINE, ServerUrl, SipUri } from '../../common/contract';
import {
  DEFAULT_ATTACHMENT_LIMITS,
  MAX_ATTACHMENT_BYTES,
  MimeType,
} from '../../common/contract/chatAttachment';
import { CustomerLookup, Recording, Supervision } from './profileContactFeatures';
import { Dialing } from './profileDialing';

/** The UI languages (renderer/ui/locales); a status label can be given in each. */
export const PROFILE_LOCALES = ['en', 'zh-CN', 'ja', 'it'] as const;
export type ProfileLocale = (typeof PROFILE_LOCALES)[number];

/** Status ids the desk owns: a custom status must not shadow them. */
export const RESERVED_STATUS_IDS: readonly string[] = [AVAILABLE, OFFLINE];

const Label = z.string().trim().min(1).max(64);

const Slug = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9_-]{0,63}$/,
    'Use 1 to 64 lower-case letters, digits, "-" or "_", starting with a letter or digit',
  );

/** What a quick connect dials: a SIP URI, or a number or extension (feature codes may use * #). */
const DialTarget = z
  .string()
  .trim()
  .regex(
    /^(?:sips?:[^@\s:;]+@[A-Za-z0-9.-]+(?::\d{1,5})?|\+?[0-9*#]{1,32})$/,
    'Must be a SIP URI (sip:user@domain) or a number (digits, * or #, optionally starting with +)',
  );

/** An RFC 9110 header-name token, so the engine can match it in a SIP message. */
const HeaderName = z
  .string()
  .regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,64}$/, 'Not a valid SIP header name');

// ---------------------------------------------------------------------------------------------
// The parts. Each top-level object is exported so the machine policy can reuse it.
// ---------------------------------------------------------------------------------------------

/** The contract's check, plus a pattern an editor can apply (the check itself is code). */
const WebSocketUrl = ServerUrl.regex(/^\s*[Ww][Ss][Ss]?:\/\//, 'server.notWebSocket');

export const Servers = z
  .array(WebSocketUrl)
  .min(1)
  .max(10)
  .describe(
    'SIP WebSocket servers, tried in this order for failover (wss://; ws:// only to localhost).',
  );

export const Identity = z
  .strictObject({
    sipUri: SipUri.describe("The agent's SIP address, e.g. sip:agent@example.com."),
    authUser: z
      .string()
      .trim()
      .max(128)
      .optional()
      .describe('Authentication user, if not the SIP user.'),
    displayName: z.string().trim().max(128).optional(),
  })
  .describe('Who the agent is. A profile shared by a team leaves it out; the agent types it.');

const LocalizedLabels = z
  .strictObject({
    en: Label.optional(),
    'zh-CN': Label.optional(),
    ja: Label.optional(),
    it: Label.optional(),
  })
  .describe('The label translated per UI language; `label` is used where one is missing.');

export const Statuses = z
  .array(
    z.strictObject({
      id: Slug.describe('Unique; not "available" or "offline", which are built in.'),
      label: Label,
      labels: LocalizedLabels.optional(),
    }),
  )
  .max(32)
  .superRefine((statuses, context) => {
    const seen = new Set<string>();
    statuses.forEach((status, index) => {
      if (RESERVED_STATUS_IDS.includes(status.id)) {
        context.addIssue({
          code: 'custom',
          path: [index, 'id'],
          message: `"${status.id}" is a built-in status; choose another id`,
        });
      } else if (seen.has(status.id)) {
        context.addIssue({
          code: 'custom',
          path: [index, 'id'],
          message: `Duplicate status id "${status.id}"`,
        });
      }
      seen.add(status.id);
    });
  })
  .describe(
    'Custom statuses besides Available and Offline (Break, Lunch, ...). Left out: the built-in Break, Lunch and Training.',
  );

export const Routing = z
  .strictObject({
    voice: z.boolean().default(true).describe('Whether voice contacts are routed to the agent.'),
    chatSlots: z
      .number()
      .int()
      .min(0)
      .max(10)
      .default(0)
      .describe('How many chats the agent handles at once; 0 routes no chat.'),
    voiceWithChat: z
      .boolean()
      .default(false)
      .describe(
        'A call may ring while chats are open, and chats during a call (one call at most).',
      ),
    chatAttachments: z
      .strictObject({
        maxBytes: z
          .number()
          .int()
          .min(0)
          .max(MAX_ATTACHMENT_BYTES)
          .default(DEFAULT_ATTACHMENT_LIMITS.maxBytes)
          .describe(
            `Largest file the agent may send in a chat, in bytes (0: none); at most ${MAX_ATTACHMENT_BYTES}, so the MESSAGE fits a proxy's 64 KiB buffer.`,
          ),
        types: z
          .array(MimeType)
          .max(50)
          .default([...DEFAULT_ATTACHMENT_LIMITS.types])
          .describe('MIME types the agent may send (image/png, application/pdf, ...).'),
      })
      .optional()
      .describe(
        'Files in chats (docs/chat.md, "Attachments"). Default: images, PDF and text up to 32 KiB.',
      ),
  })
  .describe('The routing profile: which channels reach the agent.');

export const QuickConnects = z
  .array(
    z.strictObject({
      id: Slug.describe('Unique among the quick connects.'),
      kind: z.enum(['agent', 'queue', 'external']),
      name: Label.describe('What the agent sees and searches for.'),
      target: DialTarget.describe('A SIP URI (sip:queue@pbx.example.com) or a number.'),
    }),
  )
  .max(1000)
  .superRefine((entries, context) => {
    const seen = new Set<string>();
    entries.forEach((entry, index) => {
      if (seen.has(entry.id)) {
        context.addIssue({
          code: 'custom',
          path: [index, 'id'],
          message: `Duplicate quick connect id "${entry.id}"`,
        });
      }
      seen.add(entry.id);
    });
  })
  .describe('Transfer and dial targets. Agent and queue ones are offered only during a call.');

export const Permissions = z
  .strictObject({
    outbound: z.boolean().default(true).describe('May place outbound calls.'),
    transfer: z.boolean().default(true),
    conference: z.boolean().default(true),
    deskPhone: z
      .boolean()
      .default(false)
      .describe(
        'May switch to desk phone mode (calls ring a desk phone through the app): off unless IT allows it, since the call audio then passes through the PC.',
      ),
    chat: z.boolean().default(true).describe('May handle chats; how many is routing.chatSlots.'),
  })
  .describe(
    'What the agent may do; everything but desk phone mode is allowed unless switched off.',
  );

export const RingTimeoutSec = z
  .number()
  .int()
  .min(5)
  .max(120)
  .describe('Seconds an offer rings before it is released as missed.');

export const AcwTimeoutSec = z
  .number()
  .int()
  .min(0)
  .max(3600)
  .describe('Seconds after which after contact work clears by itself; 0 or left out: never.');

export const AutoAccept = z
  .strictObject({
    voice: z.boolean().default(false),
    chat: z.boolean().default(false),
    beep: z.boolean().default(true).describe('Play a short beep before an auto-accepted contact.'),
  })
  .describe('Contacts that connect without a click, per channel.');

export const SipHeaders = z
  .strictObject({
    queueName: HeaderName.default('X-Queue-Name').describe('Header carrying the queue name.'),
    callback: HeaderName.default('X-Callback').describe('Header flagging a queued callback.'),
    conversationId: HeaderName.default('X-Conversation-Id').describe(
      'Header naming the chat conversation a MESSAGE belongs to (docs/chat.md).',
    ),
    chatRole: HeaderName.default('X-Chat-Role').describe(
      'Header saying who wrote a chat line: customer, bot or agent (docs/chat.md).',
    ),
  })
  .describe('Names of the SIP headers the PBX uses.');

export const WrapUp = z
  .strictObject({
    codes: z
      .array(
        z.strictObject({
          id: Slug.describe('Unique among the codes; what the history and its export record.'),
          label: Label.describe('What the agent picks from.'),
          labels: LocalizedLabels.optional(),
        }),
      )
      .max(200)
      .superRefine((codes, context) => {
        const seen = new Set<string>();
        codes.forEach((code, index) => {
          if (seen.has(code.id)) {
            context.addIssue({
              code: 'custom',
              path: [index, 'id'],
              message: `Duplicate wrap-up code id "${code.id}"`,
            });
          }
          seen.add(code.id);
        });
      })
      .default([])
      .describe('Wrap-up codes the agent picks from in after contact work.'),
    required: z
      .boolean()
      .default(false)
      .describe(
        'Clear Contact waits until a code is chosen (the ACW timeout still clears). No effect without codes.',
      ),
  })
  .describe('Wrap-up codes recorded with each contact in the history.');

export const DtmfMode = z
  .enum(['auto', 'rfc4733', 'info'])
  .describe(
    'How the number pad sends digits during a call: auto uses RFC 4733 telephone events where the far end negotiated them and SIP INFO otherwise; rfc4733 or info forces one.',
  );

export const DialLinks = z
  .strictObject({
    autoDial: z
      .boolean()
      .default(false)
      .describe(
        "A callto: link dials at once instead of filling in the number pad. Off: every link (tel:, sip:, callto:) only fills in the pad and the agent presses Call. Links to SIP addresses outside the agent's own domain are refused either way.",
      ),
  })
  .describe('What click-to-dial links from other programs may do.');

export const SipPolicy = z
  .strictObject({
    acceptReplaces: z
      .boolean()
      .default(false)
      .describe(
        "Let an INVITE with Replaces (RFC 3891) take over the agent's call, for a PBX that transfers calls to the agent that way. Off: refused with 403, and the call stays with the agent.",
      ),
  })
  .describe('Which SIP requests from the far end may change a call without the agent.');

export const SchemaReference = z
  .string()
  .max(2048)
  .optional()
  .describe('Where an editor finds this schema; ignored by the app.');

// ---------------------------------------------------------------------------------------------
// The profile
// ---------------------------------------------------------------------------------------------

export const PROFILE_SCHEMA_VERSION = 1;

export const ProvisioningProfile = z.strictObject({
  $schema: SchemaReference,
  schemaVersion: z
    .literal(PROFILE_SCHEMA_VERSION)
    .describe('Version of this document format; always 1 for now.'),
  servers: Servers,
  identity: Identity.optional(),
  statuses: Statuses.optional(),
  // prefault (not default): an absent object is parsed as {}, which fills its fields' defaults.
  routing: Routing.prefault({}),
  quickConnects: QuickConnects.default([]),
  permissions: Permissions.prefault({}),
  dialing: Dialing.optional(),
  ringTimeoutSec: RingTimeoutSec.default(20),
  acwTimeoutSec: AcwTimeoutSec.optional(),
  autoAccept: AutoAccept.prefault({}),
  sipHeaders: SipHeaders.prefault({}),
  wrapUp: WrapUp.prefault({}),
  dtmf: DtmfMode.default('auto'),
  dialLinks: DialLinks.prefault({}),
  sipPolicy: SipPolicy.prefault({}),
  customerLookup: CustomerLookup.optional(),
  recording: Recording.prefault({}),
  supervision: Supervision.prefault({}),
});
/** A validated profile with its defaults filled in. */
export type ProvisioningProfile = z.output<typeof ProvisioningProfile>;
/** A profile as written by IT (defaults may be left out). */
export type ProfileInput = z.input<typeof ProvisioningProfile>;

export { CustomerLookup, Dialing, Recording, Supervision };

/**
 * The machine policy (SPEC A3): a profile that IT places on the workstation, whose keys override
 * the user's profile and lock what they set. Every top-level key is optional; the settings
 * objects (routing, permissions, auto-accept, SIP headers, wrap-up) are partial too, so IT can lock
 * `permissions.outbound` alone. Defaults are stripped here: a policy must only ever contain what
 * IT wrote, or it would lock fields nobody chose.
 *
 * Identity and dialing keep the fields the profile itself requires (sipUri, defaultCountry), so
 * any valid policy merged onto any valid profile is still a valid profile.
 */
import { z } from 'zod';
import {
  AcwTimeoutSec,
  AutoAccept,
  Dialing,
  DialLinks,
  DtmfMode,
  Identity,
  Permissions,
  PROFILE_SCHEMA_VERSION,
  QuickConnects,
  RingTimeoutSec,
  Routing,
  SchemaReference,
  Servers,
  SipHeaders,
  SipPolicy,
  Statuses,
  WrapUp,
} from './ProfileSchema';
import { Recording, Supervision } from './profileContactFeatures';
import { SettingsPolicy } from './SettingsPolicy';

type WithoutDefaults<Shape extends z.ZodRawShape> = {
  [Key in keyof Shape]: Shape[Key] extends z.ZodDefault<infer Inner> ? Inner : Shape[Key];
};

function withoutDefaults<Shape extends z.ZodRawShape>(shape: Shape): WithoutDefaults<Shape> {
  const entries = Object.entries(shape).map(([key, field]) => [
    key,
    field instanceof z.ZodDefault ? field.unwrap() : field,
  ]);
  // The mapped type above says per key what the loop does at run time.
  return Object.fromEntries(entries) as WithoutDefaults<Shape>;
}

/** A settings object of which the policy may set any subset of fields. */
function partialSettings<Shape extends z.ZodRawShape>(object: { shape: Shape }) {
  return z.strictObject(withoutDefaults(object.shape)).partial().optional();
}

export const ProfilePolicy = z.strictObject({
  $schema: SchemaReference,
  schemaVersion: z.literal(PROFILE_SCHEMA_VERSION).optional(),
  servers: Servers.optional(),
  identity: Identity.optional(),
  statuses: Statuses.optional(),
  routing: partialSettings(Routing),
  quickConnects: QuickConnects.optional(),
  permissions: partialSettings(Permissions),
  dialing: Dialing.optional(),
  ringTimeoutSec: RingTimeoutSec.optional(),
  acwTimeoutSec: AcwTimeoutSec.optional(),
  autoAccept: partialSettings(AutoAccept),
  sipHeaders: partialSettings(SipHeaders),
  wrapUp: partialSettings(WrapUp),
  dtmf: DtmfMode.optional(),
  dialLinks: partialSettings(DialLinks),
  sipPolicy: partialSettings(SipPolicy),
  // Every field of these has a default: any subset merged onto any profile is still valid.
  recording: partialSettings(Recording),
  supervision: partialSettings(Supervision),
  // The agent's own settings (audio, language, desktop, headset, updates): SettingsPolicy.
  ...SettingsPolicy.shape,
});
export type ProfilePolicy = z.output<typeof ProfilePolicy>;

/**
 * The published JSON Schema of the provisioning profile, for IT: editors validate and complete
 * a profile against it. Generated from the zod schema (the one the app checks with), so the two
 * cannot disagree; schemaFile.test.ts fails when the committed file is stale.
 */
import { z } from 'zod';
import { ProvisioningProfile } from './ProfileSchema';

/** Not a web address: the schema is published with the app, not served from a site. */
export const PROFILE_SCHEMA_ID = 'urn:openccp:schema:profile:1';

/** Repository-relative path of the committed schema file. */
export const PROFILE_SCHEMA_FILE = 'schema/openccp-profile.schema.json';

export function profileJsonSchema(): Record<string, unknown> {
  // io 'input': the schema describes what IT writes, where keys with defaults may be left out.
  const { $schema, ...body } = z.toJSONSchema(ProvisioningProfile, {
    target: 'draft-2020-12',
    io: 'input',
  });
  return {
    $schema,
    $id: PROFILE_SCHEMA_ID,
    title: 'OpenCCP provisioning profile',
    description:
      'Setup of an OpenCCP agent softphone: SIP servers, identity, statuses, routing, quick connects, permissions, dialing rules, timeouts, auto-accept, SIP header names, wrap-up codes and the DTMF mode. A machine policy file uses the same keys, all optional, and locks what it sets.',
    ...body,
  };
}

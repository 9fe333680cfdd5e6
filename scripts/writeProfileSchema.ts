/**
 * Writes schema/openccp-profile.schema.json from the zod schema (`npm run schema`). Formatted
 * with the project's Prettier settings so `prettier --check` passes on the generated file.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { PROFILE_SCHEMA_FILE, profileJsonSchema } from '../main/provisioning/profileJsonSchema';

const target = fileURLToPath(new URL(`../${PROFILE_SCHEMA_FILE}`, import.meta.url));
const options = (await resolveConfig(target)) ?? {};
const text = await format(JSON.stringify(profileJsonSchema()), { ...options, filepath: target });
writeFileSync(target, text);
console.log(`wrote ${PROFILE_SCHEMA_FILE}`);

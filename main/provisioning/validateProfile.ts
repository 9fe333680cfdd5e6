/**
 * Validation of a profile or a machine policy: the whole document or nothing. A refused document
 * comes back as its first problem (see ProfileProblem) so the admin can fix it and try again.
 */
import { firstProblem } from './describeIssue';
import { findJsonSyntaxError } from './jsonSyntaxError';
import { ProfilePolicy } from './ProfilePolicy';
import { DOCUMENT_PATH, type ProfileProblem } from './ProfileProblem';
import { ProvisioningProfile } from './ProfileSchema';

/** Larger than any real profile by far; bounds what a hostile URL or file can make us parse. */
export const MAX_PROFILE_BYTES = 1024 * 1024;

export type Refused = { ok: false } & ProfileProblem;
export type ProfileValidation = { ok: true; profile: ProvisioningProfile } | Refused;
export type PolicyValidation = { ok: true; policy: ProfilePolicy } | Refused;

export function validateProfile(json: unknown): ProfileValidation {
  const parsed = ProvisioningProfile.safeParse(json);
  if (parsed.success) return { ok: true, profile: parsed.data };
  return { ok: false, ...firstProblem(ProvisioningProfile, parsed.error.issues, json) };
}

export function validatePolicy(json: unknown): PolicyValidation {
  const parsed = ProfilePolicy.safeParse(json);
  if (parsed.success) return { ok: true, policy: parsed.data };
  return { ok: false, ...firstProblem(ProfilePolicy, parsed.error.issues, json) };
}

export function parseProfileText(text: string): ProfileValidation {
  const document = parseJsonDocument(text);
  return document.ok ? validateProfile(document.json) : document;
}

export function parsePolicyText(text: string): PolicyValidation {
  const document = parseJsonDocument(text);
  return document.ok ? validatePolicy(document.json) : document;
}

/** The JSON value of a document, or why it is not one (too large, or a syntax error and where). */
export function parseJsonDocument(text: string): { ok: true; json: unknown } | Refused {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_PROFILE_BYTES) {
    return {
      ok: false,
      path: DOCUMENT_PATH,
      reason: `The document is ${bytes} bytes; the limit is ${MAX_PROFILE_BYTES} bytes (1 MiB)`,
    };
  }
  // Windows editors (Notepad) start UTF-8 files with a byte order mark, which JSON.parse refuses.
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (body.trim() === '')
    return { ok: false, path: DOCUMENT_PATH, reason: 'The document is empty' };
  try {
    return { ok: true, json: JSON.parse(body) };
  } catch (error) {
    const located = findJsonSyntaxError(body);
    const reason = located
      ? `JSON syntax error at line ${located.line}, column ${located.column}: ${located.message}`
      : `JSON syntax error: ${error instanceof Error ? error.message : String(error)}`;
    return { ok: false, path: DOCUMENT_PATH, reason };
  }
}

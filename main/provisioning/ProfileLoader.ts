/**
 * Loads a profile from where IT put it (a file, or an https URL) and the machine policy from its
 * fixed path. Each load ends in a result, never a throw: a profile that cannot be read or is
 * invalid is refused whole with its first problem, and ProfileStore keeps the last good one.
 *
 * Reading and downloading are ports so tests (and the Electron shell, which may prefer
 * `net.fetch`) can supply their own; the defaults are the real, bounded implementations.
 */
import { fileURLToPath } from 'node:url';
import { fetchHttpsText } from './fetchHttpsText';
import { machinePolicyPath } from './policyPath';
import type { ProfilePolicy } from './ProfilePolicy';
import { DOCUMENT_PATH, type ProfileProblem } from './ProfileProblem';
import type { ProvisioningProfile } from './ProfileSchema';
import { readTextFile } from './readTextFile';
import { SourceError } from './SourceError';
import {
  MAX_PROFILE_BYTES,
  parsePolicyText,
  parseProfileText,
  type Refused,
} from './validateProfile';

/** Where the profile in force came from; `saved` is the last good profile of an earlier run. */
export type ProfileSource =
  { kind: 'file'; path: string } | { kind: 'url'; url: string } | { kind: 'saved' };

export type ProfileLoadResult =
  | { ok: true; profile: ProvisioningProfile; source: ProfileSource }
  | ({ ok: false; source: ProfileSource } & ProfileProblem);

/** `policy` is undefined when the machine has no policy file, the usual case. */
export type PolicyLoadResult =
  | { ok: true; policy: ProfilePolicy | undefined; file: string }
  | ({ ok: false; file: string } & ProfileProblem);

export interface ProfileSourcePorts {
  readText(path: string, maxBytes: number): Promise<string>;
  fetchText(url: URL, maxBytes: number): Promise<string>;
}

export const DOWNLOAD_TIMEOUT_MS = 10_000;

export const defaultSourcePorts: ProfileSourcePorts = {
  readText: readTextFile,
  fetchText: (url, maxBytes) => fetchHttpsText(url, { timeoutMs: DOWNLOAD_TIMEOUT_MS, maxBytes }),
};

export async function loadProfileFromFile(
  path: string,
  ports: ProfileSourcePorts = defaultSourcePorts,
): Promise<ProfileLoadResult> {
  const source: ProfileSource = { kind: 'file', path };
  return withSource(source, await readDocument(() => ports.readText(path, MAX_PROFILE_BYTES)));
}

export async function loadProfileFromUrl(
  address: string,
  ports: ProfileSourcePorts = defaultSourcePorts,
): Promise<ProfileLoadResult> {
  const source: ProfileSource = { kind: 'url', url: address };
  const url = URL.canParse(address) ? new URL(address) : undefined;
  if (!url) return refused(source, `Not a valid URL: ${address}`);
  if (url.protocol === 'http:') {
    return refused(
      source,
      'Refusing http://: the profile must come over https://, or anyone on the network could change its servers and numbers',
    );
  }
  if (url.protocol !== 'https:') return refused(source, 'Only https:// addresses are accepted');
  return withSource(source, await readDocument(() => ports.fetchText(url, MAX_PROFILE_BYTES)));
}

/**
 * A location as an agent or an installer gives it: an http(s) URL, a file: URL or a file path.
 * Windows paths (C:\...) have no "//" after the drive letter, so they are not taken for URLs.
 */
export function loadProfile(
  location: string,
  ports: ProfileSourcePorts = defaultSourcePorts,
): Promise<ProfileLoadResult> {
  const trimmed = location.trim();
  if (/^file:\/\//i.test(trimmed)) {
    return loadProfileFromFile(URL.canParse(trimmed) ? fileURLToPath(trimmed) : trimmed, ports);
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed)) return loadProfileFromUrl(trimmed, ports);
  return loadProfileFromFile(trimmed, ports);
}

/**
 * The machine policy. A missing file means no policy; an unreadable or invalid one is reported,
 * but it does not stop the agent's own profile from loading.
 */
export async function loadMachinePolicy(
  file: string = machinePolicyPath(),
  ports: Pick<ProfileSourcePorts, 'readText'> = defaultSourcePorts,
): Promise<PolicyLoadResult> {
  let text: string;
  try {
    text = await ports.readText(file, MAX_PROFILE_BYTES);
  } catch (error) {
    if (error instanceof SourceError && error.kind === 'notFound') {
      return { ok: true, policy: undefined, file };
    }
    return { ok: false, file, path: DOCUMENT_PATH, reason: reasonOf(error) };
  }
  const parsed = parsePolicyText(text);
  return parsed.ok ? { ok: true, policy: parsed.policy, file } : { ...parsed, file };
}

async function readDocument(
  read: () => Promise<string>,
): Promise<{ ok: true; profile: ProvisioningProfile } | Refused> {
  try {
    return parseProfileText(await read());
  } catch (error) {
    return { ok: false, path: DOCUMENT_PATH, reason: reasonOf(error) };
  }
}

function withSource(
  source: ProfileSource,
  result: { ok: true; profile: ProvisioningProfile } | Refused,
): ProfileLoadResult {
  return { ...result, source };
}

function refused(source: ProfileSource, reason: string): ProfileLoadResult {
  return { ok: false, source, path: DOCUMENT_PATH, reason };
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

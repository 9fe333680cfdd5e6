/**
 * Where call recordings go (D9): the machine policy's folder when IT set one (A3: it wins and
 * is locked), else the agent's folder from settings, else the app's default. The settings
 * screen's folder row and its intent use `recordingsFolderRefusal` so main refuses a change
 * the policy locked, whatever the window sends.
 */
import type { IntentResult } from '../../common/contract';
import { isLocked } from '../provisioning/mergePolicy';

export const RECORDINGS_FOLDER_KEY = 'recordingsFolder';

export function recordingsFolderInForce(
  policyFolder: string | undefined,
  agentFolder: string | undefined,
  defaultFolder: string,
): string {
  return policyFolder ?? agentFolder ?? defaultFolder;
}

/** A refusal when the machine policy fixes the folder (or could have: an unreadable policy). */
export function recordingsFolderRefusal(
  lockedKeys: readonly string[],
): Extract<IntentResult, { ok: false }> | undefined {
  return isLocked(lockedKeys, RECORDINGS_FOLDER_KEY)
    ? { ok: false, reason: 'settingLocked' }
    : undefined;
}

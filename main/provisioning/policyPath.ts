/**
 * Where IT puts the machine-wide policy file, per platform: a system folder that only an
 * administrator can write, so the agent cannot edit away what the policy locks. For the same
 * reason there is deliberately no environment variable or command-line switch to move it, and
 * on Windows the ProgramData folder comes from the machine's registry, not from %ProgramData%
 * (windowsProgramData).
 */
import { posix, win32 } from 'node:path';
import { windowsProgramData } from './windowsProgramData';

const FILE_NAME = 'policy.json';

export function machinePolicyPath(
  platform: NodeJS.Platform = process.platform,
  programData: () => string = windowsProgramData,
): string {
  if (platform === 'win32') return win32.join(programData(), 'openccp', FILE_NAME);
  if (platform === 'darwin') {
    return posix.join('/Library/Application Support/openccp', FILE_NAME);
  }
  // Linux and the other Unix-likes.
  return posix.join('/etc/openccp', FILE_NAME);
}

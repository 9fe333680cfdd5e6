/**
 * Where IT puts the machine-wide policy file, per platform: a system folder that only an
 * administrator can write, so the agent cannot edit away what the policy locks. For the same
 * reason there is deliberately no environment variable or command-line switch to move it.
 */
import { posix, win32 } from 'node:path';

const FILE_NAME = 'policy.json';

export function machinePolicyPath(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): string {
  if (platform === 'win32') {
    // process.env is case-insensitive on Windows; a plain object passed in is not. A user can
    // set their own ProgramData variable, so a shell that wants the policy tamper-proof passes
    // the folder read from HKLM (or SHGetKnownFolderPath) as `env` instead of process.env.
    const programData = env.ProgramData || env.PROGRAMDATA || 'C:\\ProgramData';
    return win32.join(programData, 'openccp', FILE_NAME);
  }
  if (platform === 'darwin') {
    return posix.join('/Library/Application Support/openccp', FILE_NAME);
  }
  // Linux and the other Unix-likes.
  return posix.join('/etc/openccp', FILE_NAME);
}

/**
 * Where Windows keeps machine-wide program data (normally C:\ProgramData), read from the
 * machine's registry rather than from %ProgramData%: an environment variable is the user's to
 * set, so an agent could point the app at a policy file of their own and drop every lock IT
 * placed. HKLM is writable by administrators only.
 *
 * The value is REG_EXPAND_SZ "%SystemDrive%\ProgramData"; %SystemDrive% is again taken from
 * HKLM (the drive of SystemRoot), never from the environment. reg.exe is run by its absolute
 * path for the same reason (a PATH entry of the user's could shadow it). Whatever cannot be
 * read falls back to C:\ProgramData, the default of every Windows install.
 */
import { execFileSync } from 'node:child_process';

/** Reads one value under HKLM; undefined when the key or value is missing or unreadable. */
export type MachineRegistry = (key: string, name: string) => string | undefined;

export const DEFAULT_PROGRAM_DATA = 'C:\\ProgramData';
const PROFILE_LIST = 'HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\ProfileList';
const CURRENT_VERSION = 'HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion';
const REG_EXE = 'C:\\Windows\\System32\\reg.exe';

export function windowsProgramData(registry: MachineRegistry = regExeRegistry()): string {
  const raw = registry(PROFILE_LIST, 'ProgramData');
  if (!raw) return DEFAULT_PROGRAM_DATA;
  const systemDrive = /^[A-Za-z]:/.exec(registry(CURRENT_VERSION, 'SystemRoot') ?? '')?.[0];
  const expanded = raw.replace(/%SystemDrive%/gi, systemDrive ?? 'C:');
  // Anything still unexpanded, or not an absolute local path, is not trusted.
  return /^[A-Za-z]:\\[^%]*$/.test(expanded) ? expanded : DEFAULT_PROGRAM_DATA;
}

/** The value's data from `reg query` output: "    ProgramData    REG_EXPAND_SZ    %SystemDrive%\ProgramData". */
export function parseRegQuery(output: string, name: string): string | undefined {
  for (const line of output.split(/\r?\n/)) {
    const match = /^\s+(\S.*?)\s+(REG_SZ|REG_EXPAND_SZ)\s+(.*?)\s*$/.exec(line);
    if (match && match[1]?.toLowerCase() === name.toLowerCase()) return match[3];
  }
  return undefined;
}

/** How reg.exe is run: node's execFileSync, or a stand-in in tests (there is no reg.exe here). */
export type RunRegExe = (
  file: string,
  args: readonly string[],
  options: { encoding: 'utf8'; timeout: number; windowsHide: boolean },
) => string;

/** HKLM read through reg.exe; a hung or failing reg.exe reads as missing after 5 s at most. */
export function regExeRegistry(run: RunRegExe = execFileSync): MachineRegistry {
  return (key, name) => {
    try {
      const output = run(REG_EXE, ['query', key, '/v', name], {
        encoding: 'utf8',
        timeout: 5_000,
        windowsHide: true,
      });
      return parseRegQuery(output, name);
    } catch {
      return undefined;
    }
  };
}

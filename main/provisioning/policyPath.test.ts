import { afterEach, describe, expect, it, vi } from 'vitest';
import { machinePolicyPath } from './policyPath';
import { parseRegQuery, windowsProgramData, type MachineRegistry } from './windowsProgramData';

/** A machine registry with these HKLM values ("key\\name" -> data). */
function registry(values: Record<string, string>): MachineRegistry {
  return (key, name) => values[`${key}\\${name}`];
}

const PROFILE_LIST =
  'HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\ProfileList\\ProgramData';
const SYSTEM_ROOT = 'HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\SystemRoot';

describe('machinePolicyPath', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('is under /etc on Linux', () => {
    expect(machinePolicyPath('linux')).toBe('/etc/openccp/policy.json');
  });

  it('is under /Library/Application Support on macOS', () => {
    expect(machinePolicyPath('darwin')).toBe('/Library/Application Support/openccp/policy.json');
  });

  it('is under the ProgramData folder the machine names on Windows', () => {
    expect(machinePolicyPath('win32', () => 'D:\\ProgramData')).toBe(
      'D:\\ProgramData\\openccp\\policy.json',
    );
  });

  it('ignores a %ProgramData% the user set: the registry decides on Windows', () => {
    vi.stubEnv('ProgramData', 'C:\\Users\\agent\\fake');
    vi.stubEnv('PROGRAMDATA', 'C:\\Users\\agent\\fake');
    const machine = registry({
      [PROFILE_LIST]: '%SystemDrive%\\ProgramData',
      [SYSTEM_ROOT]: 'C:\\WINDOWS',
    });
    expect(machinePolicyPath('win32', () => windowsProgramData(machine))).toBe(
      'C:\\ProgramData\\openccp\\policy.json',
    );
  });

  it('ignores the home folder and other variables on Unix', () => {
    vi.stubEnv('HOME', '/home/agent');
    vi.stubEnv('XDG_CONFIG_HOME', '/tmp');
    expect(machinePolicyPath('freebsd')).toBe('/etc/openccp/policy.json');
  });
});

describe('windowsProgramData', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('expands %SystemDrive% with the drive of HKLM SystemRoot, not the environment', () => {
    vi.stubEnv('SystemDrive', 'Z:');
    const machine = registry({
      [PROFILE_LIST]: '%SystemDrive%\\ProgramData',
      [SYSTEM_ROOT]: 'D:\\Windows',
    });
    expect(windowsProgramData(machine)).toBe('D:\\ProgramData');
  });

  it('takes a literal path as the registry gives it', () => {
    expect(windowsProgramData(registry({ [PROFILE_LIST]: 'E:\\Data' }))).toBe('E:\\Data');
  });

  it('falls back to C:\\ProgramData when the registry cannot be read', () => {
    expect(windowsProgramData(() => undefined)).toBe('C:\\ProgramData');
  });

  it('falls back to C:\\ProgramData for a value with another variable or not a local path', () => {
    expect(windowsProgramData(registry({ [PROFILE_LIST]: '%USERPROFILE%\\x' }))).toBe(
      'C:\\ProgramData',
    );
    expect(windowsProgramData(registry({ [PROFILE_LIST]: '\\\\server\\share' }))).toBe(
      'C:\\ProgramData',
    );
  });
});

describe('parseRegQuery', () => {
  it('reads the data of a REG_EXPAND_SZ value from reg.exe output', () => {
    const output = [
      '',
      'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\ProfileList',
      '    ProgramData    REG_EXPAND_SZ    %SystemDrive%\\ProgramData',
      '',
    ].join('\r\n');
    expect(parseRegQuery(output, 'ProgramData')).toBe('%SystemDrive%\\ProgramData');
  });

  it('reads a REG_SZ value whose data has spaces, and nothing for another name', () => {
    const output = '    SystemRoot    REG_SZ    C:\\My Windows\n';
    expect(parseRegQuery(output, 'systemroot')).toBe('C:\\My Windows');
    expect(parseRegQuery(output, 'ProgramData')).toBeUndefined();
  });
});

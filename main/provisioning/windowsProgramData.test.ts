import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PROGRAM_DATA,
  regExeRegistry,
  windowsProgramData,
  type MachineRegistry,
  type RunRegExe,
} from './windowsProgramData';

const PROFILE_LIST = 'HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\ProfileList';
const CURRENT_VERSION = 'HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion';

/** A registry holding ProfileList\ProgramData and CurrentVersion\SystemRoot. */
function machine(programData?: string, systemRoot?: string): MachineRegistry {
  return (key, name) => {
    if (key === PROFILE_LIST && name === 'ProgramData') return programData;
    if (key === CURRENT_VERSION && name === 'SystemRoot') return systemRoot;
    return undefined;
  };
}

describe('windowsProgramData, expanding %SystemDrive%', () => {
  it('expands the variable whatever its case', () => {
    expect(windowsProgramData(machine('%systemdrive%\\ProgramData', 'E:\\Windows'))).toBe(
      'E:\\ProgramData',
    );
  });

  it('expands every occurrence, not only the first', () => {
    expect(windowsProgramData(machine('%SystemDrive%\\x\\%SystemDrive%', 'E:\\Windows'))).toBe(
      'E:\\x\\E:',
    );
  });

  it('uses C: when SystemRoot is missing', () => {
    expect(windowsProgramData(machine('%SystemDrive%\\ProgramData'))).toBe('C:\\ProgramData');
  });

  it('uses C: when SystemRoot does not start with a drive letter', () => {
    expect(windowsProgramData(machine('%SystemDrive%\\ProgramData', '\\\\srv\\D:\\Windows'))).toBe(
      'C:\\ProgramData',
    );
  });

  it('takes only the drive of SystemRoot, not its folder', () => {
    expect(windowsProgramData(machine('%SystemDrive%\\ProgramData', 'F:\\WINNT'))).toBe(
      'F:\\ProgramData',
    );
  });
});

describe('windowsProgramData, what is trusted', () => {
  it.each([
    ['an empty value', ''],
    ['a relative path', 'ProgramData'],
    ['a drive without a backslash', 'D:ProgramData'],
    ['a path with text before the drive', 'x D:\\ProgramData'],
    ['a path that ends in an unexpanded variable', 'D:\\Data\\%TEMP%'],
  ])('falls back to C:\\ProgramData for %s', (_name, value) => {
    expect(windowsProgramData(machine(value, 'D:\\Windows'))).toBe(DEFAULT_PROGRAM_DATA);
  });

  it('asks the registry for ProfileList\\ProgramData and CurrentVersion\\SystemRoot only', () => {
    const asked: string[] = [];
    windowsProgramData((key, name) => {
      asked.push(`${key}\\${name}`);
      return name === 'ProgramData' ? '%SystemDrive%\\ProgramData' : 'D:\\Windows';
    });
    expect(asked).toEqual([`${PROFILE_LIST}\\ProgramData`, `${CURRENT_VERSION}\\SystemRoot`]);
  });
});

describe('regExeRegistry', () => {
  it('runs reg.exe by its absolute path, hidden, with a timeout, and reads the value', () => {
    const runs: Parameters<RunRegExe>[] = [];
    const run: RunRegExe = (...args) => {
      runs.push(args);
      return '\r\nHKEY_LOCAL_MACHINE\\X\r\n    ProgramData    REG_EXPAND_SZ    %SystemDrive%\\PD\r\n';
    };
    expect(regExeRegistry(run)(PROFILE_LIST, 'ProgramData')).toBe('%SystemDrive%\\PD');
    expect(runs).toEqual([
      [
        'C:\\Windows\\System32\\reg.exe',
        ['query', PROFILE_LIST, '/v', 'ProgramData'],
        { encoding: 'utf8', timeout: 5_000, windowsHide: true },
      ],
    ]);
  });

  it('reads a failing or missing reg.exe as no value', () => {
    const run: RunRegExe = () => {
      throw new Error('spawn C:\\Windows\\System32\\reg.exe ENOENT');
    };
    expect(regExeRegistry(run)(PROFILE_LIST, 'ProgramData')).toBeUndefined();
  });

  it('reads output without the value asked for as no value', () => {
    const run: RunRegExe = () => '    Other    REG_SZ    D:\\x\r\n';
    expect(regExeRegistry(run)(PROFILE_LIST, 'ProgramData')).toBeUndefined();
  });
});

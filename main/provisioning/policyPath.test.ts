import { describe, expect, it } from 'vitest';
import { machinePolicyPath } from './policyPath';

describe('machinePolicyPath', () => {
  it('is under /etc on Linux', () => {
    expect(machinePolicyPath('linux', {})).toBe('/etc/openccp/policy.json');
  });

  it('is under /Library/Application Support on macOS', () => {
    expect(machinePolicyPath('darwin', {})).toBe(
      '/Library/Application Support/openccp/policy.json',
    );
  });

  it('is under %ProgramData% on Windows', () => {
    expect(machinePolicyPath('win32', { ProgramData: 'D:\\ProgramData' })).toBe(
      'D:\\ProgramData\\openccp\\policy.json',
    );
  });

  it('reads the variable in any case on Windows, and falls back to C:\\ProgramData', () => {
    expect(machinePolicyPath('win32', { PROGRAMDATA: 'E:\\Data' })).toBe(
      'E:\\Data\\openccp\\policy.json',
    );
    expect(machinePolicyPath('win32', {})).toBe('C:\\ProgramData\\openccp\\policy.json');
    expect(machinePolicyPath('win32', { ProgramData: '' })).toBe(
      'C:\\ProgramData\\openccp\\policy.json',
    );
  });

  it('ignores the home folder and other variables on Unix', () => {
    expect(machinePolicyPath('freebsd', { HOME: '/home/agent', XDG_CONFIG_HOME: '/tmp' })).toBe(
      '/etc/openccp/policy.json',
    );
  });
});

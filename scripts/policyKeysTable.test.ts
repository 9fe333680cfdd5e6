import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { policyKeysTable, readmeWithPolicyTable } from './policyKeysTable';

describe('the README policy keys table', () => {
  it('matches the policy schema (run `npm run policy-table` after changing the schema)', async () => {
    const readme = readFileSync('README.md', 'utf8');
    expect(await readmeWithPolicyTable(readme)).toBe(readme);
  }, 30_000);

  it('has a row for the profile keys and for each of the agent settings keys', () => {
    const table = policyKeysTable();
    for (const key of [
      '`servers`',
      '`permissions.outbound`',
      '`audio.microphone`',
      '`language`',
      '`desktop.startAtLogin`',
      '`updates.url`',
      '`updates.disabled`',
    ]) {
      expect(table).toContain(`| ${key} |`);
    }
  });
});

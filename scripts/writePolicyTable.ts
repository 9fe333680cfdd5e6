/**
 * Writes the machine policy keys table into README.md ("For IT"), from the policy schema,
 * formatted by the project's Prettier settings so `prettier --check` passes on the README.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { readmeWithPolicyTable } from './policyKeysTable';

writeFileSync('README.md', await readmeWithPolicyTable(readFileSync('README.md', 'utf8')));
console.log('README.md: policy keys table written');

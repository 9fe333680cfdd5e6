/**
 * The README's table of machine policy keys ("For IT"), generated from the policy schema so the
 * two cannot drift: `npm run policy-table` writes it, a test checks the README holds it.
 */
import { format, resolveConfig } from 'prettier';
import { z } from 'zod';
import { ProfilePolicy } from '../main/provisioning/ProfilePolicy';

export const TABLE_START = '<!-- policy-keys:start (npm run policy-table) -->';
export const TABLE_END = '<!-- policy-keys:end -->';

interface JsonSchemaNode {
  type?: string | string[];
  description?: string;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchemaNode>;
  items?: JsonSchemaNode;
  anyOf?: JsonSchemaNode[];
  minimum?: number;
  maximum?: number;
}

export function policyKeysTable(): string {
  const schema = z.toJSONSchema(ProfilePolicy, {
    io: 'input',
    unrepresentable: 'any',
  }) as JsonSchemaNode;
  const rows: string[] = ['| Key | Value | What it sets |', '| --- | --- | --- |'];
  for (const [key, node] of Object.entries(schema.properties ?? {})) {
    if (key === '$schema' || key === 'schemaVersion') continue;
    const fields = node.type === 'object' ? Object.entries(node.properties ?? {}) : [];
    // Settings objects are locked field by field (mergePolicy), so each field is a row;
    // objects locked whole (identity) still list their fields, under their own key.
    if (fields.length === 0) {
      rows.push(row(key, node));
      continue;
    }
    for (const [field, inner] of fields) rows.push(row(`${key}.${field}`, inner));
  }
  return rows.join('\n');
}

function row(key: string, node: JsonSchemaNode): string {
  return `| \`${key}\` | ${valueOf(node)} | ${cell(node.description ?? '')} |`;
}

function valueOf(node: JsonSchemaNode): string {
  if (node.enum) return node.enum.map((value) => `\`${String(value)}\``).join(', ');
  if (node.anyOf) return node.anyOf.map(valueOf).join(' or ');
  const type = Array.isArray(node.type) ? node.type.join(' or ') : (node.type ?? 'any');
  if (type === 'array') return `list of ${node.items ? valueOf(node.items) : 'any'}`;
  if ((type === 'number' || type === 'integer') && node.minimum !== undefined) {
    return `${type} ${node.minimum} to ${node.maximum ?? '…'}`;
  }
  if (type === 'object' && node.properties) return 'object';
  return type;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** The README with its policy table replaced by the generated one. */
export function withPolicyTable(readme: string): string {
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error('README has no policy-keys markers');
  return `${readme.slice(0, start + TABLE_START.length)}\n\n${policyKeysTable()}\n\n${readme.slice(end)}`;
}

/** withPolicyTable, formatted as Prettier formats the README (it aligns the table's columns). */
export async function readmeWithPolicyTable(readme: string): Promise<string> {
  const options = (await resolveConfig('README.md')) ?? {};
  return format(withPolicyTable(readme), { ...options, filepath: 'README.md' });
}

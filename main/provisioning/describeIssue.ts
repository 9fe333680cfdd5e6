/**
 * Turns zod's issues for a refused document into the one ProfileProblem shown to IT: the first
 * issue, with a plain-language reason. Zod's own messages are written for developers
 * ("Invalid input: expected array, received string") and the contract's are i18n keys
 * ("server.insecureRemote"); an admin editing JSON needs neither.
 */
import { z } from 'zod';
import { formatPath, type ProfileProblem } from './ProfileProblem';

type Issue = z.core.$ZodIssue;

/** Reasons for the message keys of the shared schemas in common/contract. */
const CONTRACT_MESSAGES: Readonly<Record<string, string>> = {
  'server.required':
    'Empty; give the WebSocket address of the SIP server, e.g. wss://sip.example.com',
  'server.invalidUrl': 'Not a valid URL; expected e.g. wss://sip.example.com',
  'server.notWebSocket': 'Not a WebSocket URL; it must start with wss://',
  'server.insecureRemote':
    'Plain ws:// is allowed only to this computer (localhost); use wss:// for a remote server',
  'sipUri.required': 'Empty; give the SIP address, e.g. sip:agent@example.com',
  'sipUri.invalid': 'Not a SIP URI; expected e.g. sip:agent@example.com',
};

const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'an object { ... }',
  array: 'a list [ ... ]',
  null: 'null',
};

export function firstProblem(
  schema: z.ZodType,
  issues: readonly Issue[],
  input: unknown,
): ProfileProblem {
  const first = issues[0];
  if (!first) return { path: formatPath([]), reason: 'Invalid' };
  // A misspelt required key shows up twice: as an unknown key and as a missing one. The
  // unknown key is the one the admin can see in the file, so it is the one to report.
  if (isMissing(first, input)) {
    const parent = first.path.slice(0, -1);
    const unknown = issues.find(
      (issue) => issue.code === 'unrecognized_keys' && samePath(issue.path, parent),
    );
    if (unknown) return describe(schema, unknown, input);
  }
  return describe(schema, first, input);
}

function describe(schema: z.ZodType, issue: Issue, input: unknown): ProfileProblem {
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    return {
      path: formatPath([...issue.path, key]),
      reason: unknownKeyReason(schema, issue, key, input),
    };
  }
  return { path: formatPath(issue.path), reason: reasonFor(issue, input) };
}

function reasonFor(issue: Issue, input: unknown): string {
  // A shared schema's own message key says more than the generic rule behind it: an empty SIP
  // address is "give the SIP address, e.g. ...", not just "must not be empty".
  const contract = CONTRACT_MESSAGES[issue.message];
  if (contract) return contract;
  switch (issue.code) {
    case 'invalid_type': {
      if (isMissing(issue, input)) return 'Required, but missing';
      const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
      return `Expected ${expected}, got ${describeValue(valueAt(input, issue.path))}`;
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') {
        return min <= 1 ? 'Must not be empty' : `Must be at least ${min} characters`;
      }
      if (issue.origin === 'array') {
        return min <= 1 ? 'Must list at least one entry' : `Must list at least ${min} entries`;
      }
      return issue.inclusive === false ? `Must be more than ${min}` : `Must be at least ${min}`;
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return `Must be at most ${max} characters`;
      if (issue.origin === 'array') return `Must list at most ${max} entries`;
      return issue.inclusive === false ? `Must be less than ${max}` : `Must be at most ${max}`;
    }
    case 'invalid_value': {
      const allowed = issue.values.map((value) => JSON.stringify(value));
      return allowed.length === 1
        ? `Must be ${allowed[0]}`
        : `Must be one of ${allowed.join(', ')}`;
    }
    default:
      return issue.message;
  }
}

function unknownKeyReason(schema: z.ZodType, issue: Issue, key: string, input: unknown): string {
  if (/pass(word)?|secret/i.test(key)) {
    return `Unknown key "${key}": a profile never carries a password; the agent types it when signing in`;
  }
  const allowed = objectKeysAt(schema, issue.path);
  // Suggest only keys the object lacks: the typo is then the one spelling of that key.
  const present = valueAt(input, issue.path);
  const absent = allowed.filter(
    (name) => typeof present !== 'object' || present === null || !Object.hasOwn(present, name),
  );
  const suggestion = closest(key, absent);
  if (suggestion) return `Unknown key "${key}" (did you mean "${suggestion}"?)`;
  return allowed.length > 0
    ? `Unknown key "${key}"; the keys allowed here are ${allowed.join(', ')}`
    : `Unknown key "${key}"`;
}

/** The key names the schema accepts for the object at `path` (empty when it cannot tell). */
function objectKeysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let current: z.ZodType | undefined = schema;
  for (let index = 0; current;) {
    if (
      current instanceof z.ZodOptional ||
      current instanceof z.ZodDefault ||
      current instanceof z.ZodPrefault
    ) {
      current = current.unwrap() as z.ZodType;
    } else if (index === path.length) {
      return current instanceof z.ZodObject ? Object.keys(current.shape) : [];
    } else if (current instanceof z.ZodObject && typeof path[index] === 'string') {
      current = (current.shape as Record<string, z.ZodType>)[path[index] as string];
      index++;
    } else if (current instanceof z.ZodArray && typeof path[index] === 'number') {
      current = current.element as z.ZodType;
      index++;
    } else {
      return [];
    }
  }
  return [];
}

/** The allowed key a typo most likely meant: same letters ignoring case, or at most 2 edits. */
function closest(key: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of candidates) {
    const distance = editDistance(key.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      row.push(Math.min((previous[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, substitution));
    }
    previous = row;
  }
  return previous[b.length] ?? 0;
}

/** A required key that is absent (zod reports it as a type error on `undefined`). */
function isMissing(issue: Issue, input: unknown): boolean {
  if (issue.code !== 'invalid_type' || issue.path.length === 0) return false;
  const parent = valueAt(input, issue.path.slice(0, -1));
  const key = issue.path.at(-1);
  return (
    typeof parent === 'object' &&
    parent !== null &&
    !Array.isArray(parent) &&
    !Object.hasOwn(parent, key as PropertyKey)
  );
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current = input;
  for (const segment of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    if (!Object.hasOwn(current, segment)) return undefined;
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return current;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') {
    const shown = value.length > 40 ? `${value.slice(0, 40)}...` : value;
    return `text ${JSON.stringify(shown)}`;
  }
  return String(value);
}

function samePath(a: readonly PropertyKey[], b: readonly PropertyKey[]): boolean {
  return a.length === b.length && a.every((segment, index) => segment === b[index]);
}

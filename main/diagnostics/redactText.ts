/**
 * Removes secrets from text that leaves the machine in a diagnostics export (SPEC G6). The log
 * writer already masks secret-named fields (Logger.redact); this is the second line, for what
 * can hide inside a value: a SIP message quoted in an error, a URL with a token, a header
 * copied into a reason. Each rule replaces the secret and keeps the words around it, so support
 * can still read what happened.
 */

const MASK = '***';

/** Each rule: what finds the secret, and how the match is rewritten. */
const RULES: readonly { name: string; pattern: RegExp; replace: string }[] = [
  // SIP and HTTP authorization headers carry the digest response (or a bearer token): the whole
  // value goes, it is all credential material (username, nonce, cnonce, response).
  // The value runs to the end of the line, or to the end of the JSON string it is quoted in
  // (a bare quote); escaped quotes inside it (\") belong to the value, escaped line ends do not.
  {
    name: 'authorization header',
    pattern:
      /\b((?:Proxy-)?Authorization\s*[:=]\s*(?:(?:Digest|Bearer|Basic)\s+)?)(?:[^"\\\r\n]|\\[^rn])+/gi,
    replace: `$1${MASK}`,
  },
  // A digest response quoted elsewhere: response="0f3c..." (or response=\"...\" inside JSON).
  {
    name: 'digest response',
    pattern: /\b(response\s*=\s*)(\\?")[^"\\]*(\\?")/gi,
    replace: `$1$2${MASK}$3`,
  },
  { name: 'bearer token', pattern: /\b(Bearer\s+)[A-Za-z0-9._~+/=-]+/g, replace: `$1${MASK}` },
  // JSON fields with a secret name, whatever the log writer did: "password":"...".
  {
    name: 'secret json field',
    pattern:
      /("[^"]*(?:pass(?:word)?|secret|credential|token|authorization|api[_-]?key)[^"]*"\s*:\s*)("(?:[^"\\]|\\.)*"|[^,}\s]+)/gi,
    replace: `$1"${MASK}"`,
  },
  // key=value pairs in URLs and text: ?token=..., password=..., access_token=...
  {
    name: 'secret parameter',
    pattern:
      /\b((?:[a-z_]*token|password|passwd|pwd|secret|api[_-]?key|sig|signature|auth)=)[^&\s"',;]+/gi,
    replace: `$1${MASK}`,
  },
  // A password in a URI's user part: sip:agent:hunter2@pbx, wss://user:pw@host.
  {
    name: 'uri password',
    pattern: /\b((?:sips?|wss?|https?):(?:\/\/)?[^:@\s/"']+:)[^@\s/"']+@/gi,
    replace: `$1${MASK}@`,
  },
  // JSON Web Tokens anywhere (three base64url parts, the first an encoded '{"').
  {
    name: 'jwt',
    pattern: /\beyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/g,
    replace: MASK,
  },
];

export function redactText(text: string): string {
  return RULES.reduce((current, rule) => current.replace(rule.pattern, rule.replace), text);
}

/** Secret-named fields of a JSON value masked, recursively (the profile, the settings). */
export function redactJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactJson);
  if (value === null || typeof value !== 'object') {
    return typeof value === 'string' ? redactText(value) : value;
  }
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [
      key,
      /pass(word)?|secret|credential|token|authorization|api[_-]?key/i.test(key)
        ? MASK
        : redactJson(inner),
    ]),
  );
}

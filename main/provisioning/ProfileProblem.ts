/**
 * Why a profile was refused: the first error, where it is and what is wrong, in words for the IT
 * admin who wrote the document. One problem, not a list: the profile is refused whole, and
 * fixing one error at a time is how people edit JSON by hand.
 */
export interface ProfileProblem {
  /** Where in the document, e.g. `servers[0]` or `quickConnects[2].kind`; DOCUMENT_PATH for the whole. */
  path: string;
  reason: string;
}

/** The path of a problem with the document as a whole (size, JSON syntax, unreachable source). */
export const DOCUMENT_PATH = '(document)';

/** `['quickConnects', 2, 'kind']` -> `quickConnects[2].kind`; keys that are not names are quoted. */
export function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return DOCUMENT_PATH;
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else {
      const key = String(segment);
      if (/^[A-Za-z_$][\w$]*$/.test(key)) out += out === '' ? key : `.${key}`;
      else out += `[${JSON.stringify(key)}]`;
    }
  }
  return out;
}

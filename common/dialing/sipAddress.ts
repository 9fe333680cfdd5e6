/**
 * SIP addresses an agent may dial: `sip:user@host`, `sips:user@host`, or `user@host` (taken as
 * sip:), and bare user names that the engine completes with the account's own domain.
 *
 * The grammar is a deliberately small subset of RFC 3261: no passwords, no `?headers`, no
 * escaped characters in the user part, a bounded number of `;params`. Anything richer is not
 * something an agent types, and whatever reaches the engine ends up in a Request-URI, so a
 * strict allow-list is the safe side.
 */

export interface SipAddress {
  scheme: 'sip' | 'sips';
  user: string;
  /** Lower-cased: host names are case-insensitive and the same host should compare equal. */
  host: string;
  /** The normalised URI to dial: scheme and host lower-cased, user and params as given. */
  uri: string;
}

const USER = '[A-Za-z0-9._~+-]{1,64}';
const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
const HOST = `(?:\\[[0-9A-Fa-f:.]{2,45}\\]|${LABEL}(?:\\.${LABEL})*)`;
const PARAM = ';[A-Za-z0-9-]{1,32}(?:=[A-Za-z0-9._~+-]{1,64})?';
const SIP_ADDRESS = new RegExp(
  `^(?:(sips?):)?(${USER})@(${HOST})(?::(\\d{1,5}))?((?:${PARAM}){0,8})$`,
  'i',
);

/** A bare SIP user name: starts with a letter, so it can never be mistaken for a number. */
const SIP_USER_NAME = /^[A-Za-z][A-Za-z0-9._~-]{0,63}$/;

const MAX_HOST_LENGTH = 253;
const MAX_PORT = 65_535;

/**
 * Parses `sip:user@host[:port][;params]`; the scheme may be left out when `requireScheme` is
 * false (typed input), never for a link, where a missing scheme means it is not a SIP link.
 */
export function parseSipAddress(
  text: string,
  { requireScheme }: { requireScheme: boolean },
): SipAddress | undefined {
  const match = SIP_ADDRESS.exec(text);
  if (!match) return undefined;
  const [, rawScheme, user, rawHost, port, params] = match;
  if (user === undefined || rawHost === undefined) return undefined;
  if (rawScheme === undefined && requireScheme) return undefined;
  if (rawHost.length > MAX_HOST_LENGTH) return undefined;
  if (port !== undefined && (Number(port) < 1 || Number(port) > MAX_PORT)) return undefined;
  const scheme = rawScheme?.toLowerCase() === 'sips' ? 'sips' : 'sip';
  const host = rawHost.toLowerCase();
  const uri = `${scheme}:${user}@${host}${port === undefined ? '' : `:${port}`}${params ?? ''}`;
  return { scheme, user, host, uri };
}

export function isSipUserName(text: string): boolean {
  return SIP_USER_NAME.test(text);
}

/**
 * A user part made of a phone number (`sip:+17347644357@carrier`, `sip:911@pbx`): the dialing
 * rules look at the number inside, so a SIP URI is no way around them.
 */
export function isNumericUser(user: string): boolean {
  return /^\+?[0-9.-]*[0-9][0-9.-]*$/.test(user);
}

/**
 * Click-to-dial links handed over by the operating system's protocol handler: `tel:`,
 * `callto:`, `sip:` and `sips:`.
 *
 * The URL comes from whatever web page or program the agent clicked in, so it is treated as
 * hostile: bounded, percent-decoded once, and reduced to a plain target (a dial string, a SIP
 * URI or a SIP user name) that the dialing rules then judge like anything typed. This module
 * only reads the link; whether the call is allowed is `planDial`'s decision.
 */
import { z } from 'zod';
import { MAX_DIAL_INPUT_LENGTH, toDialString } from '../../common/dialing/dialString';
import { isSipUserName, parseSipAddress } from '../../common/dialing/sipAddress';

export interface DialLink {
  /** A dial string ("+17347644357", "7347644357"), a SIP URI, or a bare SIP user name. */
  target: string;
  /**
   * The link's scheme (`sips:` counts as `sip`). Whether a `callto:` link may dial at once is
   * the profile's choice (dialLinkPolicy), not the link's: by default every link only fills
   * in the number pad and the agent presses Call.
   */
  scheme: DialLinkScheme;
}

export type DialLinkScheme = 'tel' | 'callto' | 'sip';

export const MAX_DIAL_LINK_LENGTH = 256;

/** Printable ASCII only: a real link is percent-encoded, so raw controls mean tampering. */
const DialLinkText = z
  .string()
  .trim()
  .min(1)
  .max(MAX_DIAL_LINK_LENGTH)
  .regex(/^[\x20-\x7e]+$/);

/** What a link may resolve to: a dial string, a SIP URI, or a bare SIP user name. */
const DialTarget = z
  .string()
  .min(1)
  .max(MAX_DIAL_INPUT_LENGTH)
  .refine(
    (target) =>
      /^\+?\d{1,20}$/.test(target) ||
      parseSipAddress(target, { requireScheme: true }) !== undefined ||
      isSipUserName(target),
  );

const LINK = /^(tel|callto|sips?):(.*)$/is;

export function parseDialLink(url: string): DialLink | undefined {
  const text = DialLinkText.safeParse(url);
  if (!text.success) return undefined;
  const match = LINK.exec(text.data);
  if (!match) return undefined;
  const [, rawScheme = '', rest = ''] = match;
  const scheme = rawScheme.toLowerCase();
  const link =
    scheme === 'tel'
      ? parseTel(withoutSlashes(rest))
      : scheme === 'callto'
        ? parseCallto(withoutSlashes(rest))
        : parseSip(`${scheme}:${rest}`);
  if (!link) return undefined;
  return DialTarget.safeParse(link.target).success ? link : undefined;
}

/**
 * `tel:+1-734-764-4357`, or a local number with its context: `tel:7347644357;phone-context=+1`.
 * Only a global phone-context ("+" and digits) is applied; a domain context cannot be resolved
 * here, so the local number is left for the default country. Other parameters (ext, isub,
 * postd) are dropped: the softphone cannot dial them, and the number is still the right one.
 */
function parseTel(rest: string): DialLink | undefined {
  const [rawNumber = '', ...rawParams] = rest.split(';');
  const number = decode(rawNumber);
  const dial = number === undefined ? undefined : toDialString(number);
  if (!dial || dial.digits === '') return undefined;
  if (dial.international) return { target: dial.text, scheme: 'tel' };
  for (const rawParam of rawParams) {
    const [name = '', value = ''] = rawParam.split('=');
    if (name.toLowerCase() !== 'phone-context') continue;
    const decoded = decode(value);
    const context = decoded === undefined ? undefined : toDialString(decoded);
    if (context?.international && context.digits !== '') {
      return { target: `+${context.digits}${dial.digits}`, scheme: 'tel' };
    }
  }
  return { target: dial.text, scheme: 'tel' };
}

/**
 * `callto:+44...`, `callto://+44.../` (browsers add the slashes), or a user name or address
 * as Skype used them. A `?call` style query is dropped: whether a link may call at once is
 * the profile's decision, never the link's.
 */
function parseCallto(rest: string): DialLink | undefined {
  const decoded = decode(rest.split('?')[0] ?? '');
  if (decoded === undefined) return undefined;
  const dial = toDialString(decoded);
  if (dial && dial.digits !== '') return { target: dial.text, scheme: 'callto' };
  if (decoded.includes('@')) {
    const address = parseSipAddress(decoded, { requireScheme: false });
    return address && { target: address.uri, scheme: 'callto' };
  }
  return isSipUserName(decoded) ? { target: decoded, scheme: 'callto' } : undefined;
}

/** `sip:alice@example.com`, `sips:...`: validated with the same grammar as typed addresses. */
function parseSip(uri: string): DialLink | undefined {
  const decoded = decode(uri);
  const address =
    decoded === undefined ? undefined : parseSipAddress(decoded, { requireScheme: true });
  return address && { target: address.uri, scheme: 'sip' };
}

/** `//target/` to `target`: the authority form browsers and Windows produce for these schemes. */
function withoutSlashes(rest: string): string {
  return rest.replace(/^\/\//, '').replace(/\/$/, '');
}

/**
 * Percent-decodes once. Malformed escapes and anything decoding to a control character are
 * refused (undefined): "%0a" in a number can only be an attempt to smuggle something through.
 */
function decode(text: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(text);
  } catch {
    return undefined;
  }
  return /\p{Cc}/u.test(decoded) ? undefined : decoded;
}

/**
 * PIDF (RFC 3863) with the RPID (RFC 4480) bits a contact center needs: reading a NOTIFY's
 * presence document, and writing the agent's own for PUBLISH.
 *
 * Read with fast-xml-parser rather than the engine page's DOMParser: the same code then runs
 * in the unit tests (Node has no DOM), and it never expands entities or fetches anything, so
 * a hostile body costs a bounded parse. Namespace prefixes are dropped: servers choose their
 * own (`dm:person`, `pdm:person`, `rpid:away`, `r:away`), and the local names are what count.
 */
import { XMLParser } from 'fast-xml-parser';
import type { PresencePublication, PresenceState } from '../../../common/contract';

/** Larger NOTIFY bodies are not read: a colleague's presence is a few hundred bytes. */
export const MAX_PIDF_BYTES = 16_384;

export interface PidfReading {
  state: Exclude<PresenceState, 'unknown'>;
  /** The first note (tuple, person or document), trimmed; absent when empty. */
  note?: string;
}

const parser = new XMLParser({
  ignoreAttributes: true,
  removeNSPrefix: true,
  processEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  parseTagValue: false,
  trimValues: true,
  // Elements that may repeat, always as arrays, so one and many read alike.
  isArray: (name) => ['tuple', 'person', 'note', 'activities'].includes(name),
});

type Node = Record<string, unknown>;

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nodes(value: unknown): Node[] {
  return Array.isArray(value) ? value.filter(isNode) : isNode(value) ? [value] : [];
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  // <note xml:lang="en">Break</note> reads as { '#text': 'Break' } when attributes are kept;
  // with them ignored it is a string, but a nested element would make it an object.
  if (isNode(value) && typeof value['#text'] === 'string') return text(value['#text']);
  return undefined;
}

function firstNote(...owners: Node[]): string | undefined {
  for (const owner of owners) {
    const notes = Array.isArray(owner.note) ? (owner.note as unknown[]) : [];
    for (const note of notes) {
      const found = text(note);
      if (found) return found.slice(0, 64);
    }
  }
  return undefined;
}

/**
 * What a PIDF document says about its presentity: available when any tuple is open; away
 * when all are closed but a person says `away` (signed in, not taking contacts); offline when
 * closed, or when nothing is published (no tuple). Undefined: not a PIDF document at all.
 */
export function readPidf(body: string): PidfReading | undefined {
  if (body.length > MAX_PIDF_BYTES) return undefined;
  let parsed: unknown;
  try {
    parsed = parser.parse(body, true);
  } catch {
    return undefined;
  }
  if (!isNode(parsed)) return undefined;
  const presence = parsed.presence;
  // <presence/> or <presence entity="..."/> (nothing published) parses to an empty string.
  if (presence === '') return { state: 'offline' };
  if (!isNode(presence)) return undefined;
  const tuples = nodes(presence.tuple);
  const persons = nodes(presence.person);
  const note = firstNote(...tuples, ...persons, presence);
  const reading = (state: PidfReading['state']): PidfReading =>
    note === undefined ? { state } : { state, note };

  const open = tuples.some((tuple) => {
    const status = nodes(tuple.status)[0];
    return status !== undefined && text(status.basic)?.toLowerCase() === 'open';
  });
  if (open) return reading('available');
  const away = persons.some((person) =>
    nodes(person.activities).some((activities) => 'away' in activities),
  );
  return reading(away ? 'away' : 'offline');
}

/**
 * What a presence NOTIFY's body says: an empty body (Kamailio's when nobody published for the
 * presentity) is offline; a PIDF is read; anything else says nothing (undefined).
 */
export function readNotifyBody(body: string | undefined): PidfReading | undefined {
  if (body === undefined || body.trim() === '') return { state: 'offline' };
  return readPidf(body);
}

function escapeXml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** The agent's PIDF for PUBLISH: one tuple (open or closed) and, when away, an RPID person. */
export function writePidf(entity: string, publication: PresencePublication): string {
  const note = escapeXml(publication.note);
  const person = publication.away
    ? `<dm:person id="agent"><rpid:activities><rpid:away/></rpid:activities>` +
      `<dm:note>${note}</dm:note></dm:person>`
    : '';
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<presence xmlns="urn:ietf:params:xml:ns:pidf"' +
    ' xmlns:dm="urn:ietf:params:xml:ns:pidf:data-model"' +
    ' xmlns:rpid="urn:ietf:params:xml:ns:pidf:rpid"' +
    ` entity="${escapeXml(entity)}">` +
    `<tuple id="openccp"><status><basic>${publication.basic}</basic></status>` +
    `<note>${note}</note></tuple>${person}</presence>`
  );
}

/**
 * RFC 3994 isComposing documents: the one the engine sends for the agent, and the state read
 * from the customer's. Their XML is tiny and fixed, so it is written and matched here rather
 * than parsed with a DOM (the engine page never parses remote markup).
 */
export const IS_COMPOSING_TYPE = 'application/im-iscomposing+xml';

/** `active` refreshes every 60 s at most (ChatTyping in main), so the far end may wait 120 s. */
export function isComposingBody(active: boolean): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<isComposing xmlns="urn:ietf:params:xml:ns:im-iscomposing">\n' +
    `  <state>${active ? 'active' : 'idle'}</state>\n` +
    (active ? '  <contenttype>text/plain</contenttype>\n  <refresh>120</refresh>\n' : '') +
    '</isComposing>'
  );
}

/** The state of a received isComposing document: active or not (idle, or unreadable). */
export function isComposingActive(body: string): boolean {
  return /<state>\s*active\s*<\/state>/i.test(body.slice(0, 2000));
}

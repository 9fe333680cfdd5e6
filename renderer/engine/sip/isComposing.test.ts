import { describe, expect, it } from 'vitest';
import { isComposingActive, isComposingBody } from './isComposing';

describe('RFC 3994 isComposing', () => {
  it('reads back its own active and idle documents', () => {
    expect(isComposingActive(isComposingBody(true))).toBe(true);
    expect(isComposingActive(isComposingBody(false))).toBe(false);
  });

  it('asks for a 120 s refresh only while active', () => {
    expect(isComposingBody(true)).toContain('<refresh>120</refresh>');
    expect(isComposingBody(false)).not.toContain('<refresh>');
  });

  it('reads another client’s document with spacing, and anything unreadable as idle', () => {
    expect(isComposingActive('<isComposing><state> active </state></isComposing>')).toBe(true);
    expect(isComposingActive('<isComposing><state>idle</state></isComposing>')).toBe(false);
    expect(isComposingActive('garbage')).toBe(false);
  });
});

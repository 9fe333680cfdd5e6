/** parseJsonDocument's size limit: the limit itself is allowed, one byte more is not. */
import { describe, expect, it } from 'vitest';
import { MAX_PROFILE_BYTES, parseJsonDocument } from './validateProfile';

describe('parseJsonDocument size limit', () => {
  it('takes a document of exactly the limit and refuses one byte more', () => {
    const exact = `"${'x'.repeat(MAX_PROFILE_BYTES - 2)}"`;
    expect(parseJsonDocument(exact).ok).toBe(true);
    expect(parseJsonDocument(`${exact} `)).toMatchObject({
      ok: false,
      reason: `The document is ${MAX_PROFILE_BYTES + 1} bytes; the limit is ${MAX_PROFILE_BYTES} bytes (1 MiB)`,
    });
  });
});

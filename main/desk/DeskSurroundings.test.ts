/** DeskSurroundings: each part's latest report, kept apart from the others, and taken back out. */
import { describe, expect, it } from 'vitest';
import { DeskSurroundings } from './DeskSurroundings';

const HEADSET = { name: 'Jabra Evolve2 40', vendorId: 0x0b0e, productId: 0x0305 };
const FOLDER = { folder: '/home/agent/Recordings', locked: false };

describe('DeskSurroundings', () => {
  it('keeps the parts already reported when another part reports', () => {
    const surroundings = new DeskSurroundings();
    surroundings.set('headset', HEADSET);
    surroundings.set('recordingsFolder', FOLDER);
    expect(surroundings.snapshot()).toStrictEqual({ headset: HEADSET, recordingsFolder: FOLDER });
    expect(surroundings.get('headset')).toEqual(HEADSET);
  });

  it('takes a part reported as undefined out of the snapshot, keeping the others', () => {
    const surroundings = new DeskSurroundings();
    surroundings.set('headset', HEADSET);
    surroundings.set('update', { kind: 'itManaged' });
    surroundings.set('headset', undefined);
    // Out, not present as undefined: the snapshot is spread into DeskState as it is.
    expect(Object.keys(surroundings.snapshot())).toEqual(['update']);
    expect(surroundings.get('headset')).toBeUndefined();
  });

  it('leaves an earlier snapshot as it was when a part changes', () => {
    const surroundings = new DeskSurroundings();
    surroundings.set('headset', HEADSET);
    const before = surroundings.snapshot();
    surroundings.set('headset', undefined);
    expect(before).toStrictEqual({ headset: HEADSET });
  });
});

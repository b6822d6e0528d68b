import { describe, expect, it } from 'vitest';
import { collectGarbage, collectGarbageIfGrown } from '../../src/integrations/collect-garbage.ts';

/** Calls it once for each of `pages` pages; how many of them collected. */
const collectionsOver = (pages: number) => Array.from({ length: pages }, collectGarbageIfGrown).filter(Boolean).length;

describe('garbage collection during the pages', () => {
  it('collects when the heap has grown by more than 64 MB since the last collection, and not while it has not', () => {
    collectGarbage();
    expect(collectionsOver(200)).toBe(0);
    // 80 MB (5 × 2M doubles), held until after the check, as pages waiting on their writes are.
    const held = Array.from({ length: 5 }, (_, i) => new Array<number>(2_000_000).fill(i + 0.5));
    expect(collectionsOver(50)).toBe(1);
    expect(held.length).toBe(5);
    expect(collectionsOver(200)).toBe(0);
  });
});

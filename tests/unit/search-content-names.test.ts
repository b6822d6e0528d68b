import { describe, expect, it } from 'vitest';
import { blockNames, blockSizeFor, endsBlock, type NamedItem } from '../../src/lib/search/content-names.ts';

const items = (n: number, changed = new Map<number, string>()): NamedItem[] =>
  Array.from({ length: n }, (_, i) => ({ name: `old-${i}`, key: `/papers/p${i}/`, hash: changed.get(i) ?? `hash-${i}` }));
const options = { averageBlock: 8, maxBlock: 32 };

/** New names of the items, in order. */
const named = (list: NamedItem[]) => {
  const names = blockNames(list, options);
  return list.map((item) => names.get(item.name)!);
};

describe('blockNames', () => {
  it('names every distinct item once, `<tag>-<i>` within blocks of about the average size', () => {
    const names = named(items(400));
    expect(new Set(names).size).toBe(400);
    const tags = new Set(names.map((name) => name.split('-')[0]));
    expect(tags.size).toBeGreaterThan(400 / 8 / 2);
    expect(tags.size).toBeLessThan((400 / 8) * 2);
    for (const name of names) expect(name).toMatch(/^[0-9a-f]{10}-[0-9a-z]+$/);
    const repeated = [...items(3), items(3)[0]!];
    expect(blockNames(repeated, options).size).toBe(3);
  });

  it('renames only the block of a changed item', () => {
    const before = named(items(400));
    const after = named(items(400, new Map([[200, 'changed']])));
    const renamed = before.filter((name, i) => after[i] !== name);
    expect(renamed.length).toBeGreaterThan(0);
    expect(renamed.length).toBeLessThanOrEqual(options.maxBlock);
    expect(renamed).toContain(before[200]);
  });

  it('keeps other blocks when an item is inserted: block ends follow the keys, not positions', () => {
    const list = items(400);
    const names = named(list);
    const before = new Map(list.map((item, i) => [item.name, names[i]]));
    const inserted = [...list.slice(0, 150), { name: 'new', key: '/papers/new/', hash: 'new' }, ...list.slice(150)];
    const after = blockNames(inserted, options);
    const kept = list.filter((item) => after.get(item.name) === before.get(item.name)).length;
    expect(kept).toBeGreaterThanOrEqual(400 - 2 * options.maxBlock);
    // No name of the old build names other content in the new one.
    const oldByName = new Map(list.map((item) => [before.get(item.name)!, item.hash]));
    for (const item of inserted) {
      const old = oldByName.get(after.get(item.name)!);
      if (old !== undefined) expect(old).toBe(item.hash);
    }
  });

  it('ends blocks on about one key in `average`, the same whatever the order', () => {
    const ends = items(4000).filter((item) => endsBlock(item.key, 8)).length;
    expect(ends).toBeGreaterThan(4000 / 8 / 1.3);
    expect(ends).toBeLessThan((4000 / 8) * 1.3);
  });
});

describe('blockSizeFor', () => {
  const cap = { averageBlock: 32, maxBlock: 128 };
  it('gives small lists small blocks and large ones the cap, in powers of two', () => {
    expect([10, 140, 1_000, 5_000, 100_000].map((n) => blockSizeFor(n, cap).averageBlock)).toEqual([4, 4, 8, 32, 32]);
    expect(blockSizeFor(140, cap).maxBlock).toBe(128);
  });
});

import { describe, expect, it } from 'vitest';
import { formatShard, parseShard, shardRange, ShardError } from '../../src/lib/shards.ts';
import { sliceOf } from '../../src/lib/search/slices.ts';

describe('shards of a list', () => {
  it('reads and writes shards as people number them, from 1/n to n/n', () => {
    expect(parseShard('1/4')).toEqual({ index: 0, count: 4 });
    expect(parseShard(' 4/4 ')).toEqual({ index: 3, count: 4 });
    for (const bad of ['0/4', '5/4', '1/0', '1', 'a/b', '-1/2', '1/2/3', '']) expect(parseShard(bad), bad).toBeNull();
    expect(formatShard({ index: 2, count: 5 })).toBe('3/5');
  });

  it('builds every paper without a shard', () => {
    expect(shardRange(139, 50, null)).toEqual({ first: 0, end: 139 });
  });

  it.each([
    [139, 50, 2],
    [139, 50, 3],
    [100_000, 5000, 4],
    [100_000, 5000, 20],
    [16, 6, 3],
    [1_000_003, 5000, 7],
  ])('splits %i papers in slices of %i into %i shards of whole slices, in order, covering the list', (papers, slicePapers, count) => {
    const ranges = Array.from({ length: count }, (_, index) => shardRange(papers, slicePapers, { index, count }));
    expect(ranges[0]!.first).toBe(0);
    expect(ranges.at(-1)!.end).toBe(papers);
    ranges.forEach((range, i) => {
      expect(range.end, `shard ${i + 1} has papers`).toBeGreaterThan(range.first);
      if (i > 0) expect(range.first).toBe(ranges[i - 1]!.end);
      // Whole slices: a shard's slices are exactly those of its papers, and no other shard's.
      expect(range.first % slicePapers).toBe(0);
      if (i > 0) expect(sliceOf(range.first, slicePapers)).toBeGreaterThan(sliceOf(ranges[i - 1]!.end - 1, slicePapers));
    });
    // As even as whole slices allow.
    const slices = ranges.map((range) => Math.ceil((range.end - range.first) / slicePapers));
    expect(Math.max(...slices) - Math.min(...slices)).toBeLessThanOrEqual(1);
  });

  it('refuses more shards than search slices, saying how many there may be', () => {
    expect(() => shardRange(139, 50, { index: 0, count: 4 })).toThrow(ShardError);
    expect(() => shardRange(139, 50, { index: 0, count: 4 })).toThrow(/use at most 3 shard\(s\), or smaller slices/);
  });
});

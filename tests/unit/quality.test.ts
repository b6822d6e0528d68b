/**
 * Related papers and topics agree with a researcher's judgements (tests/fixtures/judgements/),
 * on the real seeds and on lists from other fields: the goals of scripts/bench/quality.ts, or
 * where a goal is not met yet, the figure measured (QUALITY_FLOORS), so that none can drop.
 */
import { describe, expect, it } from 'vitest';
import { measureList, measureSeeds, OTHER_LISTS, QUALITY_FLOORS, type ListQuality } from '../../scripts/bench/quality.ts';

function expectAtLeast(result: ListQuality, floor: { related: number; topics: number }): void {
  expect(result.related.share, `related P@5 on ${result.list}; misses:\n${result.related.misses.join('\n')}`).toBeGreaterThanOrEqual(
    floor.related,
  );
  expect(result.topics.share, `topic pairs on ${result.list}; misses:\n${result.topics.misses.join('\n')}`).toBeGreaterThanOrEqual(
    floor.topics,
  );
}

describe('agreement with judgements', () => {
  it('on the seeds', () => {
    expectAtLeast(measureSeeds(), QUALITY_FLOORS.seeds);
  });

  for (const list of OTHER_LISTS) {
    it(`on ${list}`, () => {
      const result = measureList(list);
      expectAtLeast(result, QUALITY_FLOORS[list]);
      // A small list gets a few topics, not one per paper, and a paper that fits none has none.
      expect(result.topicList.length).toBeLessThanOrEqual(result.papers / 3);
      expect(result.otherPapers).toBeGreaterThan(0);
    });
  }
});

/**
 * Related papers and topics agree with a researcher's judgements (tests/fixtures/judgements/),
 * on the real seeds and on lists from other fields: the goals of scripts/bench/quality.ts.
 */
import { describe, expect, it } from 'vitest';
import { measureList, measureSeeds, OTHER_LISTS, QUALITY_GOALS, type ListQuality } from '../../scripts/bench/quality.ts';

function expectGoal(result: ListQuality, goal: number): void {
  expect(result.related.share, `related P@5 on ${result.list}; misses:\n${result.related.misses.join('\n')}`).toBeGreaterThanOrEqual(goal);
  expect(result.topics.share, `topic pairs on ${result.list}; misses:\n${result.topics.misses.join('\n')}`).toBeGreaterThanOrEqual(goal);
}

describe('agreement with judgements', () => {
  it('on the seeds', () => {
    expectGoal(measureSeeds(), QUALITY_GOALS.seeds);
  });

  for (const list of OTHER_LISTS) {
    it(`on ${list}`, () => {
      const result = measureList(list);
      expectGoal(result, QUALITY_GOALS.others);
      // Every judged pair is made of papers of the list, and each list gets a few topics, not one per paper.
      expect(result.topicList.length).toBeLessThanOrEqual(result.papers / 3);
    });
  }
});

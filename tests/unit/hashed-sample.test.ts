import { describe, expect, it } from 'vitest';
import { inSample, textKey } from '../../src/lib/text/analysis/hashed-sample.ts';
import { analyseCorpus, hashedSample } from '../../src/lib/text/analysis/corpus.ts';

const paper = (i: number) => ({
  id: `paper-${String(i).padStart(4, '0')}`,
  title: `Study ${i} of glaciers and rivers`,
  abstract: `We measure glacier ${i % 7} retreat and river ${i % 5} discharge from satellite images.`,
});

describe('hashed samples', () => {
  it('take about one item in `step`, whatever the keys look like', () => {
    const ids = Array.from({ length: 20_000 }, (_, i) => `paper-${i}`);
    const taken = ids.filter((id) => inSample(textKey(id), 5)).length;
    expect(taken).toBeGreaterThan(3_600);
    expect(taken).toBeLessThan(4_400);
  });

  it('keep their papers when a paper is added in the middle of the id order', () => {
    const papers = Array.from({ length: 300 }, (_, i) => paper(i * 2));
    const before = hashedSample(analyseCorpus(papers), 4).papers.map((p) => p.id);
    const withOneMore = [...papers, paper(301)]; // between paper-0300 and paper-0302 in id order
    const after = hashedSample(analyseCorpus(withOneMore), 4).papers.map((p) => p.id);
    expect(before.length).toBeGreaterThan(40);
    // Every n-th paper in id order would shift half the sample; by hash, at most the new one joins.
    expect(after.filter((id) => id !== 'paper-0301')).toEqual(before);
  });
});

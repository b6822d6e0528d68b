/** The term space learned from a list (src/lib/text/analysis/latent.ts). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PaperText } from '../../src/lib/types.ts';
import { analyseCorpus } from '../../src/lib/text/analysis/corpus.ts';
import { latentDimensions, latentSpace, paperSimilarity, termSimilarity } from '../../src/lib/text/analysis/latent.ts';
import { normalizePhrase } from '../../src/lib/text/tokenize.ts';

const dayListing = (
  JSON.parse(readFileSync(new URL('../fixtures/judgements/day-listing.json', import.meta.url), 'utf8')) as { papers: PaperText[] }
).papers;

describe('the learned term space', () => {
  const corpus = analyseCorpus(dayListing);
  const stems = (phrase: string) =>
    normalizePhrase(phrase)
      .split(' ')
      .map((stem) => corpus.vocabulary.find(stem));
  const index = (id: string) => corpus.papers.find((paper) => paper.id === id)!.index;

  it('puts a subject near its other names, and unrelated words apart', () => {
    const folding = termSimilarity(corpus.latent, stems('protein folding'), stems('structure prediction'));
    expect(folding).toBeGreaterThan(termSimilarity(corpus.latent, stems('protein'), stems('policy')));
    expect(folding).toBeGreaterThan(0.5);
    expect(termSimilarity(corpus.latent, stems('speech recognition'), stems('word error rate'))).toBeGreaterThan(0.5);
  });

  it('makes papers on one subject in other words alike', () => {
    expect(paperSimilarity(corpus.latent, index('prot-1'), index('prot-2'))).toBeGreaterThan(
      paperSimilarity(corpus.latent, index('prot-1'), index('asr-1')),
    );
  });

  it('is the same for the same list, whatever its order', () => {
    const again = analyseCorpus([...dayListing].reverse());
    expect(Array.from(again.latent.papers)).toEqual(Array.from(corpus.latent.papers));
  });

  it('has a quarter as many dimensions as papers, at most 48, and none for a tiny list', () => {
    expect(latentDimensions(33)).toBe(8);
    expect(latentDimensions(100_000)).toBe(48);
    expect(latentDimensions(3)).toBe(0);
    const space = latentSpace([], 10, 4, new Int32Array(10), new Int32Array(0));
    expect(space.dimensions).toBe(0);
  });
});

/**
 * Term weights: the one IDF and the one term-frequency damping used by topics, related papers
 * and the learned term similarity, and sparse TF-IDF vectors built with them.
 */

/** How much a term (word or phrase) in `documentFrequency` of `documentCount` papers tells: rarer is more. */
export function inverseDocumentFrequency(documentFrequency: number, documentCount: number): number {
  return Math.log(1 + documentCount / Math.max(1, documentFrequency));
}

/** Repeating a term says a paper is about it, with diminishing returns. */
export function termFrequencyWeight(count: number): number {
  return count > 0 ? 1 + Math.log(count) : 0;
}

/**
 * The same with slower returns, a power below one (ten mentions weigh 5.6 times one), for
 * comparing two papers' terms: measured on the judged related papers (tests/fixtures/judgements/),
 * it ranks better than the logarithm, which topics (chosen over groups of papers) keep.
 */
export function pairTermFrequencyWeight(count: number): number {
  return count > 0 ? count ** PAIR_TERM_FREQUENCY_POWER : 0;
}

const PAIR_TERM_FREQUENCY_POWER = 0.75;

/** A sparse vector: term ids in ascending order, parallel weights, unit length. */
export interface TermVector {
  terms: Int32Array;
  weights: Float64Array;
}

/** Papers per term, for papers given as term id lists (a term counts once per paper). */
export function documentFrequencies(documents: readonly (readonly number[])[], termCount: number): Int32Array {
  const df = new Int32Array(termCount);
  const last = new Int32Array(termCount).fill(-1);
  documents.forEach((document, index) => {
    for (const term of document) {
      if (last[term] !== index) {
        last[term] = index;
        df[term]!++;
      }
    }
  });
  return df;
}

/** Unit-length TF-IDF vector of a paper given as its term ids (repeated as often as they occur). */
export function tfidfVector(termIds: readonly number[], df: Int32Array, documentCount: number): TermVector {
  // Sorted, each term's occurrences are a run: counted without a map (this runs for every paper).
  const sorted = Int32Array.from(termIds).sort();
  let distinct = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) distinct++;
  const terms = new Int32Array(distinct);
  const weights = new Float64Array(distinct);
  for (let i = 0, slot = 0; i < sorted.length; slot++) {
    const term = sorted[i]!;
    let count = 0;
    while (i < sorted.length && sorted[i] === term) {
      count++;
      i++;
    }
    terms[slot] = term;
    weights[slot] = termFrequencyWeight(count) * inverseDocumentFrequency(df[term]!, documentCount);
  }
  let norm = 0;
  for (const weight of weights) norm += weight * weight;
  norm = Math.sqrt(norm) || 1;
  for (let i = 0; i < weights.length; i++) weights[i]! /= norm;
  return { terms, weights };
}

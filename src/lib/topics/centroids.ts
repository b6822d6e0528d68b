/**
 * Topic centres: the mean of their papers' TF-IDF vectors (see text/analysis/weights.ts), and
 * how close a paper is to one.
 */
import type { TermVector } from '../text/analysis/weights.ts';

/** A topic's centre: term → weight, unit length. */
export type Centroid = Map<number, number>;

/**
 * Sums sparse vectors into a dense scratch array, remembering which terms it touched. One per
 * corpus, reused for every centroid: far cheaper than a map per sum.
 */
export class TermAccumulator {
  private readonly sums: Float64Array;
  private readonly touched: number[] = [];

  constructor(termCount: number) {
    this.sums = new Float64Array(termCount);
  }

  add(vector: TermVector, factor = 1): void {
    vector.terms.forEach((term, i) => {
      if (this.sums[term] === 0) this.touched.push(term);
      this.sums[term]! += factor * vector.weights[i]!;
    });
  }

  get(term: number): number {
    return this.sums[term]!;
  }

  /** Loads a centroid, to measure many vectors against it with `dot`; `drain` empties it again. */
  load(centroid: Centroid): void {
    for (const [term, weight] of centroid) {
      if (this.sums[term] === 0) this.touched.push(term);
      this.sums[term]! += weight;
    }
  }

  /** Dot product of a vector with the sums. */
  dot(vector: TermVector): number {
    let dot = 0;
    for (let i = 0; i < vector.terms.length; i++) dot += vector.weights[i]! * this.sums[vector.terms[i]!]!;
    return dot;
  }

  /** Touched terms and their sums, in first-touch order; then the accumulator is empty again. */
  drain(): [number, number][] {
    const entries = this.touched.map((term): [number, number] => [term, this.sums[term]!]);
    this.clear();
    return entries.filter(([, weight]) => weight !== 0);
  }

  /** Σ sum² over the touched terms (`drain`'s entries), without listing them; then the accumulator is empty again. */
  drainSumOfSquares(): number {
    let sumSquared = 0;
    for (const term of this.touched) {
      const weight = this.sums[term]!;
      if (weight !== 0) sumSquared += weight * weight;
    }
    this.clear();
    return sumSquared;
  }

  /**
   * `drain`'s entries as a unit-length centroid when there are at most `limit` of them (without
   * listing them first: this runs for every topic candidate); otherwise null, and nothing drained.
   */
  drainCentroid(limit: number): Centroid | null {
    let count = 0;
    let sumSquared = 0;
    for (const term of this.touched) {
      const weight = this.sums[term]!;
      if (weight === 0) continue;
      count++;
      sumSquared += weight * weight;
    }
    if (count > limit) return null;
    const norm = Math.sqrt(sumSquared) || 1;
    const centroid: Centroid = new Map();
    for (const term of this.touched) {
      const weight = this.sums[term]!;
      if (weight !== 0) centroid.set(term, weight / norm);
    }
    this.clear();
    return centroid;
  }

  /** Empties the accumulator (`drain` without the entries). */
  clear(): void {
    for (const term of this.touched) this.sums[term] = 0;
    this.touched.length = 0;
  }
}

/** Mean of unit vectors, renormalised; optionally keeps only the heaviest `limit` terms. */
export function centroidOf(vectors: readonly TermVector[], limit = Infinity, accumulator?: TermAccumulator): Centroid {
  let entries: [number, number][];
  if (accumulator !== undefined) {
    for (const vector of vectors) accumulator.add(vector);
    const centroid = accumulator.drainCentroid(limit);
    if (centroid !== null) return centroid;
    entries = accumulator.drain();
  } else {
    const sum = new Map<number, number>();
    for (const vector of vectors) vector.terms.forEach((term, i) => sum.set(term, (sum.get(term) ?? 0) + vector.weights[i]!));
    entries = [...sum.entries()];
  }
  if (entries.length > limit) {
    entries.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    entries = entries.slice(0, limit);
  }
  let sumSquared = 0;
  for (const [, weight] of entries) sumSquared += weight * weight;
  const norm = Math.sqrt(sumSquared) || 1;
  const centroid: Centroid = new Map();
  for (const [term, weight] of entries) centroid.set(term, weight / norm);
  return centroid;
}

export function cosineToCentroid(vector: TermVector, centroid: Centroid): number {
  let dot = 0;
  vector.terms.forEach((term, i) => {
    const weight = centroid.get(term);
    if (weight !== undefined) dot += weight * vector.weights[i];
  });
  return dot;
}

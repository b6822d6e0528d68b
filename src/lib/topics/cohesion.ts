/**
 * Does a group of papers share a subject, or only a word? Measured in the term space learned
 * from the corpus (text/analysis/latent.ts), leaving out the word itself: the papers' mean
 * similarity to each other, less their mean similarity to the corpus as a whole. Papers of
 * one field ("glaciers", "tuberculosis") are far more alike than they are like the rest of a
 * mixed list; papers that only share "error", "losses" or "transmission" are not. In a list
 * from one field (every paper about machine learning), a lone ordinary word rarely marks such
 * a cluster, and phrases do the naming.
 */
import type { AnalysedCorpus } from '../text/analysis/corpus.ts';
import type { LatentSpace } from '../text/analysis/latent.ts';
import type { TermVector } from '../text/analysis/weights.ts';

/** The weight of a term in a sparse vector (0 when absent), by binary search. */
function weightOf(vector: TermVector, term: number): number {
  let low = 0;
  let high = vector.terms.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const value = vector.terms[middle]!;
    if (value === term) return vector.weights[middle]!;
    if (value < term) low = middle + 1;
    else high = middle - 1;
  }
  return 0;
}

export class Cohesion {
  private readonly space: LatentSpace;
  private readonly vectors: readonly TermVector[];
  private readonly stemIdsOf: (key: string) => number[];
  /** The mean paper of the corpus. */
  private readonly mean: Float64Array;
  private readonly scratch: Float64Array;

  constructor(corpus: AnalysedCorpus) {
    this.space = corpus.latent;
    this.vectors = corpus.papers.map((paper) => paper.vector);
    this.stemIdsOf = (key) => (key === '' ? [] : key.split(' ').map((stem) => corpus.vocabulary.find(stem)));
    const d = this.space.dimensions;
    const n = corpus.papers.length;
    this.mean = new Float64Array(d);
    this.scratch = new Float64Array(d);
    for (let i = 0; i < n; i++) for (let c = 0; c < d; c++) this.mean[c]! += this.space.papers[i * d + c]! / n;
  }

  /** A paper's unit vector in the latent space with the given terms' part taken out (into `vector` if given). */
  private without(paper: number, terms: readonly number[], vector: Float64Array = new Float64Array(this.space.dimensions)): Float64Array {
    const { dimensions: d, papers, paperNorms, terms: termVectors, columns, singularValues } = this.space;
    for (let c = 0; c < d; c++) vector[c] = papers[paper * d + c]! * paperNorms[paper]!;
    for (const term of terms) {
      const column = columns[term] ?? -1;
      const weight = column >= 0 ? weightOf(this.vectors[paper]!, term) : 0;
      if (weight === 0) continue;
      for (let c = 0; c < d; c++) if (singularValues[c]! > 0) vector[c]! -= (weight * termVectors[column * d + c]!) / singularValues[c]!;
    }
    let norm = 0;
    for (const value of vector) norm += value * value;
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let c = 0; c < d; c++) vector[c]! *= scale;
    return vector;
  }

  /**
   * Each member's mean similarity to the other members, less its similarity to the mean paper,
   * leaving out `terms` (the stems of the name that gathered them).
   */
  private distinctness(members: readonly number[], terms: readonly number[]): number[] {
    const d = this.space.dimensions;
    const vectors = members.map((member) =>
      terms.length === 0 ? this.space.papers.subarray(member * d, (member + 1) * d) : this.without(member, terms),
    );
    const total = new Float64Array(d);
    for (const vector of vectors) for (let c = 0; c < d; c++) total[c]! += vector[c]!;
    return vectors.map((vector) => {
      let toOthers = 0;
      let toCorpus = 0;
      for (let c = 0; c < d; c++) {
        toOthers += vector[c]! * (total[c]! - vector[c]!);
        toCorpus += vector[c]! * this.mean[c]!;
      }
      return toOthers / (members.length - 1) - toCorpus;
    });
  }

  /**
   * How much more alike the members are than papers picked at random, apart from the phrase
   * `key` that gathered them: about 0 for a random group, nearly 1 for a tight cluster in a
   * mixed list.
   */
  contrast(members: readonly number[], key: string): number {
    if (members.length < 2 || this.space.dimensions === 0) return 0;
    const values = this.distinctness(members, this.stemIdsOf(key));
    return values.reduce((sum, value) => sum + value, 0) / values.length;
  }

  /** The members at least `share` as distinct as the group: those near its cluster. */
  coreMembers(members: readonly number[], key: string, share: number): number[] {
    if (members.length < 3 || this.space.dimensions === 0) return [...members];
    const values = this.distinctness(members, this.stemIdsOf(key));
    const floor = (share * values.reduce((sum, value) => sum + value, 0)) / values.length;
    return members.filter((_, i) => values[i]! >= floor);
  }

  /** A group to measure papers against (see `closeness`): the sum of its members' vectors, and the stems of its name. */
  group(members: readonly number[], key: string): CohesionGroup {
    const d = this.space.dimensions;
    const centre = new Float64Array(d);
    for (const m of members) for (let c = 0; c < d; c++) centre[c]! += this.space.papers[m * d + c]!;
    return { centre, size: members.length, stemIds: this.stemIdsOf(key) };
  }

  /**
   * How much closer a paper is to a group than to the corpus, on the scale of `contrast`, for a
   * paper outside the group. `withoutName` leaves out the paper's use of the group's name words.
   */
  closeness(paper: number, group: CohesionGroup, withoutName = true): number {
    const d = this.space.dimensions;
    if (d === 0 || group.size === 0) return 0;
    const vector = withoutName ? this.without(paper, group.stemIds, this.scratch) : this.space.papers.subarray(paper * d, (paper + 1) * d);
    let toGroup = 0;
    let toCorpus = 0;
    for (let c = 0; c < d; c++) {
      toGroup += vector[c]! * group.centre[c]!;
      toCorpus += vector[c]! * this.mean[c]!;
    }
    return toGroup / group.size - toCorpus;
  }
}

/** Papers summed as one (see `Cohesion.group`). */
export interface CohesionGroup {
  centre: Float64Array;
  size: number;
  stemIds: number[];
}

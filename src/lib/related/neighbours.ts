/**
 * The few most related papers of every paper, without comparing every pair.
 *
 * 1. Candidates: each paper walks the postings (papers holding a feature) of its strongest
 *    features, heaviest first, until it has read `WALK_BUDGET` postings, and sums the products
 *    of weights: a partial dot product. Postings keep only the `POSTINGS_DEPTH` papers where
 *    the feature weighs most, so a feature in thousands of papers costs no more than a rare
 *    one. Papers sharing an author or a (not too large) topic are candidates too.
 * 2. Scores: the `RESCORED` best candidates get the full score (see `Scorer`), which is the same
 *    from both sides, and are offered to both papers' lists.
 *
 * Work per paper is bounded by the two budgets, so the whole is linear in the number of papers.
 */
import type { FeatureVector } from './features.ts';
import { TopLists } from './top-lists.ts';

/** Postings read per paper while looking for candidates. */
const WALK_BUDGET = 2_000;
/** Papers kept in a feature's postings: those where it weighs most. */
const POSTINGS_DEPTH = 250;
/** Candidates per paper that get the full score. */
const RESCORED = 16;

/** The full score of a pair; symmetric. */
export type Scorer = (a: number, b: number) => number;

/** Sorted ids per paper (topics, authors) and, per id, the papers holding it. */
export interface Memberships {
  ofPaper: Int32Array[];
  members: Int32Array[];
}

/** Postings of every feature, flat: feature f's papers are docs[start[f] .. start[f + 1]). */
interface Postings {
  start: Int32Array;
  docs: Int32Array;
  weights: Float64Array;
}

/** Postings of every feature: papers by descending weight (ties: lower index), cut at `POSTINGS_DEPTH`. */
function buildPostings(vectors: readonly FeatureVector[], featureCount: number): Postings {
  const lengths = new Int32Array(featureCount);
  for (const vector of vectors) for (const feature of vector.features) lengths[feature]!++;
  const fullStart = new Int32Array(featureCount + 1);
  const start = new Int32Array(featureCount + 1);
  for (let f = 0; f < featureCount; f++) {
    fullStart[f + 1] = fullStart[f]! + lengths[f]!;
    start[f + 1] = start[f]! + Math.min(lengths[f]!, POSTINGS_DEPTH);
  }
  const allDocs = new Int32Array(fullStart[featureCount]!);
  const allWeights = new Float64Array(fullStart[featureCount]!);
  const fill = fullStart.slice(0, featureCount);
  vectors.forEach((vector, doc) => {
    vector.features.forEach((feature, slot) => {
      const at = fill[feature]!++;
      allDocs[at] = doc;
      allWeights[at] = vector.weights[slot]!;
    });
  });
  const docs = new Int32Array(start[featureCount]!);
  const weights = new Float64Array(start[featureCount]!);
  for (let f = 0; f < featureCount; f++) {
    const from = fullStart[f]!;
    const length = lengths[f]!;
    if (length <= POSTINGS_DEPTH) {
      docs.set(allDocs.subarray(from, from + length), start[f]!);
      weights.set(allWeights.subarray(from, from + length), start[f]!);
      continue;
    }
    const order = Array.from({ length }, (_, i) => from + i)
      .sort((x, y) => allWeights[y]! - allWeights[x]! || allDocs[x]! - allDocs[y]!)
      .slice(0, POSTINGS_DEPTH);
    order.forEach((at, i) => {
      docs[start[f]! + i] = allDocs[at]!;
      weights[start[f]! + i] = allWeights[at]!;
    });
  }
  return { start, docs, weights };
}

/** A paper's feature slots, heaviest first (ties: lower feature id). */
function slotsByWeight(vector: FeatureVector): number[] {
  return Array.from(vector.features.keys()).sort(
    (a, b) => vector.weights[b]! - vector.weights[a]! || vector.features[a]! - vector.features[b]!,
  );
}

/** The `limit` best of some scored papers, kept sorted (higher score, then lower index). */
class Shortlist {
  readonly docs: Int32Array;
  private readonly scores: Float64Array;
  size = 0;

  constructor(limit: number) {
    this.docs = new Int32Array(limit);
    this.scores = new Float64Array(limit);
  }

  clear(): void {
    this.size = 0;
  }

  offer(doc: number, score: number): void {
    const limit = this.docs.length;
    if (this.size === limit) {
      const last = this.scores[limit - 1]!;
      if (score < last || (score === last && doc > this.docs[limit - 1]!)) return;
    } else {
      this.size++;
    }
    let slot = this.size - 1;
    while (slot > 0 && (this.scores[slot - 1]! < score || (this.scores[slot - 1] === score && this.docs[slot - 1]! > doc))) {
      this.docs[slot] = this.docs[slot - 1]!;
      this.scores[slot] = this.scores[slot - 1]!;
      slot--;
    }
    this.docs[slot] = doc;
    this.scores[slot] = score;
  }
}

/**
 * Ranks neighbours: `vectors` are the papers' features, `groups` their topics and authors
 * (groups larger than `largestGroup` propose no candidates), `prescore(a, b, partialDot, inGroup)`
 * a cheap
 * estimate used to shortlist, `score` the full score. Scores below `minScore` are not kept.
 */
export function rankNeighbours(
  vectors: readonly FeatureVector[],
  featureCount: number,
  groups: readonly Memberships[],
  largestGroup: number,
  prescore: (a: number, b: number, partialDot: number, inGroup: boolean) => number,
  score: Scorer,
  k: number,
  minScore: number,
): TopLists {
  const n = vectors.length;
  const postings = buildPostings(vectors, featureCount);
  const partial = new Float64Array(n);
  // 1: seen through a feature; 2: through a topic or an author (worth a look at what they share).
  const seen = new Uint8Array(n);
  const touched = new Int32Array(n);
  const top = new TopLists(n, k);
  const shortlist = new Shortlist(RESCORED);
  for (let doc = 0; doc < n; doc++) {
    let touchedCount = 0;
    seen[doc] = 1;
    const vector = vectors[doc]!;
    let walked = 0;
    for (const slot of slotsByWeight(vector)) {
      if (walked >= WALK_BUDGET) break;
      const feature = vector.features[slot]!;
      const weight = vector.weights[slot]!;
      const end = postings.start[feature + 1]!;
      walked += end - postings.start[feature]!;
      for (let p = postings.start[feature]!; p < end; p++) {
        const other = postings.docs[p]!;
        partial[other]! += weight * postings.weights[p]!;
        if (seen[other] === 0) {
          seen[other] = 1;
          touched[touchedCount++] = other;
        }
      }
    }
    for (const group of groups) {
      for (const id of group.ofPaper[doc]!) {
        const members = group.members[id]!;
        if (members.length > largestGroup) continue;
        for (const other of members) {
          if (seen[other] === 0) touched[touchedCount++] = other;
          if (other !== doc) seen[other] = 2;
        }
      }
    }
    shortlist.clear();
    for (let t = 0; t < touchedCount; t++) {
      const other = touched[t]!;
      shortlist.offer(other, prescore(doc, other, partial[other]!, seen[other] === 2));
      partial[other] = 0;
      seen[other] = 0;
    }
    seen[doc] = 0;
    partial[doc] = 0;
    for (let s = 0; s < shortlist.size; s++) {
      const other = shortlist.docs[s]!;
      const value = score(doc, other);
      if (value > 0 && value >= minScore) {
        top.offer(doc, other, value);
        top.offer(other, doc, value);
      }
    }
  }
  return top;
}

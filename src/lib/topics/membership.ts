/**
 * Who belongs to a topic, given where its key phrases occur.
 *
 * A mention is not enough: a word used in another sense must not pull a paper in. A paper is
 * a member when a key phrase is in its title or at least twice in its abstract ("strong"), or
 * once in its abstract and the paper's terms are close to the strong members' centroid.
 */
import type { AnalysedPaper } from '../text/analysis/corpus.ts';
import type { TermVector } from '../text/analysis/weights.ts';
import { centroidOf, TermAccumulator, type Centroid } from './centroids.ts';

/** Key-phrase hits of one topic in one paper. */
export interface Hits {
  paper: number;
  title: number;
  abstract: number;
}

export interface Member {
  paper: number;
  /** Higher is a better example of the topic: title mention, then abstract mentions, then similarity. */
  strength: number;
  strong: boolean;
  /** The paper names the topic in its title. */
  inTitle: boolean;
}

export interface MembershipSettings {
  /** A once-mentioning paper must reach this share of the strong members' mean similarity… */
  weakMatchFactor: number;
  /** …and at least this cosine similarity. */
  minSimilarity: number;
  /** Typical member similarity assumed when a topic has a single strong member. */
  defaultSimilarity: number;
  /** Terms kept in a centroid (the heaviest); bounds the cost of a similarity. */
  centroidTerms: number;
  /** Strong members sampled for a centroid (default `CENTROID_SAMPLE`; fewer while candidates are only compared). */
  centroidSample?: number;
  /** Compute centroid and similarities even when no member needs judging (for final ordering). */
  alwaysScore?: boolean;
  /** Scratch space for sums over the corpus's terms (faster centroids). */
  accumulator?: TermAccumulator;
}

export interface Membership {
  members: Member[];
  strongCount: number;
  centroid: Centroid | null;
}

/** Strong members sampled for a centroid: enough to fix a topic's centre at any corpus size. */
const CENTROID_SAMPLE = 80;

/** The `limit` hits naming the topic most clearly: in the title, then most often; ties by paper. */
function clearestHits(hits: readonly Hits[], limit: number): Hits[] {
  if (hits.length <= limit) return [...hits];
  return [...hits].sort((a, b) => b.title - a.title || b.abstract - a.abstract || a.paper - b.paper).slice(0, limit);
}

export function isStrongHit(hits: Hits): boolean {
  return hits.title > 0 || hits.abstract >= 2;
}

function strengthOf(hits: Hits, similarity: number): number {
  return (hits.title > 0 ? 2 : 0) + 0.5 * Math.min(hits.abstract, 4) + similarity;
}

/**
 * Members, best first (ties by paper index). With no strong member there is no centroid to
 * compare with: once-mentioning papers are then accepted only if `acceptWeakWithoutCentroid`
 * (a curator asked for the topic).
 */
export function membersFromHits(
  hits: readonly Hits[],
  papers: readonly AnalysedPaper[],
  settings: MembershipSettings,
  acceptWeakWithoutCentroid = false,
): Membership {
  const strong = hits.filter(isStrongHit);
  const weak = hits.filter((hit) => !isStrongHit(hit));
  const members: Member[] = [];
  let centroid: Centroid | null = null;
  if (strong.length > 0 && weak.length === 0 && !settings.alwaysScore) {
    // Nothing to judge by similarity: skip the centroid (most candidates, during selection).
    for (const hit of strong) members.push({ paper: hit.paper, strength: strengthOf(hit, 0), strong: true, inTitle: hit.title > 0 });
  } else if (strong.length > 0) {
    // The clearest members define the topic's centre; a sample of them is as good as all.
    const sample = clearestHits(strong, settings.centroidSample ?? CENTROID_SAMPLE).map((hit) => papers[hit.paper]!.vector);
    centroid = centroidOf(sample, settings.centroidTerms, settings.accumulator);
    const typical = typicalSimilarity(sample, settings.defaultSimilarity, settings.accumulator);
    // Many papers against one centroid: a dense copy of it makes each cosine a plain loop.
    const scratch = settings.accumulator ?? new TermAccumulator(largestTerm(papers) + 1);
    scratch.load(centroid);
    strong.forEach((hit) => {
      const similarity = scratch.dot(papers[hit.paper]!.vector);
      members.push({ paper: hit.paper, strength: strengthOf(hit, similarity), strong: true, inTitle: hit.title > 0 });
    });
    const threshold = Math.max(settings.minSimilarity, settings.weakMatchFactor * typical);
    for (const hit of weak) {
      const similarity = scratch.dot(papers[hit.paper]!.vector);
      if (similarity >= threshold) members.push({ paper: hit.paper, strength: strengthOf(hit, similarity), strong: false, inTitle: false });
    }
    scratch.clear();
  } else if (acceptWeakWithoutCentroid) {
    for (const hit of weak) members.push({ paper: hit.paper, strength: strengthOf(hit, 0), strong: false, inTitle: false });
  }
  members.sort(byStrength);
  return { members, strongCount: strong.length, centroid };
}

/**
 * How close a member typically is to the other members: the mean leave-one-out cosine of
 * each vector to the sum of the others. (A member's similarity to a centroid that includes
 * itself is inflated, the more so the fewer members there are.)
 */
export function typicalSimilarity(vectors: readonly TermVector[], fallback: number, accumulator?: TermAccumulator): number {
  if (vectors.length < 2) return fallback;
  let largestTerm = 0;
  for (const vector of vectors) for (const term of vector.terms) largestTerm = Math.max(largestTerm, term);
  const sums = accumulator ?? new TermAccumulator(largestTerm + 1);
  for (const vector of vectors) sums.add(vector);
  let total = 0;
  const dots = vectors.map((vector) => {
    let dot = 0;
    vector.terms.forEach((term, i) => (dot += vector.weights[i]! * sums.get(term)));
    return dot;
  });
  const sumSquared = sums.drainSumOfSquares();
  for (const dot of dots) {
    // Unit vectors: |S − v|² = |S|² − 2 v·S + 1, and v·(S − v) = v·S − 1.
    const rest = Math.sqrt(Math.max(sumSquared - 2 * dot + 1, 1e-12));
    total += (dot - 1) / rest;
  }
  return total / vectors.length;
}

function largestTerm(papers: readonly AnalysedPaper[]): number {
  let largest = 0;
  for (const paper of papers) for (const term of paper.vector.terms) largest = Math.max(largest, term);
  return largest;
}

export function byStrength(a: Member, b: Member): number {
  return b.strength - a.strength || a.paper - b.paper;
}

/**
 * Who belongs to a topic, given where its key phrases occur.
 *
 * A mention is not enough: a word used in another sense must not pull a paper in. A paper is
 * a member when a key phrase is in its title or at least twice in its abstract ("strong"), or
 * once in its abstract and the paper's terms are close to the strong members' centroid.
 */
import type { CorpusPaper } from './corpus.ts';
import { centroidOf, cosineToCentroid, type Centroid, type TermVector } from './vectors.ts';

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
  /** Compute centroid and similarities even when no member needs judging (for final ordering). */
  alwaysScore?: boolean;
}

export interface Membership {
  members: Member[];
  strongCount: number;
  centroid: Centroid | null;
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
  papers: readonly CorpusPaper[],
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
    const vectors = strong.map((hit) => papers[hit.paper]!.vector);
    centroid = centroidOf(vectors, settings.centroidTerms);
    const typical = typicalSimilarity(vectors, settings.defaultSimilarity);
    strong.forEach((hit, i) => {
      const similarity = cosineToCentroid(vectors[i]!, centroid!);
      members.push({ paper: hit.paper, strength: strengthOf(hit, similarity), strong: true, inTitle: hit.title > 0 });
    });
    const threshold = Math.max(settings.minSimilarity, settings.weakMatchFactor * typical);
    for (const hit of weak) {
      const similarity = cosineToCentroid(papers[hit.paper]!.vector, centroid);
      if (similarity >= threshold) members.push({ paper: hit.paper, strength: strengthOf(hit, similarity), strong: false, inTitle: false });
    }
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
export function typicalSimilarity(vectors: readonly TermVector[], fallback: number): number {
  if (vectors.length < 2) return fallback;
  const sum = new Map<number, number>();
  for (const vector of vectors) {
    vector.terms.forEach((term, i) => sum.set(term, (sum.get(term) ?? 0) + vector.weights[i]!));
  }
  let sumSquared = 0;
  for (const weight of sum.values()) sumSquared += weight * weight;
  let total = 0;
  for (const vector of vectors) {
    let dot = 0;
    vector.terms.forEach((term, i) => (dot += vector.weights[i]! * sum.get(term)!));
    // Unit vectors: |S − v|² = |S|² − 2 v·S + 1, and v·(S − v) = v·S − 1.
    const rest = Math.sqrt(Math.max(sumSquared - 2 * dot + 1, 1e-12));
    total += (dot - 1) / rest;
  }
  return total / vectors.length;
}

export function byStrength(a: Member, b: Member): number {
  return b.strength - a.strength || a.paper - b.paper;
}

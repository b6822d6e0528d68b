/**
 * Papers about a topic in other words. A paper no topic phrase reaches stays without a topic
 * ("Other papers" on the topic list) unless it is about a topic's subject all the same: as
 * close to the topic's papers, in the term space learned from the list, as they are to each
 * other ("structure prediction" among "protein folding" papers, a paper on LDPC codes among
 * papers on quantum error correction). A paper is never pushed into the topic it is merely
 * nearest to: that is how a topic ends up holding papers it does not describe.
 */
import type { AnalysedCorpus } from '../text/analysis/corpus.ts';
import type { TopicDraft } from './draft.ts';
import { centroidOf, cosineToCentroid, type TermAccumulator } from './centroids.ts';
import type { Cohesion } from './cohesion.ts';
import { byStrength, typicalSimilarity, type Member } from './membership.ts';

/** A paper joins a topic when its closeness reaches this share of the topic's own contrast… */
const ADOPT_SHARE = 0.8;
/** …and at least this (a broad topic of a one-field list has little contrast: nearness to it means nothing)… */
const MIN_CLOSENESS = 0.3;
/** …and its own words must be this close to the topic's, as a share of how close its papers' words are to each other. */
const ADOPT_TERM_SHARE = 0.75;

/**
 * Adds to `kept` (topic → members) the papers without a topic that are about one; each joins
 * the closest such topic. Two tests: closeness in the learned term space, with and without the
 * paper's use of the topic's name words (an art paper's "imitation" says nothing about
 * imitation learning), and the cosine of its TF-IDF vector to the topic's centroid (it must
 * share the topic's vocabulary, not only its neighbourhood). Only papers with an abstract are
 * measured, against members with one: a title alone is too little text.
 */
export function adoptCloseOrphans(
  corpus: AnalysedCorpus,
  drafts: readonly TopicDraft[],
  active: readonly number[],
  kept: Map<number, Member[]>,
  cohesion: Cohesion,
  accumulator: TermAccumulator,
): void {
  const papers = corpus.papers;
  const hasTopic = new Uint8Array(papers.length);
  for (const d of active) for (const member of kept.get(d) ?? []) hasTopic[member.paper] = 1;
  const hasAbstract = (paper: number) => papers[paper]!.abstract.length > 0;
  const topics = active.flatMap((d) => {
    const members = (kept.get(d) ?? []).map((member) => member.paper).filter(hasAbstract);
    if (members.length < 2) return [];
    const floor = Math.max(MIN_CLOSENESS, ADOPT_SHARE * cohesion.contrast(members, ''));
    const vectors = members.map((member) => papers[member]!.vector);
    const name = drafts[d]!.matchers.join(' ');
    return [
      {
        d,
        group: cohesion.group(members, name),
        floor,
        centroid: centroidOf(vectors, Infinity, accumulator),
        termFloor: ADOPT_TERM_SHARE * typicalSimilarity(vectors, 0, accumulator),
      },
    ];
  });
  const joined: { d: number; member: Member }[] = [];
  for (const paper of papers) {
    if (hasTopic[paper.index] === 1 || !hasAbstract(paper.index)) continue;
    let best: { d: number; closeness: number } | null = null;
    for (const topic of topics) {
      // Close with its use of the topic's words, then without: the first is cheap and rules most topics out.
      if (cohesion.closeness(paper.index, topic.group, false) < topic.floor) continue;
      const closeness = cohesion.closeness(paper.index, topic.group);
      if (closeness < topic.floor || (best !== null && closeness <= best.closeness)) continue;
      if (cosineToCentroid(paper.vector, topic.centroid) >= topic.termFloor) best = { d: topic.d, closeness };
    }
    // Listed after the papers naming the topic: their strength starts at 0.5 for one mention.
    if (best !== null)
      joined.push({ d: best.d, member: { paper: paper.index, strength: best.closeness * 0.1, strong: false, inTitle: false } });
  }
  for (const { d, member } of joined) kept.get(d)!.push(member);
  for (const d of new Set(joined.map((entry) => entry.d))) kept.get(d)!.sort(byStrength);
}

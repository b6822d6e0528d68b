/**
 * Topics of two papers, in a list the size of a day's listing. There a subject often has just
 * two papers ("Mixture-of-Experts", "Medical Image Segmentation"), and a topic of three would
 * leave both under "Other papers". Only a clear case counts, so that small lists still get
 * few, honest topics:
 *
 * - a phrase, never a lone word (lone words shared by two papers are places and passing
 *   nouns: "Uganda", "Views", "Arrival");
 * - each of the two papers names it in its title or writes it at least twice;
 * - no topic already chosen holds both papers: the reader finds them together there
 *   ("3D Gaussian Splatting" within "Gaussian Splatting", "Hot Jupiters" within "Transit
 *   Photometry").
 */
import type { AnalysedCorpus } from '../text/analysis/corpus.ts';
import type { CandidateStats } from './candidates.ts';
import { collectCandidatePool } from './candidates.ts';
import { selectTopics, type SelectionSettings, type TopicGroup } from './select.ts';

/** Lists shorter than this (a day's listing is 20 to 50 papers) may have topics of two papers. */
export const TWO_PAPER_TOPICS_BELOW = 60;

const PAIR = 2;

/** Does each of the candidate's two papers name it clearly? */
function namedByBoth(candidate: CandidateStats): boolean {
  return (
    candidate.papers.length === PAIR &&
    candidate.phraseLike &&
    candidate.papers.every((_, i) => candidate.titleHits[i]! > 0 || candidate.abstractHits[i]! >= 2)
  );
}

/** Does a chosen topic already hold both papers? Then the reader finds them together there. */
function togetherAlready(pair: TopicGroup, chosen: readonly TopicGroup[]): boolean {
  return chosen.some((topic) => pair.members.every((member) => topic.members.some((other) => other.paper === member.paper)));
}

/** The two-paper topics to add to `chosen` (topics of three or more papers, chosen first). */
export function twoPaperTopics(corpus: AnalysedCorpus, chosen: readonly TopicGroup[], settings: SelectionSettings): TopicGroup[] {
  const { stats } = collectCandidatePool(corpus.papers, PAIR, corpus.vocabulary, corpus.stemPapers);
  const pairs = new Map([...stats].filter(([, candidate]) => namedByBoth(candidate)));
  return selectTopics(pairs, corpus.papers, { ...settings, minPapers: PAIR }).filter((pair) => !togetherAlready(pair, chosen));
}

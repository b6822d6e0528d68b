/**
 * Related papers: for each paper, the k most related others, with a few words saying why.
 *
 * The score of a pair adds two signals, each between 0 and 1:
 * - shared terms: the cosine of the papers' TF-IDF vectors over words and two-word phrases,
 *   with acronyms and compound names expanded on both sides (related/features.ts);
 * - shared authors: the cosine of their author sets weighted by how rare each author is in
 *   the list, when papers carry authors.
 * Shared topics are shown among the reasons, but do not add to the score, and neither does the
 * term space learned from the list (text/analysis/latent.ts): measured on the judged pairs of
 * tests/fixtures/judgements/, each made the lists worse (a topic of forty papers lifts all of
 * them alike), and the learned space moved every score when one paper was added, reordering
 * near-ties all over a list (see docs/decisions.md).
 * Candidates come from shared features and authors, within fixed budgets per paper
 * (related/neighbours.ts), so the cost is linear in the number of papers.
 *
 * Output is deterministic: papers are processed in id order whatever the input order, scores
 * are rounded to 4 decimals before ranking, and ties go to the smaller id.
 */
import type { PaperText, RelatedPaper } from './types.ts';
import { compareStrings } from './compare.ts';
import { analyseCorpus, type AnalysedCorpus } from './text/analysis/corpus.ts';
import { inverseDocumentFrequency } from './text/analysis/weights.ts';
import { featureDot, paperFeatures } from './related/features.ts';
import { rankNeighbours, type Memberships } from './related/neighbours.ts';
import { sharedFeatures, spellFeatures } from './related/reasons.ts';

/** What related papers are ranked from (rankRelated): the text and the authors. */
export interface RankInput extends PaperText {
  /** Author names as listed; shared authors relate papers. */
  authors?: readonly string[];
}

/** A paper for computeRelated: its topics add a reason, not a score. */
export interface RelatedInput extends RankInput {
  topics?: readonly string[];
}

export interface RelatedOptions {
  /** How many related papers to keep per paper (default 5). */
  k?: number;
  /** Rounded scores below this are not reported (default 0.05). */
  minScore?: number;
}

const DEFAULT_K = 5;
const DEFAULT_MIN_SCORE = 0.05;
/** Weights of the two signals; they add up to 1, so a score is at most 1. */
const TEXT_WEIGHT = 0.85;
const AUTHOR_WEIGHT = 0.15;
/** Authors with more papers than this still count in a score, but do not propose candidates. */
const LARGEST_GROUP = 200;
const MAX_REASONS = 3;
const SPARE_REASONS = 2;
const SCORE_DECIMALS = 1e4;

function roundScore(score: number): number {
  return Math.round(score * SCORE_DECIMALS) / SCORE_DECIMALS;
}

/** "J. Smith", "j smith" and "J Smith" are one author. */
function authorKey(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[.\s]+/g, ' ')
    .trim();
}

/** Papers' ids in a sorted vocabulary of names (topics or author keys), and each name's papers. */
function memberships(names: readonly (readonly string[])[]): Memberships & { names: string[] } {
  const sorted = [...new Set(names.flat())].sort(compareStrings);
  const numbers = new Map(sorted.map((name, index) => [name, index]));
  const members: number[][] = sorted.map(() => []);
  const ofPaper = names.map((list, doc) => {
    const ids = [...new Set(list.map((name) => numbers.get(name)!))].sort((a, b) => a - b);
    for (const id of ids) members[id]!.push(doc);
    return Int32Array.from(ids);
  });
  return { ofPaper, members: members.map((docs) => Int32Array.from(docs)), names: sorted };
}

/** Cosine of papers' sorted id sets (topics or authors), id i weighing `weights[i]`; norms precomputed once. */
class SetSimilarity {
  private readonly sets: Int32Array[];
  private readonly squared: Float64Array;
  private readonly norms: Float64Array;

  constructor(sets: Int32Array[], weights?: Float64Array) {
    this.sets = sets;
    let size = 0;
    for (const set of sets) for (const id of set) size = Math.max(size, id + 1);
    this.squared = Float64Array.from({ length: size }, (_, id) => (weights === undefined ? 1 : weights[id]! ** 2));
    this.norms = Float64Array.from(sets, (set) => Math.sqrt(set.reduce((sum, id) => sum + this.squared[id]!, 0)));
  }

  cosine(a: number, b: number): number {
    const x = this.sets[a]!;
    const y = this.sets[b]!;
    if (x.length === 0 || y.length === 0) return 0;
    let shared = 0;
    for (let i = 0, j = 0; i < x.length && j < y.length;) {
      if (x[i] === y[j]) {
        shared += this.squared[x[i]!]!;
        i++;
        j++;
      } else if (x[i]! < y[j]!) i++;
      else j++;
    }
    return shared / (this.norms[a]! * this.norms[b]!);
  }
}

/** A paper's related papers before topics are known: the reasons from terms and authors. */
export interface RankedPaper {
  id: string;
  score: number;
  /** Shared terms as the pair writes them, best first (more than are shown). */
  terms: string[];
  /** The first shared author, as `author:` and the name (at most one). */
  authors: string[];
}

/**
 * For every paper id, its related papers, best first (an empty list when none qualifies).
 * A paper never relates to itself; papers without an abstract are related by title. `corpus`
 * is the analysis of the same papers when the caller already has it (the pipeline does).
 */
export function computeRelated(
  papers: readonly RelatedInput[],
  options: RelatedOptions = {},
  corpus?: AnalysedCorpus,
): Map<string, RelatedPaper[]> {
  return withTopicReasons(rankRelated(papers, options, corpus), new Map(papers.map((paper) => [paper.id, paper.topics ?? []])));
}

/**
 * The ranking half of computeRelated, which topics do not change (they only add a reason):
 * the pipeline runs it beside topic discovery (src/loaders/related-worker.ts), then adds the
 * topics with withTopicReasons.
 */
export function rankRelated(
  papers: readonly RankInput[],
  options: RelatedOptions = {},
  corpus: AnalysedCorpus = analyseCorpus(papers),
): Map<string, RankedPaper[]> {
  const k = Math.max(0, Math.floor(options.k ?? DEFAULT_K));
  const minScore = options.minScore ?? DEFAULT_MIN_SCORE;
  const sorted = [...papers].sort((a, b) => compareStrings(a.id, b.id));
  sorted.forEach((paper, i) => {
    if (i > 0 && sorted[i - 1]!.id === paper.id) throw new Error(`rankRelated: duplicate paper id "${paper.id}"`);
  });
  const result = new Map<string, RankedPaper[]>();
  if (k === 0 || sorted.length === 0) {
    for (const paper of sorted) result.set(paper.id, []);
    return result;
  }

  const features = paperFeatures(corpus);
  const authorNames = sorted.map((paper) => (paper.authors ?? []).map(authorKey).filter((key) => key !== ''));
  const authors = memberships(authorNames);
  const authorWeights = Float64Array.from(authors.members, (docs) => inverseDocumentFrequency(docs.length, sorted.length));
  const authorSimilarity = new SetSimilarity(authors.ofPaper, authorWeights);
  // Papers met through a feature only share no (small) author group: no need to look.
  const prescore = (a: number, b: number, partialDot: number, inGroup: boolean) =>
    TEXT_WEIGHT * partialDot + (inGroup ? AUTHOR_WEIGHT * authorSimilarity.cosine(a, b) : 0);
  const score = (a: number, b: number) =>
    roundScore(TEXT_WEIGHT * featureDot(features.vectors[a]!, features.vectors[b]!) + AUTHOR_WEIGHT * authorSimilarity.cosine(a, b));
  const top = rankNeighbours(features.vectors, features.documentFrequency.length, [authors], LARGEST_GROUP, prescore, score, k, minScore);

  // Reasons: shared terms (a few spares, in case one has no written form), then their spellings
  // from one more pass over the text; a shared author.
  const lists = sorted.map((_, doc) =>
    top.list(doc).map(({ doc: other, score: value }) => ({
      other,
      value,
      terms: sharedFeatures(features, features.vectors[doc]!, features.vectors[other]!, MAX_REASONS + SPARE_REASONS),
      authors: sharedAuthorNames(authors, doc, other, sorted).slice(0, 1),
    })),
  );
  // Each paper reads the features of every pair it is part of, to spell them as the pair writes them.
  const needed: number[][] = sorted.map(() => []);
  lists.forEach((list, doc) => {
    for (const { other, terms } of list) {
      needed[doc]!.push(...terms);
      needed[other]!.push(...terms);
    }
  });
  const spell = spellFeatures(corpus, features, needed);
  sorted.forEach((paper, doc) => {
    result.set(
      paper.id,
      lists[doc]!.map(({ other, value, terms, authors: shared }) => ({
        id: sorted[other]!.id,
        score: value,
        terms: terms.flatMap((feature) => spell(doc, other, feature) ?? []).slice(0, MAX_REASONS),
        authors: shared,
      })),
    );
  });
  return result;
}

/**
 * Ranked lists with their reasons completed: the most specific topic the two papers share (the
 * one with the fewest papers), a shared author, and shared terms before them up to MAX_REASONS.
 */
export function withTopicReasons(
  ranked: ReadonlyMap<string, readonly RankedPaper[]>,
  topicsOf: ReadonlyMap<string, readonly string[]>,
): Map<string, RelatedPaper[]> {
  const ids = [...ranked.keys()].sort(compareStrings);
  const index = new Map(ids.map((id, doc) => [id, doc]));
  const topics = memberships(ids.map((id) => topicsOf.get(id) ?? []));
  const result = new Map<string, RelatedPaper[]>();
  for (const id of ids) {
    const doc = index.get(id)!;
    result.set(
      id,
      ranked.get(id)!.map(({ id: otherId, score, terms, authors }) => {
        const sharedTopics = sharedIds(topics, doc, index.get(otherId)!)
          .sort((x, y) => topics.members[x]!.length - topics.members[y]!.length || x - y)
          .map((topic) => `topic:${topics.names[topic]}`);
        const extra = [...sharedTopics.slice(0, 1), ...authors];
        return { id: otherId, score, why: [...terms.slice(0, MAX_REASONS - extra.length), ...extra] };
      }),
    );
  }
  return result;
}

/** Ids two papers share in a membership (topics, authors). */
function sharedIds(group: Memberships, a: number, b: number): number[] {
  const other = new Set(group.ofPaper[b]);
  return Array.from(group.ofPaper[a]!).filter((id) => other.has(id));
}

/** Authors two papers share, as `author:` and the name as the first paper lists it. */
function sharedAuthorNames(group: Memberships & { names: string[] }, a: number, b: number, papers: readonly RankInput[]): string[] {
  const listed = papers[a]!.authors ?? [];
  return sharedIds(group, a, b).map((id) => `author:${listed.find((name) => authorKey(name) === group.names[id]) ?? group.names[id]}`);
}

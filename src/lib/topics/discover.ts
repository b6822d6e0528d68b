/**
 * Topic discovery: from titles and abstracts to named topics with members.
 *
 *   the analysed corpus (text/analysis/) → candidate key phrases (candidates.ts) → candidate
 *   topics (candidate-groups.ts) → select topics (select.ts) → name them (describe.ts) →
 *   curator overrides → assign papers (assign.ts, adopt.ts) → key terms and related topics.
 *
 * A paper no topic fits keeps no topic: it is listed under "Other papers".
 *
 * Everything is a function of the text: the same papers give the same topics and slugs in
 * any input order. Cost grows with the amount of text (phrase counting, one trie scan), not
 * with pairs of papers.
 */
import type { PaperText, Topic } from '../types.ts';
import { normalizePhrase } from '../text/tokenize.ts';
import { assignPapers } from './assign.ts';
import type { TopicDraft } from './draft.ts';
import { collectCandidatePool, type CandidatePool } from './candidates.ts';
import { analyseCorpus, hashedSample, type AnalysedCorpus } from '../text/analysis/corpus.ts';
import { namesFor, relatedTopics } from './describe.ts';
import { chooseKeyTerms, keyTermTexts } from './key-terms.ts';
import { slugify } from '../slug.ts';
import { TermAccumulator } from './centroids.ts';
import { Cohesion } from './cohesion.ts';
import { applyOverrides, type TopicOverride } from './overrides.ts';
import { selectTopics, type TopicGroup } from './select.ts';
import { TWO_PAPER_TOPICS_BELOW, twoPaperTopics } from './two-paper-topics.ts';

export interface TopicOptions {
  /** Most topics one paper gets (default 4). */
  maxTopicsPerPaper?: number;
  /** Fewest papers an automatic topic may hold (default 3, or one in 10,000 papers in larger lists). */
  minPapers?: number;
  /** Largest share of all papers one automatic topic may hold (default 1/3): no catch-alls. */
  maxShare?: number;
  /** Most automatic topics (default 3·√papers, at least 5). */
  maxTopics?: number;
  /** A longer phrase covering this share of a shorter phrase's papers replaces it (default 0.8). */
  nestedCoverage?: number;
  /** A paper mentioning a phrase once must reach this share of the topic's typical similarity (default 0.5). */
  weakMatchFactor?: number;
  /** …and at least this cosine similarity to the topic (default 0.08). */
  minSimilarity?: number;
  /** Key terms per topic (default 5). */
  keyTerms?: number;
  /** Related topics per topic (default 5). */
  relatedTopics?: number;
}

export interface TopicResult {
  topics: Topic[];
  /** Every paper id → its topic ids, best first. */
  paperTopics: Map<string, string[]>;
}

interface Settings {
  maxTopicsPerPaper: number;
  minPapers: number;
  maxSize: number;
  maxTopics: number;
  nestedCoverage: number;
  weakMatchFactor: number;
  minSimilarity: number;
  defaultSimilarity: number;
  centroidTerms: number;
  keyTerms: number;
  relatedTopics: number;
}

/** The fewest papers an automatic topic holds, however small the list. */
const MIN_TOPIC_PAPERS = 2;

function settingsFor(paperCount: number, options: TopicOptions): Settings {
  // In a very large list a topic of three papers is noise no reader browses to: the smallest
  // topic grows with the list (one paper in 10,000), which also keeps discovery linear.
  const minPapers = Math.max(1, options.minPapers ?? Math.max(3, Math.round(paperCount / 10_000)));
  const maxShare = options.maxShare ?? 1 / 3;
  return {
    maxTopicsPerPaper: Math.max(1, options.maxTopicsPerPaper ?? 4),
    minPapers,
    maxSize: Math.max(minPapers, Math.floor(maxShare * paperCount)),
    maxTopics: options.maxTopics ?? Math.max(5, Math.ceil(3 * Math.sqrt(paperCount))),
    nestedCoverage: options.nestedCoverage ?? 0.8,
    weakMatchFactor: options.weakMatchFactor ?? 0.5,
    minSimilarity: options.minSimilarity ?? 0.08,
    defaultSimilarity: 0.25,
    centroidTerms: 200,
    keyTerms: options.keyTerms ?? 5,
    relatedTopics: options.relatedTopics ?? 5,
  };
}

/** Slugs from names; a clash (rare: two phrases written alike) gets "-2", "-3" in phrase order. */
function assignIds(groups: readonly TopicGroup[], names: readonly string[]): string[] {
  const order = groups.map((_, i) => i).sort((a, b) => (groups[a]!.keys[0]! < groups[b]!.keys[0]! ? -1 : 1));
  const ids: string[] = new Array(groups.length);
  const used = new Set<string>();
  for (const i of order) {
    const base = slugify(names[i]!);
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    ids[i] = id;
  }
  return ids;
}

/**
 * Groups whose phrases are written alike (two spellings of an acronym's long form both written
 * "JARVIS-VLA") are one topic to a reader: the later folds into the first, its phrases matching
 * for it.
 */
export function oneTopicPerName(groups: readonly TopicGroup[], names: readonly string[]): { groups: TopicGroup[]; names: string[] } {
  // By name as read; a Map keeps the first group's place.
  const byName = new Map<string, { group: TopicGroup; name: string }>();
  groups.forEach((group, i) => {
    const name = names[i]!;
    const first = byName.get(name.toLowerCase());
    if (first === undefined) byName.set(name.toLowerCase(), { group: { ...group, keys: [...group.keys] }, name });
    else first.group.keys.push(...group.keys.filter((key) => !first.group.keys.includes(key)));
  });
  const kept = [...byName.values()];
  return { groups: kept.map((entry) => entry.group), names: kept.map((entry) => entry.name) };
}

/**
 * The automatic topics' groups. Small corpora may not reach the minimum size: relax it, down to
 * two papers. Never to one: a "topic" of one paper is that paper's title again, and such
 * papers are listed under "Other papers" instead.
 */
function chooseGroups(
  corpus: AnalysedCorpus,
  settings: Settings & { cohesion: Cohesion },
): { groups: TopicGroup[]; pool: CandidatePool; minPapers: number } {
  for (let minPapers = settings.minPapers; ; minPapers--) {
    const pool = collectCandidatePool(corpus.papers, minPapers, corpus.vocabulary, corpus.stemPapers);
    const groups = selectTopics(pool.stats, corpus.papers, { ...settings, minPapers });
    if (groups.length > 0 || minPapers <= MIN_TOPIC_PAPERS || corpus.papers.length >= settings.minPapers * 3) {
      if (minPapers <= MIN_TOPIC_PAPERS || corpus.papers.length >= TWO_PAPER_TOPICS_BELOW) return { groups, pool, minPapers };
      // A day's listing: subjects of two papers too, where both name them clearly.
      const pairs = twoPaperTopics(corpus, groups, settings);
      return pairs.length === 0 ? { groups, pool, minPapers } : { groups: [...groups, ...pairs], pool, minPapers: MIN_TOPIC_PAPERS };
    }
  }
}

/** Automatic topics, named. */
function automaticDrafts(
  corpus: AnalysedCorpus,
  settings: Settings & { cohesion: Cohesion; accumulator: TermAccumulator },
): { drafts: TopicDraft[]; pool: CandidatePool; minPapers: number } {
  const chosen = chooseGroups(corpus, settings);
  const { groups, names } = oneTopicPerName(
    chosen.groups,
    namesFor(
      corpus,
      chosen.groups.map((group) => group.keys[0]!),
    ),
  );
  const ids = assignIds(groups, names);
  const drafts = groups.map((group, i) => ({
    id: ids[i]!,
    name: names[i]!,
    matchers: [...group.keys],
    pinned: false,
    capped: true,
    ...(group.commonWord ? { commonWord: true } : {}),
  }));
  return { drafts, pool: chosen.pool, minPapers: chosen.minPapers };
}

/**
 * Papers topics are chosen from. In a larger list, a sample of about this many (chosen by a hash
 * of their ids, so one more paper does not reshuffle it): the subjects of
 * 20,000 papers are those of the list, and choosing among candidate phrases is the costly part;
 * every paper is then assigned to the topics chosen.
 */
const DISCOVERY_SAMPLE = 20_000;

/** Topics of the papers; `corpus` is their analysis when the caller already has it (the pipeline does). */
export function discoverTopics(
  papers: readonly PaperText[],
  overrides: readonly TopicOverride[] = [],
  options: TopicOptions = {},
  corpus: AnalysedCorpus = analyseCorpus(papers),
): TopicResult {
  const accumulator = new TermAccumulator(corpus.vocabulary.size);
  const settings = { ...settingsFor(corpus.papers.length, options), accumulator, cohesion: new Cohesion(corpus) };
  // Rounded, so that the step (and the sample) does not jump when a round-sized list gains a paper.
  const step = Math.max(1, Math.round(corpus.papers.length / DISCOVERY_SAMPLE));
  const sample = hashedSample(corpus, step);
  const sampleSettings =
    step === 1
      ? settings
      : {
          ...settingsFor(sample.papers.length, {
            ...options,
            minPapers: Math.max(Math.min(settings.minPapers, 3), Math.ceil(settings.minPapers / step)),
          }),
          maxTopics: settings.maxTopics,
          accumulator,
          cohesion: new Cohesion(sample),
        };
  const { drafts: automatic, pool, minPapers } = automaticDrafts(sample, sampleSettings);
  const drafts = applyOverrides(automatic, overrides, normalizePhrase);
  const assignment = assignPapers(corpus, drafts, { ...settings, minPapers: step === 1 ? minPapers : settings.minPapers });

  const matchers = new Map(assignment.drafts.map((draft) => [draft.id, draft.matchers]));
  const termKeys = chooseKeyTerms(corpus, pool, assignment.members, matchers, settings.keyTerms, sample.papers.length);
  const termTexts = keyTermTexts(
    corpus,
    assignment.drafts.map((draft) => termKeys.get(draft.id) ?? []),
  );
  const related = relatedTopics(assignment.members, assignment.centroids, settings.relatedTopics);

  const topics = assignment.drafts.map((draft, i): Topic => {
    // The topic's own acronym is not shown: it says the name again.
    const keyTerms = [...new Set(termTexts[i]!)].slice(0, settings.keyTerms);
    return {
      id: draft.id,
      name: draft.name,
      ...(draft.description !== undefined ? { description: draft.description } : {}),
      keyTerms,
      papers: assignment.members.get(draft.id)!.map((member) => corpus.papers[member.paper]!.id),
      related: related.get(draft.id) ?? [],
    };
  });
  topics.sort((a, b) => b.papers.length - a.papers.length || (a.id < b.id ? -1 : 1));
  const paperTopics = new Map(corpus.papers.map((paper) => [paper.id, assignment.paperTopics[paper.index]!]));
  return { topics, paperTopics };
}

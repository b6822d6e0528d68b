/**
 * Final membership: every paper gets its best few topics, no topic grows into a catch-all,
 * topics left too small are dropped, and a paper no topic phrase reaches joins the topic its
 * terms are closest to (never an "Other" bin).
 */
import type { AnalysedCorpus, AnalysedPaper } from '../text/analysis/corpus.ts';
import { PhraseMatcher } from './matcher.ts';
import { byStrength, membersFromHits, typicalSimilarity, type Hits, type Member, type MembershipSettings } from './membership.ts';
import { isStopWord } from '../text/stopwords.ts';
import { centroidOf, cosineToCentroidSkipping, type Centroid } from './centroids.ts';
import { appendTo } from './collections.ts';
import { compareStrings } from '../compare.ts';

/** A topic before it has members: what it is called and which phrases find its papers. */
export interface TopicDraft {
  id: string;
  name: string;
  description?: string;
  /** Key phrases (normalised); the first is the one the topic is named after. */
  matchers: string[];
  /** Kept even when small (a curator asked for it); once-mentioning papers count for it. */
  pinned: boolean;
  /** Subject to the maximum size (automatic topics; not the ones a curator merged or pinned). */
  capped: boolean;
}

export interface AssignmentSettings extends MembershipSettings {
  minPapers: number;
  maxSize: number;
  maxTopicsPerPaper: number;
}

export interface Assignment {
  /** Surviving drafts, in the order given. */
  drafts: TopicDraft[];
  /** Members of each surviving draft, best first. */
  members: Map<string, Member[]>;
  centroids: Map<string, Centroid>;
  /** Topic ids of each paper (by corpus index), best first. */
  paperTopics: string[][];
}

/** Where each draft's phrases occur: hits per paper, counting each position once. */
export function findHits(corpus: AnalysedCorpus, drafts: readonly TopicDraft[]): Hits[][] {
  const papers = corpus.papers;
  const draftsByKey = new Map<string, number[]>();
  drafts.forEach((draft, d) => {
    for (const key of new Set(draft.matchers)) appendTo(draftsByKey, key, d);
  });
  const matcher = new PhraseMatcher(draftsByKey.keys(), corpus.vocabulary);
  const hits: Hits[][] = drafts.map(() => []);
  for (const paper of papers) {
    const positions = new Map<number, { title: Set<number>; abstract: Set<number> }>();
    const record = (field: 'title' | 'abstract') => (key: string, start: number) => {
      for (const d of draftsByKey.get(key) ?? []) {
        const entry = positions.get(d) ?? { title: new Set<number>(), abstract: new Set<number>() };
        entry[field].add(start);
        positions.set(d, entry);
      }
    };
    matcher.scan(paper.title, record('title'));
    matcher.scan(paper.abstract, record('abstract'));
    for (const [d, entry] of positions) {
      hits[d]!.push({ paper: paper.index, title: entry.title.size, abstract: entry.abstract.size });
    }
  }
  return hits;
}

export function assignPapers(corpus: AnalysedCorpus, drafts: readonly TopicDraft[], settings: AssignmentSettings): Assignment {
  const papers = corpus.papers;
  const hits = findHits(corpus, drafts);
  let active = drafts.map((_, d) => d);
  let kept: Map<number, Member[]> = new Map();
  let centroids = new Map<number, Centroid>();

  // Dropping a topic can free room on its papers, so settle in rounds (a few suffice).
  for (;;) {
    const candidates = new Map<number, Member[]>();
    centroids = new Map();
    for (const d of active) {
      const draft = drafts[d]!;
      const { members, centroid } = membersFromHits(hits[d]!, papers, { ...settings, alwaysScore: true }, draft.pinned);
      candidates.set(d, draft.capped ? members.slice(0, settings.maxSize) : members);
      if (centroid !== null) centroids.set(d, centroid);
    }
    kept = keepBestPerPaper(candidates, papers.length, settings.maxTopicsPerPaper);
    const tooSmall = active.filter((d) => !drafts[d]!.pinned && (kept.get(d)?.length ?? 0) < settings.minPapers);
    if (tooSmall.length === 0) break;
    const dropped = new Set(tooSmall);
    active = active.filter((d) => !dropped.has(d));
  }

  placeOrphans(corpus, active, kept, centroids, drafts, hits, settings);

  const paperTopics: { topic: number; strength: number }[][] = papers.map(() => []);
  for (const d of active) {
    for (const member of kept.get(d) ?? []) paperTopics[member.paper]!.push({ topic: d, strength: member.strength });
  }
  const survivors = active.map((d) => drafts[d]!);
  return {
    drafts: survivors,
    members: new Map(active.map((d) => [drafts[d]!.id, kept.get(d) ?? []])),
    centroids: new Map(active.map((d) => [drafts[d]!.id, centroidFor(d, kept, centroids, papers, settings)])),
    paperTopics: paperTopics.map((list) =>
      list
        .sort((a, b) => b.strength - a.strength || compareStrings(drafts[a.topic]!.id, drafts[b.topic]!.id))
        .map((entry) => drafts[entry.topic]!.id),
    ),
  };
}

/** Each paper keeps its strongest `limit` topics (ties: the smaller, more specific topic). */
function keepBestPerPaper(candidates: ReadonlyMap<number, Member[]>, paperCount: number, limit: number): Map<number, Member[]> {
  const perPaper: { topic: number; member: Member }[][] = Array.from({ length: paperCount }, () => []);
  for (const [topic, members] of candidates) {
    for (const member of members) perPaper[member.paper]!.push({ topic, member });
  }
  const kept = new Map<number, Member[]>([...candidates.keys()].map((topic) => [topic, []]));
  for (const entries of perPaper) {
    entries.sort(
      (a, b) =>
        b.member.strength - a.member.strength || candidates.get(a.topic)!.length - candidates.get(b.topic)!.length || a.topic - b.topic,
    );
    for (const { topic, member } of entries.slice(0, limit)) kept.get(topic)!.push(member);
  }
  for (const members of kept.values()) members.sort(byStrength);
  return kept;
}

function centroidFor(
  d: number,
  kept: ReadonlyMap<number, Member[]>,
  centroids: ReadonlyMap<number, Centroid>,
  papers: readonly AnalysedPaper[],
  settings: MembershipSettings,
): Centroid {
  return (
    centroids.get(d) ??
    centroidOf(
      (kept.get(d) ?? []).map((member) => papers[member.paper]!.vector),
      settings.centroidTerms,
      settings.accumulator,
    )
  );
}

/**
 * A share of the corpus above which a term is too common to say where a paper belongs ("learning",
 * "model", "data" in a machine-learning corpus): the fallback compares papers on the rest.
 */
const COMMON_TERM_SHARE = 0.3;
/** A topic a paper mentions (too weakly to count) is its home only if this close to the closest topic… */
const MENTION_SIMILARITY_SHARE = 0.75;
/**
 * Below this similarity on distinctive terms the closest topic may be chance (the few words any
 * two papers share)…
 */
const WEAK_SIMILARITY = 0.11;
/** …unless it stands out at this many times the paper's mean similarity to all topics (small corpora have smaller similarities). */
const STANDOUT_RATIO = 2.5;
/** "About as close": this share of the closest topic's similarity. */
const NEAR_SIMILARITY_SHARE = 0.75;
/** A broad topic holds at least this share of the most papers a topic may hold. */
const BROAD_SIZE_SHARE = 0.5;
/** Members sampled to measure how varied a topic is. */
const BREADTH_SAMPLE = 100;

/**
 * A paper no topic kept joins, in this order of preference:
 * 1. a topic whose phrase it mentions (too weakly to count) and that is about as close as the
 *    closest (`MENTION_SIMILARITY_SHARE`, and at least `minSimilarity`: "reinforcement
 *    learning" in a list of a Transformer's applications is no reason);
 * 2. the closest topic, if it is a real match (`standsOut`);
 * 3. otherwise (an outlier) the broadest topic: a large topic whose papers vary the most (least
 *    alike), one about as close as the closest if there is one, so that an outlier lands in a
 *    general topic rather than in an unrelated specific one.
 * Closeness is the cosine to the topic's centroid on distinctive terms: not corpus-wide ones
 * ("learning", "model") nor the topic's own name words (an art-style paper's "imitation" must not
 * pull it into Imitation Learning). For the same reason a topic is never chosen for a paper whose
 * title uses a word of the topic's name without the paper ever using its phrase ("Finding the
 * Imitation Threshold", "Conservation Flows"). A topic at its maximum size makes room by
 * dropping its weakest member that can spare it (see `makeRoom`): a paper without a topic needs
 * one more.
 * The paper's strength there is its similarity, so it is listed after the papers naming the topic.
 */
function placeOrphans(
  corpus: AnalysedCorpus,
  active: readonly number[],
  kept: Map<number, Member[]>,
  centroids: Map<number, Centroid>,
  drafts: readonly TopicDraft[],
  hits: readonly Hits[][],
  settings: AssignmentSettings,
): void {
  if (active.length === 0) return;
  const papers = corpus.papers;
  const topicCount = new Int32Array(papers.length);
  for (const d of active) for (const member of kept.get(d) ?? []) topicCount[member.paper]!++;
  const orphans = papers.filter((paper) => topicCount[paper.index] === 0);
  if (orphans.length === 0) return;
  const mentioned = new Map<number, Set<number>>();
  for (const d of active) {
    for (const hit of hits[d]!) {
      if (topicCount[hit.paper]! > 0) continue;
      const topics = mentioned.get(hit.paper) ?? new Set<number>();
      topics.add(d);
      mentioned.set(hit.paper, topics);
    }
  }
  const sorted = [...active].sort((a, b) => compareStrings(drafts[a]!.id, drafts[b]!.id));
  const centres = new Map(sorted.map((d) => [d, centroidFor(d, kept, centroids, papers, settings)]));
  const common = commonTerms(corpus);
  const nameWords = new Map(sorted.map((d) => [d, nameStemIds(drafts[d]!, corpus)]));
  const skipped = new Map(sorted.map((d) => [d, (term: number) => common[term] === 1 || nameWords.get(d)!.all.has(term)] as const));
  const variety = new Map<number, number>();
  const broad: Broadness = {
    isBroad: (d) => (kept.get(d)?.length ?? 0) >= BROAD_SIZE_SHARE * settings.maxSize,
    variety: (d) => {
      // How unlike each other its papers are: the opposite of their typical similarity.
      if (!variety.has(d))
        variety.set(
          d,
          -typicalSimilarity(
            kept
              .get(d)!
              .slice(0, BREADTH_SAMPLE)
              .map((member) => papers[member.paper]!.vector),
            0,
            settings.accumulator,
          ),
        );
      return variety.get(d)!;
    },
  };
  const byId = (a: Ranked, b: Ranked) => compareStrings(drafts[a.topic]!.id, drafts[b.topic]!.id);
  const isFull = (d: number) => drafts[d]!.capped && (kept.get(d)?.length ?? 0) >= settings.maxSize;
  for (const paper of orphans) {
    const named = mentioned.get(paper.index) ?? new Set<number>();
    const titleStems = new Set(paper.title.stems);
    // A title using a name word without the paper using the phrase uses it in another sense.
    const candidates = sorted.filter((d) => named.has(d) || !nameWords.get(d)!.modifiers.some((id) => titleStems.has(id)));
    const ranked = (candidates.length > 0 ? candidates : sorted)
      .map((d) => ({ topic: d, similarity: cosineToCentroidSkipping(paper.vector, centres.get(d)!, skipped.get(d)!) }))
      .sort((a, b) => b.similarity - a.similarity || byId(a, b));
    const order = preferenceOrder(ranked, named, settings.minSimilarity, broad, byId);
    const home = order.find((entry) => !isFull(entry.topic) || makeRoom(kept.get(entry.topic)!, topicCount)) ?? order[0]!;
    kept.get(home.topic)!.push({ paper: paper.index, strength: home.similarity, strong: false, inTitle: false });
    topicCount[paper.index]!++;
  }
  for (const members of kept.values()) members.sort(byStrength);
}

/** A topic (draft index) and a paper's similarity to it. */
interface Ranked {
  topic: number;
  similarity: number;
}

/** Which topics are broad (large), and how varied each is. */
interface Broadness {
  isBroad: (topic: number) => boolean;
  variety: (topic: number) => number;
}

/**
 * The order in which an orphan tries topics (see `placeOrphans`): mentioned topics about as
 * close as the closest; else, if the closest is no real match, broad topics (those about as
 * close first, the most varied first); then the rest by similarity. `ranked` is by similarity.
 */
function preferenceOrder(
  ranked: readonly Ranked[],
  named: ReadonlySet<number>,
  minSimilarity: number,
  broad: Broadness,
  byId: (a: Ranked, b: Ranked) => number,
): Ranked[] {
  const closest = ranked[0]?.similarity ?? 0;
  const mentionFloor = Math.max(minSimilarity, MENTION_SIMILARITY_SHARE * closest);
  const first = ranked.filter((entry) => named.has(entry.topic) && entry.similarity >= mentionFloor);
  if (first.length === 0 && !standsOut(closest, ranked)) {
    const far = (entry: Ranked) => (entry.similarity >= NEAR_SIMILARITY_SHARE * closest ? 0 : 1);
    const broadTopics = ranked.filter((entry) => broad.isBroad(entry.topic));
    first.push(...broadTopics.sort((a, b) => far(a) - far(b) || broad.variety(b.topic) - broad.variety(a.topic) || byId(a, b)));
  }
  const chosen = new Set(first);
  return [...first, ...ranked.filter((entry) => !chosen.has(entry))];
}

/**
 * Stem ids of a topic's phrases (`all`), and the words that make its name specific: those of
 * its naming phrase but its last (head) word and stop words ("imitation" of "imitation learning").
 */
function nameStemIds(draft: TopicDraft, corpus: AnalysedCorpus): { all: Set<number>; modifiers: number[] } {
  const idOf = (stem: string) => corpus.vocabulary.find(stem);
  const all = new Set(draft.matchers.flatMap((key) => key.split(' ')).map(idOf));
  const naming = (draft.matchers[0] ?? '').split(' ').filter((stem) => stem !== '');
  const modifiers = naming
    .slice(0, -1)
    .filter((stem) => !isStopWord(stem))
    .map(idOf)
    .filter((id) => id >= 0);
  return { all, modifiers };
}

/** Is the closest topic a real match: close in absolute terms, or far closer than topics in general? */
function standsOut(closest: number, ranked: readonly { similarity: number }[]): boolean {
  if (closest >= WEAK_SIMILARITY) return true;
  const mean = ranked.reduce((sum, entry) => sum + entry.similarity, 0) / ranked.length;
  return closest >= STANDOUT_RATIO * mean;
}

/** Terms in more than `COMMON_TERM_SHARE` of the papers, as a flag per term id. */
function commonTerms(corpus: AnalysedCorpus): Uint8Array {
  const df = new Int32Array(corpus.vocabulary.size);
  for (const paper of corpus.papers) for (const term of paper.vector.terms) df[term]!++;
  const limit = COMMON_TERM_SHARE * corpus.papers.length;
  const common = new Uint8Array(df.length);
  df.forEach((count, term) => {
    if (count > limit) common[term] = 1;
  });
  return common;
}

/**
 * Drops a full topic's weakest member that can spare it, to take a paper that has no topic: one
 * not naming the topic in its title that mentions it only once and has another topic, or that
 * has two others. False when there is no such member.
 */
function makeRoom(members: Member[], topicCount: Int32Array): boolean {
  let weakest = -1;
  for (let i = 0; i < members.length; i++) {
    const member = members[i]!;
    const others = topicCount[member.paper]! - 1;
    if (member.inTitle || others < (member.strong ? 2 : 1)) continue;
    if (weakest < 0 || byStrength(member, members[weakest]!) > 0) weakest = i;
  }
  if (weakest < 0) return false;
  topicCount[members[weakest]!.paper]!--;
  members.splice(weakest, 1);
  return true;
}

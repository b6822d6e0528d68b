/**
 * Final membership: every paper gets its best few topics, no topic grows into a catch-all, a
 * paper in a narrower topic is not listed again under a broader one named after the same word,
 * topics left too small are dropped, and so are topics holding nearly the papers of an earlier
 * one; a paper no topic phrase reaches joins a topic only if it is about it in other words
 * (adopt.ts); otherwise it has no topic ("Other papers").
 */
import type { AnalysedCorpus, AnalysedPaper } from '../text/analysis/corpus.ts';
import { PhraseMatcher } from './matcher.ts';
import type { Field } from '../text/analysis/units.ts';
import { byStrength, membersFromHits, type Hits, type Member, type MembershipSettings } from './membership.ts';
import type { TopicDraft } from './draft.ts';
import { centroidOf, TermAccumulator, type Centroid } from './centroids.ts';
import { appendTo } from './collections.ts';
import { adoptCloseOrphans } from './adopt.ts';
import type { Cohesion } from './cohesion.ts';
import { wordMembers } from './candidate-groups.ts';
import { compareStrings } from '../compare.ts';

/** A topic sharing this share of its papers with an earlier one at most `NEAR_TWIN_SIZE` times its size is its twin. */
const NEAR_TWIN_SHARE = 0.75;
const NEAR_TWIN_SIZE = 2;

export interface AssignmentSettings extends MembershipSettings {
  cohesion: Cohesion;
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
  // Each draft's own members, whatever the other drafts do.
  const centroids = new Map<number, Centroid>();
  const own = drafts.map((draft, d) => {
    const found = membersFromHits(hits[d]!, papers, { ...settings, alwaysScore: true }, draft.pinned);
    if (found.centroid !== null) centroids.set(d, found.centroid);
    const members = withoutPassingMentions(
      draft.commonWord ? wordMembers(found.members, draft.matchers[0]!, settings.cohesion) : found.members,
      draft,
      corpus,
      settings.cohesion,
    );
    return draft.capped ? members.slice(0, settings.maxSize) : members;
  });

  // Dropping a topic can free room on its papers, so settle in rounds (a few suffice).
  const keyWords = drafts.map((draft) => rarestStem(draft.matchers[0]!, corpus));
  for (;;) {
    kept = keepBestPerPaper(mostSpecific(active, own, keyWords, drafts), papers.length, settings.maxTopicsPerPaper);
    const tooSmall = new Set(active.filter((d) => !drafts[d]!.pinned && (kept.get(d)?.length ?? 0) < settings.minPapers));
    const twins = nearTwins(
      active.filter((d) => !tooSmall.has(d)),
      kept,
      drafts,
    );
    if (tooSmall.size === 0 && twins.length === 0) break;
    const dropped = new Set([...tooSmall, ...twins]);
    active = active.filter((d) => !dropped.has(d));
  }

  adoptCloseOrphans(corpus, drafts, active, kept, settings.cohesion, settings.accumulator ?? new TermAccumulator(corpus.vocabulary.size));

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

/**
 * Members that name the topic only in their abstracts must be closer to the papers naming it in
 * their titles than to the list as a whole (in the learned term space, the topic's own words left
 * out): a robot-motion paper that uses "LLMs" twice as a tool is not about large language models.
 * A paper whose title has the name's most distinctive word on its own is no passing mention:
 * "… for Multitask Imitation" that says "imitation learning" in its abstract is about it.
 */
function withoutPassingMentions(members: Member[], draft: TopicDraft, corpus: AnalysedCorpus, cohesion: Cohesion): Member[] {
  const papers = corpus.papers;
  const titled = members.filter((member) => member.inTitle && papers[member.paper]!.abstract.length > 0).map((member) => member.paper);
  if (titled.length < 2) return members;
  const group = cohesion.group(titled, draft.matchers.join(' '));
  const keyWord = rarestStem(draft.matchers[0]!, corpus);
  return members.filter(
    (member) =>
      member.inTitle || cohesion.closeness(member.paper, group) >= 0 || (keyWord >= 0 && hasWord(papers[member.paper]!.title, keyWord)),
  );
}

/** Does the field use the stem as a word of its own (not inside a compound or an acronym)? */
function hasWord(field: Field, stem: number): boolean {
  for (let unit = 0; unit < field.length; unit++) {
    const from = field.stemOffsets[unit]!;
    if (field.stemOffsets[unit + 1] === from + 1 && field.stems[from] === stem) return true;
  }
  return false;
}

/**
 * Each draft's members, less those that are also in a more specific topic named after the same
 * distinctive word: a paper in Diffusion Policies is not listed again under Diffusion Models,
 * which keeps the diffusion models of images and video, unless the paper's title names the broader
 * topic and not the narrower one. More specific: fewer members, then the longer name. Counted
 * among the `active` drafts, so a topic dropped as too small gives its papers back.
 */
function mostSpecific(
  active: readonly number[],
  own: readonly Member[][],
  keyWords: readonly number[],
  drafts: readonly TopicDraft[],
): Map<number, Member[]> {
  const byWord = new Map<number, number[]>();
  for (const d of active) if (keyWords[d]! >= 0) appendTo(byWord, keyWords[d]!, d);
  const narrower = (a: number, b: number) =>
    own[a]!.length - own[b]!.length || drafts[b]!.matchers[0]!.split(' ').length - drafts[a]!.matchers[0]!.split(' ').length || a - b;
  const result = new Map(active.map((d) => [d, own[d]!]));
  for (const siblings of byWord.values()) {
    if (siblings.length < 2) continue;
    siblings.sort(narrower);
    // Paper → whether a narrower sibling it is in names it in its title.
    const placed = new Map<number, boolean>();
    for (const d of siblings) {
      result.set(
        d,
        own[d]!.filter((member) => !placed.has(member.paper) || (member.inTitle && !placed.get(member.paper))),
      );
      for (const member of own[d]!) placed.set(member.paper, (placed.get(member.paper) ?? false) || member.inTitle);
    }
  }
  return result;
}

/** The stem of a phrase key that the fewest papers use (-1 if none is in the corpus). */
function rarestStem(key: string, corpus: AnalysedCorpus): number {
  let best = -1;
  for (const stem of key.split(' ')) {
    const id = corpus.vocabulary.find(stem);
    if (id >= 0 && corpus.contentStems[id] === 1 && (best < 0 || corpus.stemPapers[id]! < corpus.stemPapers[best]!)) best = id;
  }
  return best;
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

/**
 * Automatic topics most of whose papers an earlier topic (chosen first: worth more) holds while at
 * most twice as large: the same papers under another name ("Electron Cryo-Microscopy" next to
 * "Cryo-EM", "Individual Cells" next to "Single Cells"), not a narrower subject inside a broad one
 * (RLHF in Large Language Models). Judged on final memberships: during selection they are rough,
 * and the same rule there dropped broad topics of a large list (docs/decisions.md).
 */
function nearTwins(active: readonly number[], kept: ReadonlyMap<number, Member[]>, drafts: readonly TopicDraft[]): number[] {
  const earlierOf = new Map<number, number[]>();
  const twins: number[] = [];
  for (const d of active) {
    const members = kept.get(d) ?? [];
    const shared = new Map<number, number>();
    for (const member of members) for (const e of earlierOf.get(member.paper) ?? []) shared.set(e, (shared.get(e) ?? 0) + 1);
    const isTwin = [...shared].some(
      ([e, count]) => count >= NEAR_TWIN_SHARE * members.length && (kept.get(e)?.length ?? 0) <= NEAR_TWIN_SIZE * members.length,
    );
    if (isTwin && !drafts[d]!.pinned) twins.push(d);
    else for (const member of members) appendTo(earlierOf, member.paper, d);
  }
  return twins;
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

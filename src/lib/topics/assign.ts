/**
 * Final membership: every paper gets its best few topics, no topic grows into a catch-all,
 * topics left too small are dropped, and a paper no topic phrase reaches joins the topic its
 * terms are closest to (never an "Other" bin).
 */
import type { Corpus, CorpusPaper } from './corpus.ts';
import { PhraseMatcher } from './matcher.ts';
import { byStrength, membersFromHits, type Hits, type Member, type MembershipSettings } from './membership.ts';
import { centroidOf, cosineToCentroidWithout, type Centroid } from './vectors.ts';
import { appendTo } from './collections.ts';

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
export function findHits(corpus: Corpus, drafts: readonly TopicDraft[]): Hits[][] {
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

export function assignPapers(corpus: Corpus, drafts: readonly TopicDraft[], settings: AssignmentSettings): Assignment {
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
        .sort((a, b) => b.strength - a.strength || compareIds(drafts[a.topic]!.id, drafts[b.topic]!.id))
        .map((entry) => drafts[entry.topic]!.id),
    ),
  };
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
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
        b.member.strength - a.member.strength ||
        candidates.get(a.topic)!.length - candidates.get(b.topic)!.length ||
        a.topic - b.topic,
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
  papers: readonly CorpusPaper[],
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
 * A paper no topic kept joins, among the topics whose phrases it does mention (too weakly to
 * count), the closest one; if it mentions none, the topic whose centroid is closest to it.
 * Topics with room come first. Its strength there is its similarity, so it is listed after
 * the papers that name the topic.
 */
function placeOrphans(
  corpus: Corpus,
  active: readonly number[],
  kept: Map<number, Member[]>,
  centroids: Map<number, Centroid>,
  drafts: readonly TopicDraft[],
  hits: readonly Hits[][],
  settings: AssignmentSettings,
): void {
  if (active.length === 0) return;
  const papers = corpus.papers;
  const covered = new Uint8Array(papers.length);
  for (const d of active) for (const member of kept.get(d) ?? []) covered[member.paper] = 1;
  const orphans = papers.filter((paper) => !covered[paper.index]);
  if (orphans.length === 0) return;
  const mentioned = new Map<number, Set<number>>();
  for (const d of active) {
    for (const hit of hits[d]!) {
      if (covered[hit.paper]) continue;
      const topics = mentioned.get(hit.paper) ?? new Set<number>();
      topics.add(d);
      mentioned.set(hit.paper, topics);
    }
  }
  const sorted = [...active].sort((a, b) => compareIds(drafts[a]!.id, drafts[b]!.id));
  const centres = new Map(sorted.map((d) => [d, centroidFor(d, kept, centroids, papers, settings)]));
  // A topic's own name words do not count: "imitation" in an art-style paper must not pull
  // it into Imitation Learning.
  const termIds = new Map(corpus.termNames.map((name, id) => [name, id]));
  const nameTerms = new Map(
    sorted.map((d) => [d, new Set(drafts[d]!.matchers.flatMap((key) => key.split(' ')).map((stem) => termIds.get(stem) ?? -1))]),
  );
  const hasRoom = (d: number) => !drafts[d]!.capped || (kept.get(d)?.length ?? 0) < settings.maxSize;
  for (const paper of orphans) {
    const named = mentioned.get(paper.index);
    const open = sorted.filter(hasRoom);
    const namedOpen = named !== undefined ? open.filter((d) => named.has(d)) : [];
    const choices = namedOpen.length > 0 ? namedOpen : open.length > 0 ? open : sorted;
    let best: { topic: number; similarity: number } | null = null;
    for (const d of choices) {
      const similarity = cosineToCentroidWithout(paper.vector, centres.get(d)!, nameTerms.get(d)!);
      if (best === null || similarity > best.similarity) best = { topic: d, similarity };
    }
    kept.get(best!.topic)!.push({ paper: paper.index, strength: best!.similarity, strong: false, inTitle: false });
  }
  for (const members of kept.values()) members.sort(byStrength);
}

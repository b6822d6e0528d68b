/**
 * From candidate phrases to candidate topics: each eligible candidate with its members (a lone
 * ordinary word only if its papers form a cluster: cohesion.ts), then nested phrases covering
 * nearly the same papers merged under the more specific one ("rectified flow models" ⊂
 * "rectified flow"; "few-shot class-incremental learning" absorbs "class-incremental learning").
 */
import type { AnalysedPaper } from '../text/analysis/corpus.ts';
import { compareStrings } from '../compare.ts';
import type { CandidateStats } from './candidates.ts';
import { eligibility } from './candidates.ts';
import type { Cohesion } from './cohesion.ts';
import { appendTo } from './collections.ts';
import { membersFromHits, type Hits, type Member, type MembershipSettings } from './membership.ts';

export interface SelectionSettings extends MembershipSettings {
  minPapers: number;
  /** Most papers a topic may hold. */
  maxSize: number;
  maxTopics: number;
  /** A longer phrase covering this share of a shorter one's papers takes its place. */
  nestedCoverage: number;
  /** How alike groups of papers are (for lone ordinary words). */
  cohesion: Cohesion;
}

export interface TopicGroup {
  /** The phrase naming the group (most specific), then the other phrases it absorbed. */
  keys: string[];
  stemCount: number;
  members: Member[];
  /** Named single word (not a phrase): less specific than a phrase. */
  singleWord: boolean;
  /** An ordinary lone word ("glaciers"): it holds only papers near its cluster, and never absorbs or is absorbed. */
  commonWord: boolean;
  /** How far the naming phrase's rarest word narrows the corpus, 0 (every paper) to 1 (a handful). */
  rarity: number;
  /** Variant groups folded into this one (during selection only). */
  variants?: TopicGroup[];
}

/** A candidate phrase with its members. */
interface Evaluated {
  candidate: CandidateStats;
  members: Member[];
  commonWord: boolean;
}

/** An ordinary lone word names a topic only if its papers are at least this much more alike than the list (see cohesion.ts). */
export const MIN_WORD_CONTRAST = 0.35;
/** …and then holds only the papers at least this share as close to the others as the group is to itself. */
export const WORD_CORE_SHARE = 0.5;
/**
 * A lone name ("Cas9", "Cryo-EM", "COVID-19") must mark a cluster too, more loosely: a name is a
 * subject more often than a common word is, but not one every subfield writes. In a life-science
 * list, "RNA" (16 papers on editing, vaccines, sequencing) has a contrast of 0.09 and "DNA" 0.24;
 * the names of subjects have 0.30 (Cas9) to 0.80 (Cryo-EM). Measured on field-list-d (tests/fixtures/judgements/).
 */
export const MIN_NAME_CONTRAST = 0.25;

/**
 * Strong members sampled for a candidate's centroid while candidates are compared (thousands
 * of them): enough to judge who mentions it in passing; final members use more (membership.ts).
 */
const SELECTION_CENTROID_SAMPLE = 40;

/** Papers sampled to tell whether a lone word may mark a cluster. */
const WORD_SAMPLE = 40;

function mayMarkCluster(candidate: CandidateStats, key: string, cohesion: Cohesion): boolean {
  const titled = candidate.papers.filter((_, i) => candidate.titleHits[i]! > 0).slice(0, WORD_SAMPLE);
  return titled.length < 2 || cohesion.contrast(titled, key) >= MIN_WORD_CONTRAST;
}

/** The members of a lone-word topic near its cluster, or [] when its papers share only the word. */
export function wordMembers(members: readonly Member[], word: string, cohesion: Cohesion): Member[] {
  const papers = members.map((member) => member.paper);
  if (cohesion.contrast(papers, word) < MIN_WORD_CONTRAST) return [];
  const core = new Set(cohesion.coreMembers(papers, word, WORD_CORE_SHARE));
  return members.filter((member) => core.has(member.paper));
}

/** Are a lone name's papers alike enough (three or more; fewer cannot tell) to be one subject? */
function marksCluster(members: readonly Member[], name: string, cohesion: Cohesion): boolean {
  if (members.length < 3) return true;
  const papers = members.map((member) => member.paper);
  return cohesion.contrast(papers, name) >= MIN_NAME_CONTRAST;
}

function hitsOf(candidates: readonly CandidateStats[]): Hits[] {
  const byPaper = new Map<number, Hits>();
  for (const candidate of candidates) {
    candidate.papers.forEach((paper, i) => {
      const hits = byPaper.get(paper) ?? { paper, title: 0, abstract: 0 };
      // Nested phrases hit the same places: the larger count stands for both.
      hits.title = Math.max(hits.title, candidate.titleHits[i]!);
      hits.abstract = Math.max(hits.abstract, candidate.abstractHits[i]!);
      byPaper.set(paper, hits);
    });
  }
  return [...byPaper.values()].sort((a, b) => a.paper - b.paper);
}

/**
 * Eligible candidates that some title uses, with their members. Small ones are kept too: a
 * longer phrase with few members of its own may still name a group it covers.
 */
function evaluateCandidates(
  stats: ReadonlyMap<string, CandidateStats>,
  papers: readonly AnalysedPaper[],
  settings: SelectionSettings,
): Map<string, Evaluated> {
  const evaluated = new Map<string, Evaluated>();
  const keys = [...stats.keys()].sort(compareStrings);
  for (const key of keys) {
    const candidate = stats.get(key)!;
    const kind = candidate.papers.length < settings.minPapers ? null : eligibility(candidate);
    if (kind === null) continue;
    // A phrase no paper puts in its title is a passing expression, not a subject.
    if (!candidate.titleHits.some((hits) => hits > 0)) continue;
    // Most lone words mark no cluster: a cheap look at (a sample of) the papers naming them in
    // their titles rules them out before their members are worked out.
    if (kind === 'word' && !mayMarkCluster(candidate, key, settings.cohesion)) continue;
    let { members } = membersFromHits(hitsOf([candidate]), papers, { ...settings, centroidSample: SELECTION_CENTROID_SAMPLE });
    if (kind === 'word') members = wordMembers(members, key, settings.cohesion);
    if (kind === 'name' && !marksCluster(members, key, settings.cohesion)) continue;
    if (members.length === 0) continue;
    evaluated.set(key, { candidate, members, commonWord: kind === 'word' });
  }
  return evaluated;
}

/** Contiguous proper sub-phrases of a key (as keys). */
function subPhrases(key: string): string[] {
  const stems = key.split(' ');
  const result: string[] = [];
  for (let length = stems.length - 1; length >= 1; length--) {
    for (let start = 0; start + length <= stems.length; start++) result.push(stems.slice(start, start + length).join(' '));
  }
  return result;
}

/**
 * Folds each phrase into the most specific longer phrase that covers nearly all its papers. A
 * lone ordinary word covered so is dropped instead: its other papers may use it in another sense.
 */
function mergeNested(
  evaluated: ReadonlyMap<string, Evaluated>,
  papers: readonly AnalysedPaper[],
  settings: SelectionSettings,
): TopicGroup[] {
  const absorbedBy = new Map<string, string>();
  const supersets = new Map<string, string[]>();
  for (const key of evaluated.keys()) {
    for (const sub of subPhrases(key)) {
      if (evaluated.has(sub)) appendTo(supersets, sub, key);
    }
  }
  for (const [sub, supers] of supersets) {
    const shorter = evaluated.get(sub)!;
    let best: { key: string; coverage: number; stems: number } | null = null;
    for (const key of supers) {
      // Where the longer phrase occurs at all, mentioned in passing or not.
      const longerPapers = new Set(evaluated.get(key)!.candidate.papers);
      const coverage = shorter.members.filter((member) => longerPapers.has(member.paper)).length / shorter.members.length;
      if (coverage < settings.nestedCoverage) continue;
      const stems = evaluated.get(key)!.candidate.stemCount;
      if (
        best === null ||
        coverage > best.coverage ||
        (coverage === best.coverage && (stems > best.stems || (stems === best.stems && compareStrings(key, best.key) < 0)))
      ) {
        best = { key, coverage, stems };
      }
    }
    if (best !== null) absorbedBy.set(sub, best.key);
  }
  const dropped = new Set([...absorbedBy.keys()].filter((key) => evaluated.get(key)!.commonWord));
  const rootOf = (key: string): string => {
    let current = key;
    while (absorbedBy.has(current)) current = absorbedBy.get(current)!;
    return current;
  };
  const groups = new Map<string, string[]>();
  for (const key of evaluated.keys()) {
    if (!dropped.has(key)) appendTo(groups, rootOf(key), key);
  }
  const merged = [...groups.entries()].map(([root, keys]): TopicGroup => {
    const ordered = [root, ...keys.filter((key) => key !== root).sort(compareStrings)];
    const candidates = ordered.map((key) => evaluated.get(key)!.candidate);
    const { members } = ordered.length === 1 ? evaluated.get(root)! : membersFromHits(hitsOf(candidates), papers, settings);
    return {
      keys: ordered,
      stemCount: evaluated.get(root)!.candidate.stemCount,
      members,
      singleWord: !evaluated.get(root)!.candidate.phraseLike,
      commonWord: evaluated.get(root)!.commonWord,
      rarity: rarity(evaluated.get(root)!.candidate.rarestWordPapers, papers.length, settings.minPapers),
    };
  });
  return merged.filter((group) => group.members.length >= settings.minPapers && group.members.some((member) => member.inTitle));
}

/**
 * How far a phrase's rarest word narrows the corpus, on a log scale: 0 when every paper uses
 * it, 1 when only `minPapers` do. "Autonomous driving" and "dexterous manipulation" are
 * anchored by rare words; "reinforcement learning agents" or "policy representations" only by
 * words half the corpus uses, and say less about a paper.
 */
function rarity(rarestWordPapers: number, paperCount: number, minPapers: number): number {
  const range = Math.log(paperCount / Math.max(1, minPapers));
  if (range <= 0) return 1;
  return Math.min(1, Math.max(0, Math.log(paperCount / Math.max(1, rarestWordPapers)) / range));
}

/** Candidate topics: eligible candidates with their members, nested ones merged. */
export function groupCandidates(
  stats: ReadonlyMap<string, CandidateStats>,
  papers: readonly AnalysedPaper[],
  settings: SelectionSettings,
): TopicGroup[] {
  return mergeNested(evaluateCandidates(stats, papers, settings), papers, settings);
}

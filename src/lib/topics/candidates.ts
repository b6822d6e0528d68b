/**
 * Candidate key phrases: runs of 1 to 4 units inside one clause, not starting or ending on a
 * stop word, a generic academic word or a number, with at most one connecting stop word inside
 * ("reinforcement learning from human feedback"). A single unit is a candidate only when it is
 * a name (written "Mamba", "ChatGPT", "Minecraft" mid-sentence) or a defined acronym.
 *
 * Keys are stems joined by spaces, the same as `normalizePhrase`, so surface variants
 * ("Rectified Flows", "rectified flow") count together.
 */
import type { Unit } from './units.ts';

export const MAX_PHRASE_UNITS = 4;
export const MAX_PHRASE_STEMS = 8;
/**
 * Phrases written as one hyphenated modifier more often than this ("real-world data",
 * "large-scale training") are adjectives, not topic names. Noun compounds used as modifiers
 * ("gravitational wave detectors", "monetary policy shocks") are not hyphenated and stay.
 */
export const MAX_COMPOUND_MODIFIER_SHARE = 0.5;

export interface FieldUnits {
  title: readonly Unit[];
  abstract: readonly Unit[];
}

export interface CandidateStats {
  key: string;
  stemCount: number;
  /** Paper indices in ascending order, with the key's hits in each paper's title and abstract. */
  papers: number[];
  titleHits: number[];
  abstractHits: number[];
  /** Seen as a run of two or more units (or an acronym's long form): a phrase, not a lone word. */
  phraseLike: boolean;
  /** All occurrences, and those written as one hyphenated word before a noun ("real-world robots"). */
  occurrences: number;
  compoundModifierOccurrences: number;
  /** Occurrences directly followed by a content word, hyphenated or not. */
  modifierOccurrences: number;
  /** Lone-unit occurrences whose case shows a name, and those that show an ordinary word. */
  namedVotes: number;
  plainVotes: number;
}

/** `modifies`: the span is followed by a content word in the same clause ("real-world robots"). */
type SpanVisitor = (key: string, stemCount: number, singleUnit: Unit | null, modifies: boolean) => void;

/** Is this unit a content word a preceding phrase could modify? */
export function isContentHead(unit: Unit | undefined): boolean {
  return unit !== undefined && !unit.breakBefore && !unit.stop && !unit.generic && !unit.minor;
}

/** Calls `visit` for every candidate span of a field. */
export function forEachSpan(units: readonly Unit[], visit: SpanVisitor): void {
  for (let start = 0; start < units.length; start++) {
    const first = units[start]!;
    if (first.stop || first.generic || first.minor) continue;
    let key = '';
    let stemCount = 0;
    let innerStops = 0;
    for (let end = start; end < units.length && end - start < MAX_PHRASE_UNITS; end++) {
      const unit = units[end]!;
      if (end > start && unit.breakBefore) break;
      stemCount += unit.stems.length;
      if (stemCount > MAX_PHRASE_STEMS) break;
      key = end === start ? unit.key : `${key} ${unit.key}`;
      if (unit.stop) {
        if (!unit.connector || innerStops > 0) break;
        innerStops++;
        continue;
      }
      if (unit.generic || unit.minor) continue;
      visit(key, stemCount, end === start ? unit : null, isContentHead(units[end + 1]));
    }
  }
}

/**
 * Statistics of every candidate that occurs in at least `minPapers` papers. Two passes (count
 * papers per key, then collect hits for the frequent keys only) keep memory proportional to
 * the frequent phrases rather than to every phrase ever written.
 */
export function collectCandidates(corpus: readonly FieldUnits[], minPapers: number): Map<string, CandidateStats> {
  // Papers per key; `last` makes a paper count once however often it repeats the key.
  const counts = new Map<string, { papers: number; last: number }>();
  corpus.forEach((fields, index) => {
    const count = (key: string) => {
      const entry = counts.get(key);
      if (entry === undefined) counts.set(key, { papers: 1, last: index });
      else if (entry.last !== index) {
        entry.papers++;
        entry.last = index;
      }
    };
    forEachSpan(fields.title, count);
    forEachSpan(fields.abstract, count);
  });

  const stats = new Map<string, CandidateStats>();
  corpus.forEach((fields, index) => {
    const record = (inTitle: boolean) => (key: string, stemCount: number, single: Unit | null, modifies: boolean) => {
      if (counts.get(key)!.papers < minPapers) return;
      let entry = stats.get(key);
      if (entry === undefined) {
        entry = {
          key,
          stemCount,
          papers: [],
          titleHits: [],
          abstractHits: [],
          occurrences: 0,
          compoundModifierOccurrences: 0,
          modifierOccurrences: 0,
          phraseLike: false,
          namedVotes: 0,
          plainVotes: 0,
        };
        stats.set(key, entry);
      }
      entry.occurrences++;
      if (modifies) entry.modifierOccurrences++;
      if (modifies && single !== null && !single.expanded && single.stems.length > 1) entry.compoundModifierOccurrences++;
      if (single === null || single.expanded) entry.phraseLike = true;
      else if (single.named) entry.namedVotes++;
      else if (!single.caseUninformative) entry.plainVotes++;
      let last = entry.papers.length - 1;
      if (last < 0 || entry.papers[last] !== index) {
        entry.papers.push(index);
        entry.titleHits.push(0);
        entry.abstractHits.push(0);
        last++;
      }
      if (inTitle) entry.titleHits[last]!++;
      else entry.abstractHits[last]!++;
    };
    forEachSpan(fields.title, record(true));
    forEachSpan(fields.abstract, record(false));
  });
  return stats;
}

/**
 * May this candidate name a topic? Phrases may; a lone word only when the corpus writes it as
 * a name more often than not (and never as an ordinary lowercase word more than half as often).
 */
export function isEligible(candidate: CandidateStats): boolean {
  // Mostly a hyphenated modifier of other nouns ("real-world tasks"): an adjective, not a subject.
  if (candidate.compoundModifierOccurrences > MAX_COMPOUND_MODIFIER_SHARE * candidate.occurrences) return false;
  if (candidate.phraseLike) return true;
  return candidate.namedVotes > 0 && candidate.namedVotes >= 2 * candidate.plainVotes;
}

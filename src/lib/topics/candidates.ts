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

/**
 * Called for every candidate span: `hash` identifies its key (see `extendHash`), `start` and
 * `end` are its first and last unit, `modifies` says a content word follows in the same clause
 * ("real-world robots").
 */
type SpanVisitor = (hash: number, start: number, end: number, stemCount: number, modifies: boolean) => void;

/** Is this unit a content word a preceding phrase could modify? */
export function isContentHead(unit: Unit | undefined): boolean {
  return unit !== undefined && !unit.breakBefore && !unit.stop && !unit.generic && !unit.minor;
}

/**
 * A 53-bit hash of a stem-id sequence, extended one stem at a time, so a phrase hashes the
 * same whether it is written as one hyphenated unit or as separate words. Hashes only
 * pre-count papers; collisions can only over-count, and exact counts use the key strings.
 */
function extendHash(high: number, low: number, stemId: number): [number, number] {
  return [Math.imul(high ^ stemId, 0x9e3779b1) ^ (low >>> 13), Math.imul(low + stemId + 1, 0x85ebca77) ^ (high >>> 11)];
}

function combineHash(high: number, low: number): number {
  return (high >>> 0) * 0x200000 + ((low >>> 0) & 0x1fffff);
}

/** The key of units[start..end]: their stems joined by spaces. */
export function spanKey(units: readonly Unit[], start: number, end: number): string {
  let key = units[start]!.key;
  for (let i = start + 1; i <= end; i++) key += ` ${units[i]!.key}`;
  return key;
}

/**
 * Calls `visit` for every candidate span of a field. Spans stop at a unit `usable` rejects
 * (one with a rare stem: no phrase containing it can be frequent).
 */
export function forEachSpan(units: readonly Unit[], visit: SpanVisitor, usable: (unit: Unit) => boolean = () => true): void {
  for (let start = 0; start < units.length; start++) {
    const first = units[start]!;
    if (first.stop || first.generic || first.minor || !usable(first)) continue;
    let high = 0;
    let low = 0;
    let stemCount = 0;
    let innerStops = 0;
    for (let end = start; end < units.length && end - start < MAX_PHRASE_UNITS; end++) {
      const unit = units[end]!;
      if (end > start && (unit.breakBefore || !usable(unit))) break;
      stemCount += unit.stemIds.length;
      if (stemCount > MAX_PHRASE_STEMS) break;
      for (const id of unit.stemIds) [high, low] = extendHash(high, low, id);
      if (unit.stop) {
        if (!unit.connector || innerStops > 0) break;
        innerStops++;
        continue;
      }
      if (unit.generic || unit.minor) continue;
      visit(combineHash(high, low), start, end, stemCount, isContentHead(units[end + 1]));
    }
  }
}

/**
 * Statistics of every candidate that occurs in at least `minPapers` papers. Three cheap passes
 * keep time and memory proportional to the frequent phrases rather than to every phrase ever
 * written: papers per stem (a phrase is never in more papers than its rarest stem), papers per
 * phrase hash, then exact statistics for the phrases that may be frequent.
 */
export function collectCandidates(corpus: readonly FieldUnits[], minPapers: number, vocabularySize: number): Map<string, CandidateStats> {
  const stemPapers = new Int32Array(vocabularySize);
  const stemLast = new Int32Array(vocabularySize).fill(-1);
  corpus.forEach((fields, index) => {
    for (const units of [fields.title, fields.abstract]) {
      for (const unit of units) {
        for (const id of unit.stemIds) {
          if (stemLast[id] !== index) {
            stemLast[id] = index;
            stemPapers[id]!++;
          }
        }
      }
    }
  });
  const usable = (unit: Unit) => unit.stemIds.every((id) => stemPapers[id]! >= minPapers);

  // Papers per phrase hash, packed as papers · 2^24 + last paper index in one number.
  const PACK = 0x1000000;
  const hashPapers = new Map<number, number>();
  corpus.forEach((fields, index) => {
    const count = (hash: number) => {
      const packed = hashPapers.get(hash);
      if (packed === undefined) hashPapers.set(hash, PACK + (index % PACK));
      else if (packed % PACK !== index % PACK) hashPapers.set(hash, (Math.floor(packed / PACK) + 1) * PACK + (index % PACK));
    };
    forEachSpan(fields.title, count, usable);
    forEachSpan(fields.abstract, count, usable);
  });
  const mayBeFrequent = (hash: number) => Math.floor(hashPapers.get(hash)! / PACK) >= minPapers;

  const stats = new Map<string, CandidateStats>();
  corpus.forEach((fields, index) => {
    const record = (units: readonly Unit[], inTitle: boolean) => (hash: number, start: number, end: number, stemCount: number, modifies: boolean) => {
      if (!mayBeFrequent(hash)) return;
      const key = spanKey(units, start, end);
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
      const single = start === end ? units[start]! : null;
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
    forEachSpan(fields.title, record(fields.title, true), usable);
    forEachSpan(fields.abstract, record(fields.abstract, false), usable);
  });
  // Hash collisions may have let a rare phrase through: keep only the truly frequent.
  for (const [key, entry] of stats) if (entry.papers.length < minPapers) stats.delete(key);
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

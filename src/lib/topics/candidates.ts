/**
 * Candidate key phrases: runs of 1 to 4 units inside one clause, not starting or ending on a
 * stop word, a generic academic word or a number, with at most one connecting stop word inside
 * ("reinforcement learning from human feedback"). A single unit is a candidate only when it is
 * a name (written "Mamba", "ChatGPT", "Minecraft" mid-sentence) or a defined acronym.
 *
 * Keys are stems joined by spaces, the same as `normalizePhrase`, so surface variants
 * ("Rectified Flows", "rectified flow") count together.
 */
import { forEachSpan, smallHash, spanStemIds, spellsStemIds } from '../text/analysis/phrases.ts';
import { CONNECTORS, type Field } from '../text/analysis/units.ts';
import type { Vocabulary } from '../text/analysis/vocabulary.ts';
import { isGenericPhrase } from './generic-phrases.ts';
import { isPlaceName } from './place-names.ts';

/**
 * Phrases written as one hyphenated modifier more often than this ("real-world data",
 * "large-scale training") are adjectives, not topic names. Noun compounds used as modifiers
 * ("gravitational wave detectors", "monetary policy shocks") are not hyphenated and stay.
 */
export const MAX_COMPOUND_MODIFIER_SHARE = 0.5;

export interface PaperFields {
  title: Field;
  abstract: Field;
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
  /**
   * Papers that write a lone unit as a name (mostly), and papers that write it as an ordinary
   * word: one vote per paper, so one paper repeating "Turing Machine" does not make "machine" a name.
   */
  namedVotes: number;
  plainVotes: number;
  /** The current (last) paper's lone-unit occurrences written as a name and as a plain word, not yet voted. */
  namedHere: number;
  plainHere: number;
  /** Papers using the phrase's rarest word (connectors aside): how far that word narrows the corpus. */
  rarestWordPapers: number;
}

/**
 * Papers per phrase, over-estimated: a count-min sketch (two rows of counters indexed by the two
 * hashes, each counting a paper once). A phrase's true count is at most the smaller of its two
 * counters, so phrases under both thresholds are certainly rare; the rest are counted exactly.
 */
class PaperSketch {
  private readonly mask: number;
  private readonly counts: [Int32Array, Int32Array];
  private readonly lastPaper: [Int32Array, Int32Array];

  constructor(expectedKeys: number, maxSize = 1 << 22) {
    let size = 1 << 12;
    while (size < 2 * expectedKeys && size < maxSize) size <<= 1;
    this.mask = size - 1;
    this.counts = [new Int32Array(size), new Int32Array(size)];
    this.lastPaper = [new Int32Array(size).fill(-1), new Int32Array(size).fill(-1)];
  }

  add(first: number, second: number, paper: number): void {
    this.addTo(0, first & this.mask, paper);
    this.addTo(1, second & this.mask, paper);
  }

  private addTo(row: 0 | 1, slot: number, paper: number): void {
    if (this.lastPaper[row][slot] === paper) return;
    this.lastPaper[row][slot] = paper;
    this.counts[row][slot]!++;
  }

  atLeast(first: number, second: number, minimum: number): boolean {
    return this.counts[0][first & this.mask]! >= minimum && this.counts[1][second & this.mask]! >= minimum;
  }

  /** At least the true number of papers (more when other phrases share both counters). */
  estimate(first: number, second: number): number {
    return Math.min(this.counts[0][first & this.mask]!, this.counts[1][second & this.mask]!);
  }
}

/**
 * Slots per row of the sketch counting every phrase (not only title phrases): enough for a
 * small error on a large corpus, 16 MB at most.
 */
const ALL_PHRASES_SKETCH_SIZE = 1 << 20;

/** Key phrases that may name topics, plus corpus counts that key terms need. */
export interface CandidatePool {
  /** Candidates by key (see `collectCandidates`). */
  stats: Map<string, CandidateStats>;
  /** Papers per stem id. */
  stemPapers: Int32Array;
  /**
   * Papers using a phrase, given the hashes `forEachSpan` reports for it: never fewer than the
   * truth, rarely more. Known for phrases whose stems are each in at least two papers.
   */
  phrasePapers(first: number, second: number): number;
  /** Does some title use the phrase with this first hash? (A collision may say yes wrongly: rare.) */
  inSomeTitle(first: number): boolean;
}

/**
 * Statistics of every candidate that some title uses and that occurs in at least `minPapers`
 * papers. (A phrase no title uses is a passing expression, not a subject: it names no topic.)
 * Cheap passes keep time and memory proportional to the frequent title phrases rather than to
 * every phrase ever written: papers per stem (a phrase is never in more papers than its rarest
 * stem), the hashes of title phrases, papers per phrase estimated from hashes, then exact
 * statistics for the phrases that may qualify.
 */
export function collectCandidates(corpus: readonly PaperFields[], minPapers: number, vocabulary: Vocabulary): Map<string, CandidateStats> {
  return collectCandidatePool(corpus, minPapers, vocabulary).stats;
}

/**
 * `collectCandidates`, and in the same pass over the text the papers per phrase of every
 * phrase, title or not (a sketch: the key terms of a topic need to know how common a phrase
 * is in the corpus).
 */
export function collectCandidatePool(
  corpus: readonly PaperFields[],
  minPapers: number,
  vocabulary: Vocabulary,
  stemPapers: Int32Array = countStemPapers(corpus, vocabulary.size),
): CandidatePool {
  const usableAt = (least: number) => (field: Field, unit: number) => {
    for (let s = field.stemOffsets[unit]!; s < field.stemOffsets[unit + 1]!; s++) if (stemPapers[field.stems[s]!]! < least) return false;
    return true;
  };
  const usable = usableAt(minPapers);
  // Any phrase in two papers may be a key term of a small topic.
  const usableForTerms = usableAt(Math.min(minPapers, 2));

  // Title phrases by hash (a collision only lets an extra phrase through to the exact count);
  // the same for phrases of rarer words (key terms only need to know), as bits: a false "yes"
  // is harmless.
  const inTitles = new Set<number>();
  const inSomeTitle = new HashBits(TITLE_BITS);
  for (const fields of corpus) {
    const title = fields.title;
    forEachSpan(
      title,
      (first, _second, start, end) => {
        inSomeTitle.add(first);
        for (let unit = start; unit <= end; unit++) if (!usable(title, unit)) return;
        inTitles.add(smallHash(first));
      },
      usableForTerms,
    );
  }

  // `inSomeTitle` holds the low bits of every hash in `inTitles`: its cheap "no" spares most lookups.
  const isTitlePhrase = (first: number) => inSomeTitle.has(first) && inTitles.has(smallHash(first));
  const sketch = new PaperSketch(inTitles.size);
  const allPhrases = new PaperSketch(totalUnits(corpus), ALL_PHRASES_SKETCH_SIZE);
  corpus.forEach((fields, index) => {
    const count = (field: Field) => (first: number, second: number, start: number, end: number) => {
      if (start !== end || mayBeTermUnit(field, start)) allPhrases.add(first, second, index);
      if (isTitlePhrase(first)) sketch.add(first, second, index);
    };
    forEachSpan(fields.title, count(fields.title), usableForTerms);
    forEachSpan(fields.abstract, count(fields.abstract), usableForTerms);
  });

  // Exact statistics, found by hash and confirmed by stem ids (hashes may collide).
  const byHash = new Map<number, { ids: number[]; stats: CandidateStats }[]>();
  corpus.forEach((fields, index) => {
    const record =
      (field: Field, inTitle: boolean) =>
      (first: number, second: number, start: number, end: number, stemCount: number, modifies: boolean) => {
        const hash = smallHash(first);
        if (!isTitlePhrase(first) || !sketch.atLeast(first, second, minPapers)) return;
        let bucket = byHash.get(hash);
        if (bucket === undefined) {
          bucket = [];
          byHash.set(hash, bucket);
        }
        let found: { ids: number[]; stats: CandidateStats } | undefined;
        for (const entry of bucket) {
          if (spellsStemIds(field, start, end, entry.ids)) {
            found = entry;
            break;
          }
        }
        if (found === undefined) {
          found = { ids: spanStemIds(field, start, end), stats: emptyStats(stemCount) };
          bucket.push(found);
        }
        recordOccurrence(found.stats, field, start, end, modifies, inTitle, index);
      };
    forEachSpan(fields.title, record(fields.title, true), usable);
    forEachSpan(fields.abstract, record(fields.abstract, false), usable);
  });

  const stats = new Map<string, CandidateStats>();
  for (const bucket of byHash.values()) {
    for (const { ids, stats: entry } of bucket) {
      if (entry.papers.length < minPapers || !entry.titleHits.some((hits) => hits > 0)) continue;
      castCaseVote(entry);
      entry.key = vocabulary.key(ids);
      entry.rarestWordPapers = rarestWordPapers(ids, stemPapers, vocabulary);
      stats.set(entry.key, entry);
    }
  }
  return {
    stats,
    stemPapers,
    phrasePapers: (first, second) => allPhrases.estimate(first, second),
    inSomeTitle: (first) => inSomeTitle.has(first),
  };
}

/** Papers per stem id. */
function countStemPapers(corpus: readonly PaperFields[], stemCount: number): Int32Array {
  const stemPapers = new Int32Array(stemCount);
  const stemLast = new Int32Array(stemCount).fill(-1);
  corpus.forEach((fields, index) => {
    for (const field of [fields.title, fields.abstract]) {
      for (const id of field.stems) {
        if (stemLast[id] !== index) {
          stemLast[id] = index;
          stemPapers[id]!++;
        }
      }
    }
  });
  return stemPapers;
}

/** A lone unit that may be a key term: a name, an acronym, a compound of three or more words. */
function mayBeTermUnit(field: Field, unit: number): boolean {
  return field.isNamed(unit) || field.isExpanded(unit) || field.stemCount(unit) >= 3;
}

/** Bits per title-phrase hash set: 1 MB; at most a few per cent of false "yes" on a large corpus. */
const TITLE_BITS = 1 << 23;

/** A set of hashes as bits: may say yes for a hash never added (rarely), never no for one added. */
class HashBits {
  private readonly bits: Uint8Array;
  private readonly mask: number;

  constructor(size: number) {
    this.bits = new Uint8Array(size >>> 3);
    this.mask = size - 1;
  }

  add(hash: number): void {
    const bit = hash & this.mask;
    this.bits[bit >>> 3]! |= 1 << (bit & 7);
  }

  has(hash: number): boolean {
    const bit = hash & this.mask;
    return (this.bits[bit >>> 3]! & (1 << (bit & 7))) !== 0;
  }
}

function totalUnits(corpus: readonly PaperFields[]): number {
  let units = 0;
  for (const fields of corpus) units += fields.title.length + fields.abstract.length;
  return units;
}

function rarestWordPapers(ids: readonly number[], stemPapers: Int32Array, vocabulary: Vocabulary): number {
  let rarest = Infinity;
  for (const id of ids) if (!CONNECTORS.has(vocabulary.stems[id]!)) rarest = Math.min(rarest, stemPapers[id]!);
  return rarest;
}

function emptyStats(stemCount: number): CandidateStats {
  return {
    key: '',
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
    namedHere: 0,
    plainHere: 0,
    rarestWordPapers: 0,
  };
}

function recordOccurrence(
  entry: CandidateStats,
  field: Field,
  start: number,
  end: number,
  modifies: boolean,
  inTitle: boolean,
  paper: number,
): void {
  const single = start === end;
  entry.occurrences++;
  if (modifies) entry.modifierOccurrences++;
  if (modifies && single && !field.isExpanded(start) && field.stemCount(start) > 1) entry.compoundModifierOccurrences++;
  if (!single || field.isExpanded(start)) entry.phraseLike = true;
  let last = entry.papers.length - 1;
  if (last < 0 || entry.papers[last] !== paper) {
    castCaseVote(entry);
    entry.papers.push(paper);
    entry.titleHits.push(0);
    entry.abstractHits.push(0);
    last++;
  }
  if (inTitle) entry.titleHits[last]!++;
  else entry.abstractHits[last]!++;
  if (!single || field.isExpanded(start)) return;
  if (field.isNamed(start)) entry.namedHere++;
  else if (!field.isCaseUninformative(start)) entry.plainHere++;
}

/** Turns the current paper's case evidence into its vote. */
function castCaseVote(entry: CandidateStats): void {
  if (entry.namedHere > entry.plainHere) entry.namedVotes++;
  else if (entry.plainHere > 0) entry.plainVotes++;
  entry.namedHere = 0;
  entry.plainHere = 0;
}

const REPEATED_STEM = /(?:^| )(\S+) \1(?: |$)/;

/** A lone word standing as a noun (not before another word) less often than this is an adjective ("neural", "efficient"). */
const MIN_HEAD_SHARE = 0.2;

/**
 * May this candidate name a topic, and as what? Phrases may, unless generic ("latent space")
 * or a place ("South Africa");
 * a lone word written as a name more often than not (and never as an ordinary lowercase word
 * more than half as often) may too; an ordinary lone word ("glaciers", "tuberculosis") only
 * as a `word`, which must also prove that it marks a cluster of papers (see cohesion.ts).
 */
export function eligibility(candidate: CandidateStats): 'phrase' | 'name' | 'word' | null {
  if (isGenericPhrase(candidate.key) || isPlaceName(candidate.key)) return null;
  // A word twice in a row ("learning learning") is a slip or two titles run together, never a subject.
  if (REPEATED_STEM.test(candidate.key)) return null;
  // Mostly a hyphenated modifier of other nouns ("real-world tasks"): an adjective, not a subject.
  if (candidate.compoundModifierOccurrences > MAX_COMPOUND_MODIFIER_SHARE * candidate.occurrences) return null;
  if (candidate.phraseLike) return 'phrase';
  if (candidate.namedVotes > 0 && candidate.namedVotes >= 2 * candidate.plainVotes) return 'name';
  const heads = candidate.occurrences - candidate.modifierOccurrences;
  return heads >= MIN_HEAD_SHARE * candidate.occurrences ? 'word' : null;
}

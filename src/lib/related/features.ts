/**
 * What related papers compare: each paper as a sparse TF-IDF vector over features read from
 * the analysed corpus (src/lib/text/analysis/):
 *
 * - every content stem, with defined acronyms standing for their long forms and compound
 *   names for their parts ("OpenVLA": open, vision, language, action; and "VLA" as written),
 *   so "MegaBERT" and "BERT-Large" share "bert", and hyphenated compounds also as the one word
 *   the list writes them as ("multi-modal" and "multimodal");
 * - every pair of neighbouring content stems in a clause, directly ("rectified flow") or across
 *   one connecting word ("learning from play"), weighted by the rarity of the pair itself: a
 *   rare phrase of common words counts as much as a rare word.
 *
 * Title features count twice. Every feature of a paper that some other paper has counts, weighted
 * by TF-IDF: common features weigh little without being cut at some share of the papers, so a
 * feature's weight changes smoothly as papers are added (a cut would drop it from every paper at
 * once). Features of a single paper relate nothing and are left out. A paper keeps at most its
 * `MAX_FEATURES` heaviest features (ties by the feature's words, not its id, which moves when a
 * new paper brings new words): a bound for very long abstracts that ordinary ones never reach.
 */
import type { AnalysedCorpus } from '../text/analysis/corpus.ts';
import { CONNECTORS, type Field } from '../text/analysis/units.ts';
import { inverseDocumentFrequency, pairTermFrequencyWeight } from '../text/analysis/weights.ts';
import { compareStrings } from '../compare.ts';

/** A paper's features (ascending ids, only those in two papers or more) and their weights, unit norm overall. */
export interface FeatureVector {
  features: Int32Array;
  weights: Float64Array;
}

export interface PaperFeatures {
  vectors: FeatureVector[];
  /** Papers per feature id. */
  documentFrequency: Int32Array;
  /** The stem ids a feature is made of (one for a word; two, or three with a connector, for a pair). */
  stemsOf(feature: number): number[];
  /** The feature's stems as words ("rectifi flow"): unlike its id, the same in any list. */
  keyOf(feature: number): string;
  /** The feature of a pair of stems, joined by a connector stem (or -1), or -1 if no paper has it. */
  pairFeature(first: number, connectorStem: number, second: number): number;
}

const TITLE_WEIGHT = 2;
/** Most features a paper keeps; past it, the lightest weigh little against the rest. */
const MAX_FEATURES = 120;

/**
 * Pairs of stems as dense feature ids after the stem ids. An open-addressing hash table over
 * typed arrays: millions of pairs in a large list, and keys too large for a fast map.
 */
class PairIds {
  private readonly stemCount: number;
  private readonly connectorStems: number[];
  /** first, connector index (or -1), second of pair i. */
  private parts = new Int32Array(3 * 1024);
  private count = 0;
  /** Slot → pair index + 1 (0: empty). */
  private slots = new Int32Array(2048);

  constructor(stemCount: number, connectorStems: number[]) {
    this.stemCount = stemCount;
    this.connectorStems = connectorStems;
  }

  private static hash(first: number, connector: number, second: number): number {
    let h = Math.imul(first + 1, 0x9e3779b1) ^ Math.imul(second + 1, 0x85ebca77) ^ Math.imul(connector + 2, 0xc2b2ae3d);
    h ^= h >>> 15;
    return Math.imul(h, 0x27d4eb2f) >>> 0;
  }

  /** The slot holding the pair, or the empty slot where it would go. */
  private slotOf(first: number, connector: number, second: number): number {
    const mask = this.slots.length - 1;
    let slot = PairIds.hash(first, connector, second) & mask;
    for (;;) {
      const entry = this.slots[slot]!;
      if (entry === 0) return slot;
      const at = (entry - 1) * 3;
      if (this.parts[at] === first && this.parts[at + 1] === connector && this.parts[at + 2] === second) return slot;
      slot = (slot + 1) & mask;
    }
  }

  /** The pair's feature id, or -1 if no paper has it. `connector` is an index into the connector stems, or -1. */
  find(first: number, connector: number, second: number): number {
    const entry = this.slots[this.slotOf(first, connector, second)]!;
    return entry === 0 ? -1 : this.stemCount + entry - 1;
  }

  id(first: number, connector: number, second: number): number {
    const slot = this.slotOf(first, connector, second);
    const entry = this.slots[slot]!;
    if (entry !== 0) return this.stemCount + entry - 1;
    if (3 * (this.count + 1) > this.parts.length) {
      const parts = new Int32Array(this.parts.length * 2);
      parts.set(this.parts);
      this.parts = parts;
    }
    this.parts.set([first, connector, second], 3 * this.count);
    this.count++;
    this.slots[slot] = this.count;
    if (2 * this.count > this.slots.length) this.grow();
    return this.stemCount + this.count - 1;
  }

  private grow(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    for (let pair = 0; pair < this.count; pair++) {
      const at = pair * 3;
      this.slots[this.slotOf(this.parts[at]!, this.parts[at + 1]!, this.parts[at + 2]!)] = pair + 1;
    }
  }

  get size(): number {
    return this.stemCount + this.count;
  }

  /** The connector index of a connector stem, or -1. */
  connectorIndex(stem: number): number {
    return this.connectorStems.indexOf(stem);
  }

  stemsOf(feature: number): number[] {
    if (feature < this.stemCount) return [feature];
    const at = (feature - this.stemCount) * 3;
    const connector = this.parts[at + 1]!;
    return connector < 0 ? [this.parts[at]!, this.parts[at + 2]!] : [this.parts[at]!, this.connectorStems[connector]!, this.parts[at + 2]!];
  }
}

const CONNECTOR_LIST = [...CONNECTORS];

/** Adds the features of one field to `counts` (feature id → weighted occurrences). */
function countField(
  field: Field,
  weight: number,
  content: Uint8Array,
  connectorIndex: Int8Array,
  pairs: PairIds,
  counts: Map<number, number>,
): void {
  const add = (feature: number) => counts.set(feature, (counts.get(feature) ?? 0) + weight);
  let previous = -1;
  let connector = -1;
  for (let unit = 0; unit < field.length; unit++) {
    if (field.breaksBefore(unit)) previous = -1;
    for (let s = field.stemOffsets[unit]!; s < field.stemOffsets[unit + 1]!; s++) {
      const stem = field.stems[s]!;
      if (content[stem] === 1) {
        add(stem);
        if (previous >= 0) add(pairs.id(previous, connector, stem));
        previous = stem;
        connector = -1;
      } else if (previous >= 0 && connector < 0 && connectorIndex[stem]! >= 0) {
        connector = connectorIndex[stem]!;
      } else {
        previous = -1;
        connector = -1;
      }
    }
    // An acronym also counts as written ("VLA"), but makes no pairs.
    for (const raw of field.rawStems.get(unit) ?? []) if (content[raw] === 1) add(raw);
  }
}

export function paperFeatures(corpus: AnalysedCorpus): PaperFeatures {
  const stemCount = corpus.vocabulary.size;
  const connectorIndex = new Int8Array(stemCount).fill(-1);
  const connectorStems = CONNECTOR_LIST.map((word, i) => {
    const id = corpus.vocabulary.find(word);
    if (id >= 0) connectorIndex[id] = i;
    return id;
  });
  const pairs = new PairIds(stemCount, connectorStems);
  // Counted with one reused map, kept as compact arrays (a map per paper is a lot of memory).
  const counts = new Map<number, number>();
  const counted = corpus.papers.map((paper) => {
    counts.clear();
    countField(paper.title, TITLE_WEIGHT, corpus.contentStems, connectorIndex, pairs, counts);
    countField(paper.abstract, 1, corpus.contentStems, connectorIndex, pairs, counts);
    for (const id of paper.joined.title) counts.set(id, (counts.get(id) ?? 0) + TITLE_WEIGHT);
    for (const id of paper.joined.abstract) counts.set(id, (counts.get(id) ?? 0) + 1);
    return { ids: Int32Array.from(counts.keys()), counts: Float64Array.from(counts.values()) };
  });

  const documentFrequency = new Int32Array(pairs.size);
  for (const { ids } of counted) for (const feature of ids) documentFrequency[feature]!++;
  const n = corpus.papers.length;
  const keyOf = (feature: number) =>
    pairs
      .stemsOf(feature)
      .map((stem) => corpus.vocabulary.stems[stem]!)
      .join(' ');
  const vectors = counted.map(({ ids, counts: occurrences }): FeatureVector => {
    let kept: [feature: number, weight: number][] = [];
    for (let slot = 0; slot < ids.length; slot++) {
      const feature = ids[slot]!;
      const df = documentFrequency[feature]!;
      if (df >= 2) kept.push([feature, pairTermFrequencyWeight(occurrences[slot]!) * inverseDocumentFrequency(df, n)]);
    }
    if (kept.length > MAX_FEATURES) kept = heaviest(kept, MAX_FEATURES, keyOf);
    let squaredNorm = 0;
    for (const [, weight] of kept) squaredNorm += weight * weight;
    const norm = Math.sqrt(squaredNorm) || 1;
    kept.sort((a, b) => a[0] - b[0]);
    return { features: Int32Array.from(kept, ([feature]) => feature), weights: Float64Array.from(kept, ([, weight]) => weight / norm) };
  });
  return {
    vectors,
    documentFrequency,
    stemsOf: (feature) => pairs.stemsOf(feature),
    keyOf,
    pairFeature: (first, connectorStem, second) => {
      const connector = connectorStem < 0 ? -1 : pairs.connectorIndex(connectorStem);
      return connectorStem >= 0 && connector < 0 ? -1 : pairs.find(first, connector, second);
    },
  };
}

/** The `limit` heaviest features; ties by their words, so the choice does not depend on feature ids. */
function heaviest(
  features: [feature: number, weight: number][],
  limit: number,
  keyOf: (feature: number) => string,
): [feature: number, weight: number][] {
  const sorted = [...features].sort((a, b) => b[1] - a[1]);
  const cut = sorted[limit - 1]![1];
  const above = sorted.filter(([, weight]) => weight > cut);
  const tied = sorted
    .filter(([, weight]) => weight === cut)
    .map((entry) => ({ entry, key: keyOf(entry[0]) }))
    .sort((a, b) => compareStrings(a.key, b.key));
  return [...above, ...tied.slice(0, limit - above.length).map(({ entry }) => entry)];
}

/** Dot product of two feature vectors (a merge of their sorted ids). */
export function featureDot(a: FeatureVector, b: FeatureVector): number {
  let dot = 0;
  for (let i = 0, j = 0; i < a.features.length && j < b.features.length;) {
    const fa = a.features[i]!;
    const fb = b.features[j]!;
    if (fa === fb) dot += a.weights[i++]! * b.weights[j++]!;
    else if (fa < fb) i++;
    else j++;
  }
  return dot;
}

/**
 * Related papers: for each paper, the k most similar others, with a few words saying why.
 *
 * Similarity is the cosine of TF-IDF vectors over title + abstract terms (stemmed, stop words
 * and generic academic words removed), with title terms counted twice and bigrams of adjacent
 * terms as extra features ("rectified flow" weighs more than "rectified" + "flow"). When papers
 * carry topics, the cosine of their topic sets contributes a share of the score.
 *
 * How it scales (no pass over all papers per paper):
 * - Papers are sparse vectors; an inverted index maps each feature to its postings (the papers
 *   containing it, in id order, with weights).
 * - Features in more than `postingsCap(n)` papers (10% of papers, at least 50, at most 1000)
 *   are dropped: they carry little information and would make the cost quadratic. Features in
 *   a single paper cannot link two papers: they count in the vector norm but are not indexed.
 * - Each unordered pair is scored once: paper i walks only the postings after itself, then the
 *   score is offered to both papers' bounded top-k lists.
 * - Cost ≈ Σ over indexed features of df²/2, at most (number of features) × cap²/2: linear in
 *   the corpus once the cap stops growing (at 10,000 papers). Everything else is linear too:
 *   one analysis pass, then a second one that only counts spellings of the few features shown
 *   in `why`. On 2 cores: 1,000 papers ≈ 0.4 s, 10,000 ≈ 3 s, 100,000 ≈ 50 s and 1 GB of memory
 *   (`npm run bench` reports this step as the pipeline's `related` phase). For much larger corpora, lower
 *   the cap or prune each paper to its top-weighted features before accumulating.
 * - Shared topics add to the score of any candidate pair; topics with more than `cap` papers
 *   do not create candidates by themselves (a pair sharing only a huge topic is not related).
 *
 * Output is deterministic: papers are processed in id order whatever the input order, scores
 * are rounded to 4 decimals before ranking, and ties go to the smaller id.
 */
import type { PaperText, RelatedPaper } from './types.ts';
import { termTokens, type TermToken } from './text/tokenize.ts';
import { Interner } from './text/interner.ts';
import { compareStrings } from './compare.ts';

export interface RelatedInput extends PaperText {
  topics?: string[];
}

export interface RelatedOptions {
  /** How many related papers to keep per paper (default 5). */
  k?: number;
  /** Rounded scores below this are not reported (default 0.05). */
  minScore?: number;
}

const DEFAULT_K = 5;
const DEFAULT_MIN_SCORE = 0.05;
/** Title terms say more about a paper than abstract terms. */
const TITLE_WEIGHT = 2;
/** Share of the score given to shared topics when the corpus has topics. */
const TOPIC_SHARE = 0.2;
const MAX_REASONS = 3;
const SCORE_DECIMALS = 1e4;

/** Most papers a feature may occur in and still be indexed. */
export function postingsCap(paperCount: number): number {
  return Math.min(1000, Math.max(50, Math.floor(paperCount * 0.1)));
}

function roundScore(score: number): number {
  return Math.round(score * SCORE_DECIMALS) / SCORE_DECIMALS;
}

/**
 * Counts how features are spelled in the text, to show "imitation learning" rather than
 * "imit learn". Keys are feature keys (a stem, or two stems joined by a space).
 */
class SurfaceForms {
  private readonly counts = new Map<string, Map<string, number>>();
  private readonly chosen = new Map<string, string>();

  add(term: string, surface: string): void {
    let forms = this.counts.get(term);
    if (!forms) this.counts.set(term, (forms = new Map()));
    forms.set(surface, (forms.get(surface) ?? 0) + 1);
  }

  /**
   * The spelling to show. Spellings are grouped case-insensitively and the most frequent group
   * wins. Inside it, Title Case counts as lowercase when lowercase also occurs (titles must not
   * make "Language" win over "language"), and the most frequent casing is shown ("OpenVLA",
   * "LLMs"). Ties prefer lowercase, then code-unit order.
   */
  best(key: string): string {
    let best = this.chosen.get(key);
    if (best === undefined) this.chosen.set(key, (best = this.pickBest(key)));
    return best;
  }

  private pickBest(key: string): string {
    const forms = this.counts.get(key);
    if (!forms) return key;
    const groups = new Map<string, number>();
    for (const [surface, count] of forms) {
      const lower = surface.toLowerCase();
      groups.set(lower, (groups.get(lower) ?? 0) + count);
    }
    const [lower] = [...groups].reduce((a, b) => (b[1] > a[1] || (b[1] === a[1] && b[0] < a[0]) ? b : a));
    const votes = new Map<string, number>();
    for (const [surface, count] of forms) {
      if (surface.toLowerCase() !== lower) continue;
      const target = forms.has(lower) && isTitleCaseOf(surface, lower) ? lower : surface;
      votes.set(target, (votes.get(target) ?? 0) + count);
    }
    let best = lower;
    let bestVotes = -1;
    for (const [spelling, count] of votes) {
      if (count > bestVotes || (count === bestVotes && preferSpelling(spelling, best))) {
        best = spelling;
        bestVotes = count;
      }
    }
    return best;
  }
}

/** "Rectified Flow" is Title Case of "rectified flow"; "OpenVLA" is not that of "openvla". */
function isTitleCaseOf(surface: string, lower: string): boolean {
  const title = lower
    .split(' ')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
  return surface === title;
}

function preferSpelling(candidate: string, current: string): boolean {
  const candidateLower = candidate === candidate.toLowerCase();
  const currentLower = current === current.toLowerCase();
  if (candidateLower !== currentLower) return candidateLower;
  return candidate < current;
}

function bigramKey(first: string, second: string): string {
  return `${first} ${second}`;
}

/** Feature ids of one paper with their weighted term frequencies, kept compact until weighting. */
interface FeatureCounts {
  ids: Int32Array;
  frequencies: Float64Array;
}

/** Weighted term frequencies of one paper: unigrams and bigrams of adjacent terms. */
function countFeatures(sections: ReadonlyArray<readonly [TermToken[], number]>, vocabulary: Interner): FeatureCounts {
  const counts = new Map<number, number>();
  const add = (key: string, weight: number) => {
    const id = vocabulary.id(key);
    counts.set(id, (counts.get(id) ?? 0) + weight);
  };
  for (const [tokens, weight] of sections) {
    tokens.forEach((token, index) => {
      add(token.term, weight);
      if (token.adjacent && index > 0) add(bigramKey(tokens[index - 1]!.term, token.term), weight);
    });
  }
  return { ids: Int32Array.from(counts.keys()), frequencies: Float64Array.from(counts.values()) };
}

/** A paper as a sparse vector over indexed features, sorted by feature id. */
interface SparseVector {
  features: Int32Array;
  weights: Float64Array;
  /** Index of this paper inside each feature's postings, parallel to `features`. */
  postingPositions: Int32Array;
}

interface Index {
  vectors: SparseVector[];
  postingStart: Int32Array;
  postingDocs: Int32Array;
  postingWeights: Float64Array;
  featureKeys: string[];
  featureIds: ReadonlyMap<string, number>;
  /** Memo: unigram feature ids of each feature's words ([itself] for a unigram). */
  featureWords: (readonly number[] | undefined)[];
}

function wordsOf(index: Index, feature: number): readonly number[] {
  let words = index.featureWords[feature];
  if (!words) {
    const parts = index.featureKeys[feature]!.split(' ');
    words = parts.length === 1 ? [feature] : parts.map((part) => index.featureIds.get(part)!);
    index.featureWords[feature] = words;
  }
  return words;
}

function buildIndex(papers: readonly RelatedInput[]): Index {
  const vocabulary = new Interner();
  const documentCounts: number[] = [];
  const paperCounts = papers.map((paper) => {
    const title = termTokens(paper.title);
    const abstract = paper.abstract ? termTokens(paper.abstract) : [];
    const counts = countFeatures(
      [
        [title, TITLE_WEIGHT],
        [abstract, 1],
      ],
      vocabulary,
    );
    for (const id of counts.ids) documentCounts[id] = (documentCounts[id] ?? 0) + 1;
    return counts;
  });

  const n = papers.length;
  const cap = postingsCap(n);
  const featureCount = vocabulary.size;
  const postingLengths = new Int32Array(featureCount);
  const vectors = paperCounts.map(({ ids, frequencies }) => {
    const kept: [number, number][] = [];
    let squaredNorm = 0;
    for (let slot = 0; slot < ids.length; slot++) {
      const id = ids[slot]!;
      const tf = frequencies[slot]!;
      const df = documentCounts[id]!;
      if (df > cap) continue;
      const weight = (1 + Math.log(tf)) * Math.log(1 + n / df);
      squaredNorm += weight * weight;
      if (df >= 2) kept.push([id, weight]);
    }
    kept.sort((a, b) => a[0] - b[0]);
    const norm = Math.sqrt(squaredNorm);
    const vector: SparseVector = {
      features: Int32Array.from(kept, ([id]) => id),
      weights: Float64Array.from(kept, ([, weight]) => weight / norm),
      postingPositions: new Int32Array(kept.length),
    };
    for (const id of vector.features) postingLengths[id]!++;
    return vector;
  });

  const postingStart = new Int32Array(featureCount + 1);
  for (let id = 0; id < featureCount; id++) postingStart[id + 1] = postingStart[id]! + postingLengths[id]!;
  const total = postingStart[featureCount]!;
  const postingDocs = new Int32Array(total);
  const postingWeights = new Float64Array(total);
  const fill = postingStart.slice(0, featureCount);
  vectors.forEach((vector, doc) => {
    vector.features.forEach((id, slot) => {
      const position = fill[id]!++;
      postingDocs[position] = doc;
      postingWeights[position] = vector.weights[slot]!;
      vector.postingPositions[slot] = position;
    });
  });
  return {
    vectors,
    postingStart,
    postingDocs,
    postingWeights,
    featureKeys: vocabulary.values,
    featureIds: vocabulary.ids,
    featureWords: [],
  };
}

/** Topic memberships as sorted topic numbers per paper, plus postings for small topics. */
interface TopicIndex {
  paperTopics: Int32Array[];
  postings: Int32Array[];
  names: string[];
}

function buildTopicIndex(papers: readonly RelatedInput[]): TopicIndex {
  const names = [...new Set(papers.flatMap((paper) => paper.topics ?? []))].sort(compareStrings);
  const numbers = new Map(names.map((name, index) => [name, index]));
  const members: number[][] = names.map(() => []);
  const paperTopics = papers.map((paper, doc) => {
    const topics = [...new Set((paper.topics ?? []).map((name) => numbers.get(name)!))].sort((a, b) => a - b);
    for (const topic of topics) members[topic]!.push(doc);
    return Int32Array.from(topics);
  });
  return { paperTopics, postings: members.map((docs) => Int32Array.from(docs)), names };
}

function countShared(a: Int32Array, b: Int32Array): number {
  let shared = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return shared;
}

/** Bounded best-first lists, one per paper, in flat typed arrays. */
class TopLists {
  private readonly docs: Int32Array;
  private readonly scores: Float64Array;
  private readonly sizes: Int32Array;
  private readonly k: number;

  constructor(paperCount: number, k: number) {
    this.k = k;
    this.docs = new Int32Array(paperCount * k);
    this.scores = new Float64Array(paperCount * k);
    this.sizes = new Int32Array(paperCount);
  }

  /** Offers `other` with `score` to `owner`'s list (higher score first, then lower index). */
  offer(owner: number, other: number, score: number): void {
    const base = owner * this.k;
    let size = this.sizes[owner]!;
    const ranksBefore = (slot: number) =>
      this.scores[base + slot]! > score || (this.scores[base + slot] === score && this.docs[base + slot]! < other);
    if (size === this.k && ranksBefore(size - 1)) return;
    if (size < this.k) size = ++this.sizes[owner]!;
    let slot = size - 1;
    while (slot > 0 && !ranksBefore(slot - 1)) {
      this.docs[base + slot] = this.docs[base + slot - 1]!;
      this.scores[base + slot] = this.scores[base + slot - 1]!;
      slot--;
    }
    this.docs[base + slot] = other;
    this.scores[base + slot] = score;
  }

  list(owner: number): { doc: number; score: number }[] {
    const base = owner * this.k;
    return Array.from({ length: this.sizes[owner]! }, (_, slot) => ({
      doc: this.docs[base + slot]!,
      score: this.scores[base + slot]!,
    }));
  }
}

/** Scores every pair that shares an indexed feature or a small topic, keeping the top k. */
function rankNeighbours(index: Index, topics: TopicIndex, k: number, minScore: number): TopLists {
  const n = index.vectors.length;
  const cap = postingsCap(n);
  const topicShare = topics.names.length > 0 ? TOPIC_SHARE : 0;
  const dots = new Float64Array(n);
  const seen = new Uint8Array(n);
  const touched = new Int32Array(n);
  const top = new TopLists(n, k);

  for (let doc = 0; doc < n; doc++) {
    let touchedCount = 0;
    const touch = (other: number) => {
      if (!seen[other]) {
        seen[other] = 1;
        touched[touchedCount++] = other;
      }
    };
    const { features, weights, postingPositions } = index.vectors[doc]!;
    for (let slot = 0; slot < features.length; slot++) {
      const weight = weights[slot]!;
      const end = index.postingStart[features[slot]! + 1]!;
      // Postings are in paper order: only papers after this one, so each pair is scored once.
      for (let position = postingPositions[slot]! + 1; position < end; position++) {
        const other = index.postingDocs[position]!;
        dots[other] += weight * index.postingWeights[position]!;
        touch(other);
      }
    }
    const ownTopics = topics.paperTopics[doc]!;
    for (const topic of ownTopics) {
      const members = topics.postings[topic]!;
      if (members.length > cap) continue;
      for (const other of members) if (other > doc) touch(other);
    }

    for (let t = 0; t < touchedCount; t++) {
      const other = touched[t]!;
      const otherTopics = topics.paperTopics[other]!;
      const shared = countShared(ownTopics, otherTopics);
      const topicSimilarity = shared > 0 ? shared / Math.sqrt(ownTopics.length * otherTopics.length) : 0;
      const score = roundScore((1 - topicShare) * dots[other]! + topicShare * topicSimilarity);
      if (score > 0 && score >= minScore) {
        top.offer(doc, other, score);
        top.offer(other, doc, score);
      }
      dots[other] = 0;
      seen[other] = 0;
    }
  }
  return top;
}

/** Shared terms contributing less than this share of the strongest one are not shown. */
const WEAK_REASON_SHARE = 0.3;

/**
 * Keys of up to `limit` shared features, strongest first. A phrase ("rectifi flow") is credited
 * with its own contribution plus that of its words, then hides every feature sharing a word.
 */
function sharedFeatureKeys(index: Index, a: number, b: number, limit: number): string[] {
  const va = index.vectors[a]!;
  const vb = index.vectors[b]!;
  const contributions = new Map<number, number>();
  for (let i = 0, j = 0; i < va.features.length && j < vb.features.length;) {
    const fa = va.features[i]!;
    const fb = vb.features[j]!;
    if (fa === fb) {
      contributions.set(fa, va.weights[i]! * vb.weights[j]!);
      i++;
      j++;
    } else if (fa < fb) i++;
    else j++;
  }
  const candidates: { feature: number; words: readonly number[]; credit: number }[] = [];
  for (const [feature, contribution] of contributions) {
    const words = wordsOf(index, feature);
    let credit = contribution;
    if (words.length > 1) for (const word of words) credit += contributions.get(word) ?? 0;
    candidates.push({ feature, words, credit });
  }
  candidates.sort((x, y) => y.credit - x.credit || compareStrings(index.featureKeys[x.feature]!, index.featureKeys[y.feature]!));

  const chosen: string[] = [];
  const covered = new Set<number>();
  const strongest = candidates[0]?.credit ?? 0;
  for (const { feature, words, credit } of candidates) {
    // A reason far weaker than the strongest ("carefully", "idea") explains nothing.
    if (chosen.length >= limit || credit < WEAK_REASON_SHARE * strongest) break;
    // Each stem is shown once: "class incremental" hides "incremental learning".
    if (words.some((word) => covered.has(word))) continue;
    for (const word of words) covered.add(word);
    chosen.push(index.featureKeys[feature]!);
  }
  return chosen;
}

function sharedTopicReasons(topics: TopicIndex, paper: RelatedInput, other: number): string[] {
  const otherTopics = new Set(Array.from(topics.paperTopics[other]!, (topic) => topics.names[topic]!));
  return [...new Set(paper.topics ?? [])].filter((topic) => otherTopics.has(topic)).map((topic) => `topic:${topic}`);
}

/** Reasons before spelling: feature keys to show, then `topic:<id>` entries. */
interface PendingReasons {
  featureKeys: string[];
  topics: string[];
}

function pendingReasons(index: Index, topics: TopicIndex, papers: readonly RelatedInput[], a: number, b: number): PendingReasons {
  const topicReasons = sharedTopicReasons(topics, papers[a]!, b);
  const featureKeys = sharedFeatureKeys(index, a, b, MAX_REASONS - Math.min(1, topicReasons.length));
  return { featureKeys, topics: topicReasons.slice(0, MAX_REASONS - featureKeys.length) };
}

/**
 * Spellings of the `needed` feature keys, from a second read of the texts. Done after ranking,
 * for the few features that are shown, so the first pass keeps no per-token data.
 */
function collectSurfaces(papers: readonly RelatedInput[], needed: ReadonlySet<string>): SurfaceForms {
  const surfaces = new SurfaceForms();
  for (const paper of papers) {
    for (const text of [paper.title, paper.abstract ?? '']) {
      let previous: TermToken | null = null;
      for (const token of termTokens(text)) {
        if (needed.has(token.term)) surfaces.add(token.term, token.text);
        if (previous && token.adjacent) {
          const key = bigramKey(previous.term, token.term);
          if (needed.has(key)) surfaces.add(key, `${previous.text} ${token.text}`);
        }
        previous = token;
      }
    }
  }
  return surfaces;
}

/**
 * For every paper id, its related papers, best first (an empty list when none qualifies).
 * A paper never relates to itself; papers without an abstract are related by title.
 */
export function computeRelated(papers: readonly RelatedInput[], options: RelatedOptions = {}): Map<string, RelatedPaper[]> {
  const k = Math.max(0, Math.floor(options.k ?? DEFAULT_K));
  const minScore = options.minScore ?? DEFAULT_MIN_SCORE;
  const sorted = [...papers].sort((a, b) => compareStrings(a.id, b.id));
  sorted.forEach((paper, i) => {
    if (i > 0 && sorted[i - 1]!.id === paper.id) throw new Error(`computeRelated: duplicate paper id "${paper.id}"`);
  });

  const result = new Map<string, RelatedPaper[]>();
  if (k === 0) {
    for (const paper of sorted) result.set(paper.id, []);
    return result;
  }
  const index = buildIndex(sorted);
  const topics = buildTopicIndex(sorted);
  const top = rankNeighbours(index, topics, k, minScore);
  const neighbours = sorted.map((_, doc) =>
    top.list(doc).map(({ doc: other, score }) => ({ other, score, reasons: pendingReasons(index, topics, sorted, doc, other) })),
  );
  const needed = new Set(neighbours.flatMap((list) => list.flatMap(({ reasons }) => reasons.featureKeys)));
  const surfaces = collectSurfaces(sorted, needed);
  sorted.forEach((paper, doc) => {
    result.set(
      paper.id,
      neighbours[doc]!.map(({ other, score, reasons }) => ({
        id: sorted[other]!.id,
        score,
        why: [...reasons.featureKeys.map((key) => surfaces.best(key)), ...reasons.topics],
      })),
    );
  });
  return result;
}

/**
 * What a topic shows: its name (the corpus's most frequent way of writing the phrase), a few
 * key terms, and related topics.
 */
import { forEachSpan, smallHash, type CandidatePool } from './candidates.ts';
import { isGenericPhrase } from './generic-phrases.ts';
import { CONNECTORS, type Field, type Vocabulary } from './units.ts';
import type { Corpus } from './corpus.ts';
import { mostFrequent } from './corpus.ts';
import { PhraseMatcher } from './matcher.ts';
import type { Member } from './membership.ts';
import { hasMarkedCase, titleCase } from './naming.ts';
import { casingFor, stemForms } from './forms.ts';
import type { Centroid } from './vectors.ts';
import { appendTo } from './collections.ts';
import { isGenericTerm, isStopWord } from '../text/stopwords.ts';

/**
 * A phrase written before a noun ("gravitational wave detectors") counts less toward the
 * name than the phrase standing as a noun ("gravitational waves"), so names take the form a
 * heading would: "Gravitational Waves", "Labour Markets".
 */
const MODIFIER_FORM_WEIGHT = 0.3;

/**
 * How the corpus writes each key: lowercase surface → weighted count. Occurrences that go
 * through an expanded acronym count only if `withAcronyms` ("VLA models" is not a way of
 * writing a topic's name, but "RLHF" is a fine way of showing a key term).
 */
export function collectSurfaces(corpus: Corpus, keys: Iterable<string>, withAcronyms = false): Map<string, Map<string, number>> {
  const matcher = new PhraseMatcher(keys, corpus.vocabulary);
  const surfaces = new Map<string, Map<string, number>>();
  for (const paper of corpus.papers) {
    for (const field of [paper.title, paper.abstract]) {
      matcher.scan(field, (key, start, end, expanded) => {
        if (expanded && !withAcronyms) return;
        let surface = field.surface(start);
        for (let i = start + 1; i <= end; i++) surface += ` ${field.surface(i)}`;
        const counts = surfaces.get(key) ?? new Map<string, number>();
        const weight = field.isContentHead(end + 1) ? MODIFIER_FORM_WEIGHT : 1;
        const lower = surface.toLowerCase();
        counts.set(lower, (counts.get(lower) ?? 0) + weight);
        surfaces.set(key, counts);
      });
    }
  }
  return surfaces;
}

/** The usual way of writing a key: its most frequent surface, else its acronym, else the key. */
function formOf(key: string, surfaces: ReadonlyMap<string, Map<string, number>>, corpus: Corpus): string {
  return mostFrequent(surfaces.get(key) ?? new Map()) ?? acronymFor(key, corpus) ?? key;
}

/** Names for keys: each key's usual form, title-cased, keeping the corpus's capitals ("LLMs"). */
export function namesFor(corpus: Corpus, keys: readonly string[]): string[] {
  const surfaces = collectSurfaces(corpus, keys);
  const forms = keys.map((key) => formOf(key, surfaces, corpus));
  const casing = casingFor(corpus, forms.flatMap((form) => form.toLowerCase().split(/[\s\-/]+/)));
  return forms.map((form) => titleCase(form, casing));
}

/** The acronym whose long form this key is (or starts with): "vision languag action model" → "VLA". */
export function acronymFor(key: string, corpus: Corpus): string | null {
  let best: string | null = null;
  for (const [acronym, longForm] of corpus.acronyms) {
    const long = longForm.join(' ');
    if (long.split(' ').length < 2) continue;
    if (key === long || key.startsWith(`${long} `)) {
      if (best === null || long.length > corpus.acronyms.get(best)!.join(' ').length) best = acronym;
    }
  }
  return best;
}

/** Words of web addresses, never in a topic's key term. */
const BOILERPLATE_STEMS: ReadonlySet<string> = new Set(['websit', 'github', 'url', 'http', 'https', 'www', 'com']);
/** Web chrome written as phrases ("project page", "code is available" never gets this far). */
const BOILERPLATE_PHRASES: ReadonlySet<string> = new Set(['project page', 'project websit', 'demo page']);
/** First parts of hyphenated words ("multi-stage", "self-supervised"): not terms on their own. */
const PREFIX_STEMS: ReadonlySet<string> = new Set(['multi', 'self', 'non', 'pre', 'post', 'co', 're', 'sub', 'semi', 'cross', 'inter', 'intra', 'single', 'part']);
/** Phrases used mostly before another noun ("few-shot class-incremental" learning, "real-world" tasks) are not terms. */
const MAX_TERM_MODIFIER_SHARE = 0.6;

/**
 * Phrases mostly read as the tail of a longer phrase, their first word ending a known key
 * phrase ("learning policies" in "imitation learning policies", "model agents" in "language
 * model agents"), are not terms.
 */
const MAX_TERM_EXTENDING_SHARE = 0.5;
/**
 * A phrase no title in the corpus uses, and no acronym stands for, is often an expression
 * ("impressive progress", "unfamiliar scenarios") rather than a term: unless it has three or
 * more words ("tool-use trajectories"), it must then be in at least this many of the topic's
 * papers.
 */
const MIN_PAPERS_UNTITLED = 3;
const MIN_UNTITLED_UNITS = 3;
/** …and even then counts for less than a phrase some title uses or an acronym stands for. */
const NAMED_TERM_BONUS = 1.5;

/** A phrase containing a picked term replaces it when it scores at least this share of it. */
const LONGER_TERM_SHARE = 0.7;

/** A single hyphenated word of this many parts reads as a phrase ("chain-of-thought"). */
const MIN_COMPOUND_STEMS = 3;

/** Members read for a topic's key terms: its clearest examples, enough to see what it is about. */
const KEY_TERM_SAMPLE = 30;
/**
 * A key term must be in at least this many of the topic's (sampled) papers: two in a small
 * topic, three in one of `LARGE_TOPIC` papers or more (two of forty is chance).
 */
const MIN_TERM_PAPERS_SMALL = 2;
const MIN_TERM_PAPERS_LARGE = 3;
const LARGE_TOPIC = 12;
/** A term in more than this share of the corpus ("imitation learning" in a robotics corpus) tells no topic apart. */
const MAX_TERM_CORPUS_SHARE = 0.2;
/** …at least this many times more common inside the topic than outside it… */
const MIN_TERM_LIFT = 2;
/** …and score at least this share of the topic's best term: fewer terms beat filler. */
const MIN_TERM_SCORE_SHARE = 0.35;

/**
 * How characteristic a term is of a topic: its share of the topic's papers times the log of
 * how much more common it is there than in the rest of the corpus (smoothed, so a term of two
 * papers in a small corpus does not look infinitely telling). Zero when it is not
 * `MIN_TERM_LIFT` times more common inside.
 */
export function termScore(topicShare: number, topicSize: number, corpusPapers: number, corpusSize: number): number {
  const outsidePapers = Math.max(0, corpusPapers - topicShare * topicSize);
  const outside = (outsidePapers + 1) / (corpusSize - topicSize + 2);
  const lift = topicShare / outside;
  return lift < MIN_TERM_LIFT ? 0 : topicShare * Math.log(lift);
}

/** A phrase seen in a topic's sample: where first seen, and how it is used there. */
interface SampledPhrase {
  first: number;
  second: number;
  /** Sample papers using it; the last one counted. */
  papers: number;
  lastPaper: number;
  field: Field;
  start: number;
  end: number;
  occurrences: number;
  /** Occurrences directly before a content word ("real-world tasks"). */
  modifying: number;
  /** Lone-word occurrences written as a name ("OpenVLA", "GPT-4"). */
  named: number;
  /** Occurrences whose first word ends a key phrase that starts before it ("imitation | learning policies"). */
  extending: number;
}

interface TermChoice {
  key: string;
  score: number;
}

/**
 * Key terms of each topic: phrases (acronyms count through their long forms) and names
 * ("OpenVLA", "GPT-4") frequent among its members and rare elsewhere, by `termScore`. Never a
 * generic phrase, a phrase used mostly as a modifier, one of the topic's own phrases or a
 * phrase containing one, nor a phrase made only of their words. Lone ordinary words are not
 * terms: the ones that cluster by chance in a topic ("rich", "guided", "online") cannot be
 * told from the telling ones. Returned as keys, best first; `keyTermTexts` turns them into text.
 */
export function chooseKeyTerms(
  corpus: Corpus,
  pool: CandidatePool,
  members: ReadonlyMap<string, Member[]>,
  matchers: ReadonlyMap<string, readonly string[]>,
  limit: number,
): Map<string, string[]> {
  const usable = (field: Field, unit: number) => {
    for (let s = field.stemOffsets[unit]!; s < field.stemOffsets[unit + 1]!; s++) if (pool.stemPapers[field.stems[s]!]! < 2) return false;
    return true;
  };
  const keyPairs = adjacentStemPairs(pool, corpus.vocabulary);
  const result = new Map<string, string[]>();
  for (const [topic, list] of members) {
    const sample = list.slice(0, KEY_TERM_SAMPLE);
    const least = Math.min(Math.max(1, sample.length), list.length >= LARGE_TOPIC ? MIN_TERM_PAPERS_LARGE : MIN_TERM_PAPERS_SMALL);
    const ownKeys = matchers.get(topic) ?? [];
    const ownStems = new Set(ownKeys.flatMap((key) => key.split(' ')));
    const choices: TermChoice[] = [];
    for (const phrase of samplePhrases(corpus, sample, usable, keyPairs).values()) {
      if (phrase.papers < least || !isTermUse(phrase)) continue;
      // A phrase no title uses nor an acronym stands for needs more papers, unless long.
      const established = pool.inSomeTitle(phrase.first) || hasAcronym(phrase);
      if (!established && phrase.papers < MIN_PAPERS_UNTITLED && phraseUnits(phrase) < MIN_UNTITLED_UNITS) continue;
      const corpusPapers = pool.phrasePapers(phrase.first, phrase.second);
      if (corpusPapers > MAX_TERM_CORPUS_SHARE * corpus.papers.length) continue;
      const key = phraseKey(corpus, phrase);
      if (!isTermKey(key, ownKeys, ownStems)) continue;
      const score = termScore(phrase.papers / sample.length, list.length, corpusPapers, corpus.papers.length);
      if (score > 0) choices.push({ key, score: established ? ESTABLISHED_TERM_BONUS * score : score });
    }
    result.set(topic, pickTerms(choices, limit));
  }
  return result;
}

/** Adjacent stems inside candidate key phrases, as `first * vocabulary size + second`. */
function adjacentStemPairs(pool: CandidatePool, vocabulary: Vocabulary): Set<number> {
  const pairs = new Set<number>();
  for (const key of pool.stats.keys()) {
    const ids = key.split(' ').map((stem) => vocabulary.find(stem));
    for (let i = 1; i < ids.length; i++) pairs.add(ids[i - 1]! * vocabulary.size + ids[i]!);
  }
  return pairs;
}

function rangeStemIds(field: Field, from: number, to: number): number[][] {
  const ids: number[][] = [];
  for (let i = from; i <= to; i++) ids.push(field.stemIds(i));
  return ids;
}

/** Every candidate span of the sample papers, by hash, with the sample papers using it. */
function samplePhrases(
  corpus: Corpus,
  sample: readonly Member[],
  usable: (field: Field, unit: number) => boolean,
  keyPairs: ReadonlySet<number>,
): Map<number, SampledPhrase> {
  const stemCount = corpus.vocabulary.size;
  const phrases = new Map<number, SampledPhrase>();
  sample.forEach((member, s) => {
    const paper = corpus.papers[member.paper]!;
    for (const field of [paper.title, paper.abstract]) {
      forEachSpan(
        field,
        (first, second, start, end, _stems, modifies) => {
          const hash = smallHash(first);
          let phrase = phrases.get(hash);
          if (phrase === undefined) {
            phrase = { first, second, papers: 0, lastPaper: -1, field, start, end, occurrences: 0, modifying: 0, named: 0, extending: 0 };
            phrases.set(hash, phrase);
          } else if (phrase.second !== second) {
            return; // Another phrase with the same first hash: rare, and one of the two is enough.
          }
          phrase.occurrences++;
          if (modifies) phrase.modifying++;
          if (start > 0 && !field.breaksBefore(start)) {
            const before = field.stems[field.stemOffsets[start]! - 1]!;
            if (keyPairs.has(before * stemCount + field.stems[field.stemOffsets[start]!]!)) phrase.extending++;
          }
          if (start === end && field.isNamed(start)) phrase.named++;
          if (phrase.lastPaper !== s) {
            phrase.lastPaper = s;
            phrase.papers++;
          }
        },
        usable,
      );
    }
  });
  return phrases;
}

/**
 * Is the phrase used as a term? Two or more words (or an acronym standing for them) mostly
 * standing as a noun, or a lone word the text writes as a name.
 */
function isTermUse(phrase: SampledPhrase): boolean {
  if (startsWithAdverb(phrase) || phrase.extending > MAX_TERM_EXTENDING_SHARE * phrase.occurrences) return false;
  const { field, start, end } = phrase;
  const name = start === end && !field.isExpanded(start) && 2 * phrase.named > phrase.occurrences;
  // A name stays a name before a noun ("GPT-4 outputs").
  if (!name && phrase.modifying > MAX_TERM_MODIFIER_SHARE * phrase.occurrences) return false;
  if (start !== end || field.isExpanded(start)) return true;
  // One written word: a name ("OpenVLA", "GPT-4", "MATH"), or a compound of three or more
  // words ("chain-of-thought"); "pre-training" or "Machine" are ordinary words.
  if (field.stemCount(start) >= MIN_COMPOUND_STEMS) return true;
  return 2 * phrase.named > phrase.occurrences && hasMarkedCase(field.surface(start));
}

/** How many written words (units) the phrase has. */
function phraseUnits(phrase: SampledPhrase): number {
  return phrase.end - phrase.start + 1;
}

/** Adverbs ("effectively fine-tune", "iteratively learn") start verb phrases, not terms. */
const ADVERB_ENDING = /(?:ally|ively|ously|ently|antly|ingly|edly|ately|ibly|ably|ctly|ntly|itly|ckly)$/;

function startsWithAdverb(phrase: SampledPhrase): boolean {
  return ADVERB_ENDING.test(phrase.field.surface(phrase.start).toLowerCase());
}

/** Does an acronym stand for (part of) the phrase where it was first seen ("RLHF", "SFT")? */
function hasAcronym(phrase: SampledPhrase): boolean {
  for (let i = phrase.start; i <= phrase.end; i++) if (phrase.field.isExpanded(i)) return true;
  return false;
}

/** May this key be shown for a topic with these phrases? */
function isTermKey(key: string, ownKeys: readonly string[], ownStems: ReadonlySet<string>): boolean {
  const stems = key.split(' ');
  if (isGenericPhrase(key) || BOILERPLATE_PHRASES.has(key) || stems.some((stem) => BOILERPLATE_STEMS.has(stem))) return false;
  if (stems.length === 1 && (PREFIX_STEMS.has(key) || isGenericTerm(key) || key.length < 2)) return false;
  if (stems.every((stem) => ownStems.has(stem) || CONNECTORS.has(stem))) return false;
  return !ownKeys.some((own) => ` ${key} `.includes(` ${own} `));
}

/**
 * The best choices, never two where one contains the other: a phrase inside one already
 * picked is skipped ("human feedback" after "reinforcement learning from human feedback"); a
 * phrase containing one already picked takes its place when nearly as good.
 */
function pickTerms(choices: TermChoice[], limit: number): string[] {
  choices.sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const floor = MIN_TERM_SCORE_SHARE * (choices[0]?.score ?? 0);
  const picked: TermChoice[] = [];
  const contains = (outer: string, inner: string) => ` ${outer} `.includes(` ${inner} `);
  for (const choice of choices) {
    if (choice.score < floor) break;
    if (picked.some((other) => contains(other.key, choice.key))) continue;
    const inner = picked.findIndex((other) => contains(choice.key, other.key));
    if (inner >= 0) {
      if (choice.score >= LONGER_TERM_SHARE * picked[inner]!.score && !picked.some((other, i) => i !== inner && contains(choice.key, other.key))) picked[inner] = choice;
      continue;
    }
    if (picked.length < limit) picked.push(choice);
  }
  return picked.map((choice) => choice.key);
}

/**
 * Text for key-term keys: a phrase as the corpus most often writes it (an acronym if that is
 * how it is mostly written: "RLHF"), a word in its usual form, with the corpus's capitals
 * ("LLMs", "GPT-4").
 */
export function keyTermTexts(corpus: Corpus, keyLists: readonly (readonly string[])[]): string[][] {
  const keys = keyLists.flat();
  const surfaces = collectSurfaces(corpus, keys, true);
  const words = stemForms(corpus, keys.filter((key) => !surfaces.has(key)));
  const forms = new Map(keys.map((key) => [key, mostFrequent(surfaces.get(key) ?? new Map()) ?? words.get(key) ?? key]));
  const casing = casingFor(corpus, [...forms.values()].flatMap((form) => form.split(/[\s\-/]+/)));
  // Defined acronyms keep the capitals of their definition ("AIME", even where "aim" is a word).
  for (const acronym of corpus.acronyms.keys()) {
    if (isStopWord(acronym.toLowerCase())) continue;
    casing.set(acronym.toLowerCase(), acronym);
    casing.set(`${acronym.toLowerCase()}s`, `${acronym}s`);
  }
  const withCase = (form: string) =>
    form
      .split(/([\s\-/]+)/)
      .map((part) => casing.get(part) ?? part)
      .join('');
  return keyLists.map((list) => list.map((key) => withCase(forms.get(key)!)));
}

/** Terms of a centroid used to compare topics: the heaviest, enough to tell topics apart. */
const RELATED_CENTROID_TERMS = 40;

/** The heaviest terms of a centroid, in term order, for a merge-join dot product. */
function topTerms(centroid: Centroid): { terms: number[]; weights: number[] } {
  const entries = [...centroid.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, RELATED_CENTROID_TERMS);
  entries.sort((a, b) => a[0] - b[0]);
  return { terms: entries.map(([term]) => term), weights: entries.map(([, weight]) => weight) };
}

function sparseDot(a: { terms: number[]; weights: number[] }, b: { terms: number[]; weights: number[] }): number {
  let dot = 0;
  for (let i = 0, j = 0; i < a.terms.length && j < b.terms.length; ) {
    if (a.terms[i] === b.terms[j]) dot += a.weights[i++]! * b.weights[j++]!;
    else if (a.terms[i]! < b.terms[j]!) i++;
    else j++;
  }
  return dot;
}

/**
 * Related topics: shared papers (cosine of the member sets) plus half the similarity of the
 * centroids. Up to `limit`, most related first; unrelated topics are left out.
 */
export function relatedTopics(
  members: ReadonlyMap<string, Member[]>,
  centroids: ReadonlyMap<string, Centroid>,
  limit: number,
): Map<string, string[]> {
  const ids = [...members.keys()].sort();
  // Shared papers per pair, counted from each paper's (few) topics: no pass over all pairs of papers.
  const topicsOfPaper = new Map<number, number[]>();
  ids.forEach((id, i) => {
    for (const member of members.get(id)!) appendTo(topicsOfPaper, member.paper, i);
  });
  const shared = new Map<number, number>();
  for (const topics of topicsOfPaper.values()) {
    for (const a of topics) for (const b of topics) if (a !== b) shared.set(a * ids.length + b, (shared.get(a * ids.length + b) ?? 0) + 1);
  }
  const sizes = ids.map((id) => members.get(id)!.length);
  const tops = ids.map((id) => topTerms(centroids.get(id) ?? new Map()));
  const result = new Map<string, string[]>();
  ids.forEach((id, a) => {
    const scored: { id: string; score: number }[] = [];
    ids.forEach((other, b) => {
      if (a === b) return;
      const together = shared.get(a * ids.length + b) ?? 0;
      const similarity = sparseDot(tops[a]!, tops[b]!);
      if (together === 0 && similarity < 0.15) return;
      const sharedScore = sizes[a]! > 0 && sizes[b]! > 0 ? together / Math.sqrt(sizes[a]! * sizes[b]!) : 0;
      scored.push({ id: other, score: sharedScore + 0.5 * similarity });
    });
    scored.sort((x, y) => y.score - x.score || (x.id < y.id ? -1 : 1));
    result.set(id, scored.slice(0, limit).map((entry) => entry.id));
  });
  return result;
}

/**
 * Key terms of a topic, shown on the topic list ("Key terms: rectified flow; classifier-free
 * guidance; FID"): phrases and names characteristic of the topic (frequent among its papers,
 * rare elsewhere), never generic words, the topic's own name words or its acronym.
 */
import type { AnalysedCorpus } from '../text/analysis/corpus.ts';
import { forEachSpan, smallHash } from '../text/analysis/phrases.ts';
import { hasMarkedCase } from '../text/analysis/title-case.ts';
import { CONNECTORS, type Field } from '../text/analysis/units.ts';
import type { Vocabulary } from '../text/analysis/vocabulary.ts';
import { isGenericTerm, isStopWord } from '../text/stopwords.ts';
import type { CandidatePool } from './candidates.ts';
import { collectSpellings } from './describe.ts';
import { isGenericPhrase } from './generic-phrases.ts';
import type { Member } from './membership.ts';

/** Words of web addresses, never in a topic's key term. */
const BOILERPLATE_STEMS: ReadonlySet<string> = new Set(['websit', 'github', 'url', 'http', 'https', 'www', 'com']);
/** Web chrome written as phrases. */
const BOILERPLATE_PHRASES: ReadonlySet<string> = new Set(['project page', 'project websit', 'demo page']);
/** First parts of hyphenated words ("multi-stage", "self-supervised"): not terms on their own. */
const PREFIX_STEMS: ReadonlySet<string> = new Set([
  'multi',
  'self',
  'non',
  'pre',
  'post',
  'co',
  're',
  'sub',
  'semi',
  'cross',
  'inter',
  'intra',
  'single',
  'part',
]);

/** Members read for a topic's key terms: its clearest examples, enough to see what it is about. */
const KEY_TERM_SAMPLE = 30;
/**
 * A key term must be in at least this many of the topic's (sampled) papers: two in a small
 * topic, three in one of `LARGE_TOPIC` papers or more (two of thirty is chance).
 */
const MIN_TERM_PAPERS_SMALL = 2;
const MIN_TERM_PAPERS_LARGE = 3;
const LARGE_TOPIC = 12;
/** A term in more than this share of the corpus ("imitation learning" in a robotics corpus) tells no topic apart. */
const MAX_TERM_CORPUS_SHARE = 0.2;
/** A term must be at least this many times more common inside the topic than outside it… */
const MIN_TERM_LIFT = 2;
/** …and score at least this share of the topic's best term: fewer terms beat filler. */
const MIN_TERM_SCORE_SHARE = 0.35;
/** A phrase containing a picked term replaces it when it scores at least this share of it. */
const LONGER_TERM_SHARE = 0.7;

/** Phrases used mostly before another noun ("few-shot class-incremental" learning, "real-world" tasks) are not terms. */
const MAX_TERM_MODIFIER_SHARE = 0.6;
/**
 * Phrases mostly read as the tail of a longer phrase, their first word ending a known key
 * phrase ("model agents" in "language model agents", "class-incremental learning" in "few-shot
 * class-incremental learning"), are not terms.
 */
const MAX_TERM_EXTENDING_SHARE = 0.5;
/**
 * A phrase no title in the corpus uses, and no acronym stands for, is often an expression
 * ("impressive progress", "agent learns") rather than a term. Unless it has
 * `MIN_UNTITLED_UNITS` words ("interactive tool-use trajectories") it must be in at least
 * `MIN_PAPERS_UNTITLED` of the topic's (sampled) papers and `MIN_SHARE_UNTITLED` of them; it
 * may not be longer than `MAX_UNTITLED_UNITS` words; and it counts for less than an
 * established phrase (`ESTABLISHED_TERM_BONUS`).
 */
const MIN_PAPERS_UNTITLED = 3;
const MIN_SHARE_UNTITLED = 0.15;
const MIN_UNTITLED_UNITS = 3;
const MAX_UNTITLED_UNITS = 3;
const ESTABLISHED_TERM_BONUS = 1.5;
/**
 * A phrase starting with a word nearly every paper uses ("learning policies", "task success
 * rate", "model training" in a machine-learning corpus) describes, it does not name.
 */
const MAX_FIRST_WORD_SHARE = 0.7;
/** A single hyphenated word of this many parts reads as a phrase ("chain-of-thought"). */
const MIN_COMPOUND_STEMS = 3;
/** Adverbs ("effectively fine-tune", "iteratively learn") start verb phrases, not terms. */
const ADVERB_ENDING = /(?:ally|ively|ously|ently|antly|ingly|edly|ately|ibly|ably|ctly|ntly|itly|ckly)$/;

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
 * ("OpenVLA", "GPT-4") frequent among its members and rare elsewhere, by `termScore`, read
 * from a sample of its clearest members (cost grows with the number of topics, not papers).
 * Never a generic phrase, a phrase used mostly as a modifier or as the tail of a longer
 * phrase, one of the topic's own phrases or a phrase containing one, nor a phrase made only of
 * their words. Lone ordinary words are not terms: the ones that cluster by chance in a topic
 * ("rich", "guided", "online") cannot be told from the telling ones. Returned as keys, best
 * first; `keyTermTexts` turns them into text. `countedPapers`: how many papers `pool` counted
 * (fewer than the corpus when topics were chosen on a sample of it).
 */
export function chooseKeyTerms(
  corpus: AnalysedCorpus,
  pool: CandidatePool,
  members: ReadonlyMap<string, Member[]>,
  matchers: ReadonlyMap<string, readonly string[]>,
  limit: number,
  countedPapers = corpus.papers.length,
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
      const established = pool.inSomeTitle(phrase.first) || hasAcronym(phrase);
      if (!established && !isUntitledTerm(phrase, sample.length)) continue;
      const corpusPapers = pool.phrasePapers(phrase.first, phrase.second);
      if (corpusPapers > MAX_TERM_CORPUS_SHARE * countedPapers) continue;
      if (pool.stemPapers[firstContentStem(phrase, corpus.vocabulary)]! > MAX_FIRST_WORD_SHARE * countedPapers) continue;
      const key = phraseKey(corpus, phrase);
      if (!isTermKey(key, ownKeys, ownStems)) continue;
      const score = termScore(phrase.papers / sample.length, list.length, corpusPapers, countedPapers);
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

/** The phrase's first stem that is not a stop word ("context" of "in-context learning"). */
function firstContentStem(phrase: SampledPhrase, vocabulary: Vocabulary): number {
  const { field, start, end } = phrase;
  for (let s = field.stemOffsets[start]!; s < field.stemOffsets[end + 1]!; s++)
    if (!isStopWord(vocabulary.stems[field.stems[s]!]!)) return field.stems[s]!;
  return field.stems[field.stemOffsets[start]!]!;
}

/** The key of a sampled phrase: its stems where first seen. */
function phraseKey(corpus: AnalysedCorpus, phrase: SampledPhrase): string {
  const { field, start, end } = phrase;
  return corpus.vocabulary.key(Array.from(field.stems.subarray(field.stemOffsets[start]!, field.stemOffsets[end + 1]!)));
}

/** Every candidate span of the sample papers, by hash, with the sample papers using it. */
function samplePhrases(
  corpus: AnalysedCorpus,
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

/**
 * May a phrase no title uses be a term? In enough of the topic's papers, or long enough to be
 * no accident; never a clause with a preposition ("suffer from slow inference").
 */
function isUntitledTerm(phrase: SampledPhrase, sampleSize: number): boolean {
  const units = phrase.end - phrase.start + 1;
  if (units > MAX_UNTITLED_UNITS) return false;
  for (let i = phrase.start; i <= phrase.end; i++) if (phrase.field.isStop(i)) return false;
  return phrase.papers >= Math.max(MIN_PAPERS_UNTITLED, MIN_SHARE_UNTITLED * sampleSize) || units >= MIN_UNTITLED_UNITS;
}

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
      if (
        choice.score >= LONGER_TERM_SHARE * picked[inner]!.score &&
        !picked.some((other, i) => i !== inner && contains(choice.key, other.key))
      )
        picked[inner] = choice;
      continue;
    }
    if (picked.length < limit) picked.push(choice);
  }
  return picked.map((choice) => choice.key);
}

/**
 * Text for key-term keys: each phrase as the corpus most often writes it (an acronym if that
 * is how it is mostly written: "RLHF"; with the corpus's capitals: "LLMs", "GPT-4").
 */
export function keyTermTexts(corpus: AnalysedCorpus, keyLists: readonly (readonly string[])[]): string[][] {
  const spellings = collectSpellings(corpus, keyLists.flat(), true);
  return keyLists.map((list) => list.map((key) => spellings.best(key) ?? key));
}

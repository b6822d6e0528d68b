/**
 * Reads each paper once into the shape topic discovery needs: title and abstract as streams of
 * words with stems, where phrases may not cross (punctuation), and which words are glued into
 * hyphenated compounds. Acronyms defined in parentheses are found here too (see acronyms.ts).
 */
import type { PaperText } from '../types.ts';
import { tokenize } from '../text/tokenize.ts';
import { stem } from '../text/stem.ts';
import { isGenericTerm, isStopWord } from '../text/stopwords.ts';
import { findAcronymDefinitions, type AcronymDefinition } from './acronyms.ts';
import { Vocabulary } from './units.ts';

export interface Word extends LexicalEntry {
  /** As written (NFKC, apostrophes removed). */
  surface: string;
  /** Offsets in the field's normalised text. */
  start: number;
  end: number;
  lower: string;
  /** Glued to the previous word by a hyphen: part of the same compound ("few-shot"). */
  hyphenated: boolean;
  /** Punctuation (or the start of the field) lies before this word: no phrase crosses it. */
  breakBefore: boolean;
  /** First word of a sentence (its capital says nothing about the word). */
  sentenceStart: boolean;
}

export interface AnalysedPaper {
  id: string;
  /** Position in the id-sorted corpus. */
  index: number;
  title: Word[];
  abstract: Word[];
  /** The normalised texts the word offsets index. */
  titleText: string;
  abstractText: string;
  /** Content terms (stem ids) for similarity; title terms count twice. */
  terms: number[];
  /** Acronyms this paper defines itself, by acronym without plural "s". */
  definitions: AcronymDefinition[];
}

const HYPHENS = /^[-‐‑‒–]$/u;
const POSSESSIVE_REST = /^['’][sS]$/;
const SENTENCE_END = /[.!?:;]\s*$/;
const PURE_NUMBER = /^\p{N}+$/u;

const URL = /\b(?:https?:\/\/|www\.)[^\s)\]]+|\b[\w.-]+\.(?:com|org|io|net|ai)\/[^\s)\]]*/giu;

const MAYBE_URL = /:\/\/|www\.|\.(?:com|org|io|net|ai)\//i;

/** Web addresses are not words ("https", "github", "com" would become terms): a clause break instead. */
export function withoutUrls(text: string): string {
  return MAYBE_URL.test(text) ? text.replace(URL, ' ; ') : text;
}

/** What topic discovery needs to know about a lowercase word, worked out once per corpus. */
export interface LexicalEntry {
  stem: string;
  /** The stem's id in the corpus vocabulary. */
  stemId: number;
  stop: boolean;
  /** A generic academic word ("novel", "results"), by stem. */
  generic: boolean;
  /** A number or a single letter. */
  minor: boolean;
  /** Worth keeping as a term for similarity. */
  content: boolean;
}

const MINOR_WORD = /^(?:\p{N}+|\p{L})$/u;

/**
 * Stemming and word tests dominate the cost of reading text, and a corpus repeats its words:
 * each distinct lowercase word is looked at once.
 */
export class Lexicon {
  private readonly entries = new Map<string, LexicalEntry>();
  readonly vocabulary: Vocabulary;

  constructor(vocabulary: Vocabulary = new Vocabulary()) {
    this.vocabulary = vocabulary;
  }

  entry(lower: string): LexicalEntry {
    let entry = this.entries.get(lower);
    if (entry === undefined) {
      const stemmed = stem(lower);
      const stop = isStopWord(lower);
      const generic = isGenericTerm(stemmed);
      const minor = MINOR_WORD.test(lower);
      entry = {
        stem: stemmed,
        stemId: this.vocabulary.id(stemmed),
        stop,
        generic,
        minor,
        content: !stop && !generic && lower.length > 1 && !PURE_NUMBER.test(lower),
      };
      this.entries.set(lower, entry);
    }
    return entry;
  }
}

/** Words of one field, with the punctuation between tokens turned into flags. */
export function readWords(text: string, lexicon: Lexicon): { words: Word[]; gaps: string[]; text: string } {
  const normalized = text.normalize('NFKC');
  const tokens = tokenize(normalized);
  const words: Word[] = [];
  const gaps: string[] = [];
  let previousEnd = 0;
  tokens.forEach((token, i) => {
    const gap = normalized.slice(previousEnd, token.start);
    gaps.push(gap);
    // Most gaps are one space: no break, no hyphen, no sentence end.
    const plain = gap === ' ';
    const hyphenated = !plain && i > 0 && HYPHENS.test(gap);
    const trimmed = plain ? '' : gap.trim();
    const entry = lexicon.entry(token.lower);
    words.push({
      surface: token.text,
      start: token.start,
      end: token.end,
      lower: token.lower,
      stem: entry.stem,
      stemId: entry.stemId,
      stop: entry.stop,
      generic: entry.generic,
      minor: entry.minor,
      content: entry.content,
      hyphenated,
      breakBefore: i === 0 || !(trimmed === '' || hyphenated || POSSESSIVE_REST.test(trimmed)),
      sentenceStart: i === 0 || (!plain && SENTENCE_END.test(gap)),
    });
    previousEnd = token.end;
  });
  gaps.push(normalized.slice(previousEnd));
  return { words, gaps, text: normalized };
}

function contentTerms(words: readonly Word[]): number[] {
  return words.filter((word) => word.content).map((word) => word.stemId);
}

/**
 * Reads one paper. Parenthesised acronym definitions ("Vision-Language-Action (VLA) models")
 * are recorded and removed from the abstract, so the phrase around them reads on unbroken.
 */
export function analysePaper(paper: PaperText, index: number, lexicon: Lexicon): AnalysedPaper {
  const title = readWords(withoutUrls(paper.title), lexicon);
  const abstract = readWords(withoutUrls(paper.abstract ?? ''), lexicon);
  const titleDefinitions = findAcronymDefinitions(title.words, title.gaps);
  const abstractDefinitions = findAcronymDefinitions(abstract.words, abstract.gaps);
  const titleWords = removeDefinitionSites(title.words, title.gaps, titleDefinitions);
  const abstractWords = removeDefinitionSites(abstract.words, abstract.gaps, abstractDefinitions);
  const titleTerms = contentTerms(titleWords);
  return {
    id: paper.id,
    index,
    title: titleWords,
    abstract: abstractWords,
    titleText: title.text,
    abstractText: abstract.text,
    terms: [...titleTerms, ...titleTerms, ...contentTerms(abstractWords)],
    definitions: [...titleDefinitions, ...abstractDefinitions],
  };
}

/** Drops "(ACR)" after its long form; the next word continues the phrase if only ")" and spaces follow. */
function removeDefinitionSites(words: Word[], gaps: readonly string[], definitions: readonly AcronymDefinition[]): Word[] {
  if (definitions.length === 0) return words;
  const sites = new Set(definitions.map((definition) => definition.position));
  const kept: Word[] = [];
  words.forEach((word, i) => {
    if (sites.has(i)) return;
    if (sites.has(i - 1)) {
      const after = gaps[i]!.replace(/^\s*\)/, '');
      kept.push({ ...word, breakBefore: after.trim() !== '', hyphenated: false, sentenceStart: SENTENCE_END.test(after) });
    } else {
      kept.push(word);
    }
  });
  return kept;
}

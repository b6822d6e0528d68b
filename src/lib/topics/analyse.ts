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

export interface Word {
  /** As written (NFKC, apostrophes removed). */
  surface: string;
  lower: string;
  stem: string;
  stop: boolean;
  /** Glued to the previous word by a hyphen: part of the same compound ("few-shot"). */
  hyphenated: boolean;
  /** Punctuation (or the start of the field) lies before this word: no phrase crosses it. */
  breakBefore: boolean;
  /** First word of a sentence (its capital says nothing about the word). */
  sentenceStart: boolean;
  /** Set when the word is a defined acronym: the stems of its long form. */
  expansion?: readonly string[];
}

export interface AnalysedPaper {
  id: string;
  /** Position in the id-sorted corpus. */
  index: number;
  title: Word[];
  abstract: Word[];
  /** Content terms (stems) for similarity; title terms count twice. */
  terms: string[];
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

/** Stemming dominates the cost of reading text; a corpus repeats its words, so memoise. */
export class StemCache {
  private readonly cache = new Map<string, string>();
  get(lower: string): string {
    let stemmed = this.cache.get(lower);
    if (stemmed === undefined) {
      stemmed = stem(lower);
      this.cache.set(lower, stemmed);
    }
    return stemmed;
  }
}

/** Words of one field, with the punctuation between tokens turned into flags. */
export function readWords(text: string, stems: StemCache): { words: Word[]; gaps: string[] } {
  const normalized = text.normalize('NFKC');
  const tokens = tokenize(normalized);
  const words: Word[] = [];
  const gaps: string[] = [];
  let previousEnd = 0;
  tokens.forEach((token, i) => {
    const gap = normalized.slice(previousEnd, token.start);
    const trimmed = gap.trim();
    gaps.push(gap);
    words.push({
      surface: token.text,
      lower: token.lower,
      stem: stems.get(token.lower),
      stop: isStopWord(token.lower),
      hyphenated: i > 0 && HYPHENS.test(gap),
      breakBefore: i === 0 || !(trimmed === '' || HYPHENS.test(gap) || POSSESSIVE_REST.test(trimmed)),
      sentenceStart: i === 0 || SENTENCE_END.test(gap),
    });
    previousEnd = token.end;
  });
  gaps.push(normalized.slice(previousEnd));
  return { words, gaps };
}

/** Is this stemmed word a content term for similarity? */
export function isContentTerm(word: Word): boolean {
  return !word.stop && word.lower.length > 1 && !PURE_NUMBER.test(word.lower) && !isGenericTerm(word.stem);
}

function contentTerms(words: readonly Word[]): string[] {
  return words.filter(isContentTerm).map((word) => word.stem);
}

/**
 * Reads one paper. Parenthesised acronym definitions ("Vision-Language-Action (VLA) models")
 * are recorded and removed from the abstract, so the phrase around them reads on unbroken.
 */
export function analysePaper(paper: PaperText, index: number, stems: StemCache): AnalysedPaper {
  const title = readWords(withoutUrls(paper.title), stems);
  const abstract = readWords(withoutUrls(paper.abstract ?? ''), stems);
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

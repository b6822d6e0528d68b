/**
 * Words of a text as the analysis reads them: tokens with their stems and word classes, and
 * the punctuation between them turned into flags (where phrases may not cross, which words
 * are glued into hyphenated compounds, where sentences start).
 */
import { isContentWord, tokenizeNormalized } from '../tokenize.ts';
import { stem } from '../stem.ts';
import { isGenericTerm, isStopWord } from '../stopwords.ts';
import { compoundParts } from './compounds.ts';
import { Vocabulary } from './vocabulary.ts';

export interface Word {
  /** What the analysis knows about the lowercase word (shared by every occurrence). */
  entry: LexicalEntry;
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

const HYPHENS = /^[-‐‑‒–]$/u;
const POSSESSIVE_REST = /^['’][sS]$/;
export const SENTENCE_END = /[.!?:;]\s*$/;

const WEB_ADDRESS = /\b(?:https?:\/\/|www\.)[^\s)\]]+|\b[\w.-]+\.(?:com|org|io|net|ai)\/[^\s)\]]*/giu;

const MAYBE_URL = /:\/\/|www\.|\.(?:com|org|io|net|ai)\//i;

const MAYBE_URLS = new RegExp(MAYBE_URL.source, 'gi');
const SPACE = /\s/;

/**
 * Web addresses are not words ("https", "github", "com" would become terms): a clause break instead.
 * An address holds no space and one of `MAYBE_URL`'s hints, so `WEB_ADDRESS` runs only on the
 * stretches between spaces that hold a hint, not over the whole abstract.
 */
export function withoutUrls(text: string): string {
  if (!MAYBE_URL.test(text)) return text;
  let result = '';
  let done = 0;
  for (const hint of text.matchAll(MAYBE_URLS)) {
    if (hint.index < done) continue;
    let start = hint.index;
    while (start > done && !SPACE.test(text[start - 1]!)) start--;
    let end = hint.index + hint[0].length;
    while (end < text.length && !SPACE.test(text[end]!)) end++;
    result += text.slice(done, start) + text.slice(start, end).replace(WEB_ADDRESS, ' ; ');
    done = end;
  }
  return result + text.slice(done);
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
  private readonly compounds = new Map<string, LexicalEntry[] | null>();
  /** By stem id: 1 when some content word has this stem. */
  private readonly contentStems: number[] = [];
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
        content: !generic && isContentWord(lower),
      };
      if (entry.content) this.contentStems[entry.stemId] = 1;
      this.entries.set(lower, entry);
    }
    return entry;
  }

  /** The entries of a compound name's parts ("OpenVLA": open, vla), or null for other words. */
  compound(surface: string): LexicalEntry[] | null {
    let parts = this.compounds.get(surface);
    if (parts === undefined) {
      const written = compoundParts(surface);
      parts = written.length > 0 ? written.map((part) => this.entry(part.toLowerCase())) : null;
      this.compounds.set(surface, parts);
    }
    return parts;
  }

  /** Content stems (stems of words that are neither stop words, generic words nor numbers), as a flag per stem id. */
  contentStemFlags(): Uint8Array {
    const flags = new Uint8Array(this.vocabulary.size);
    this.contentStems.forEach((flag, id) => (flags[id] = flag));
    return flags;
  }
}

/** Words of one field, with the punctuation between tokens turned into flags. */
export function readWords(text: string, lexicon: Lexicon): { words: Word[]; gaps: string[]; text: string } {
  const normalized = text.normalize('NFKC');
  const tokens = tokenizeNormalized(normalized);
  const words: Word[] = [];
  const gaps: string[] = [];
  let previousEnd = 0;
  tokens.forEach((token, i) => {
    // Most gaps are one space: no need to cut a string for them.
    const gap =
      token.start === previousEnd + 1 && normalized.charCodeAt(previousEnd) === 32 ? ' ' : normalized.slice(previousEnd, token.start);
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
      entry,
      hyphenated,
      breakBefore: i === 0 || !(trimmed === '' || hyphenated || POSSESSIVE_REST.test(trimmed)),
      sentenceStart: i === 0 || (!plain && SENTENCE_END.test(gap)),
    });
    previousEnd = token.end;
  });
  gaps.push(normalized.slice(previousEnd));
  return { words, gaps, text: normalized };
}

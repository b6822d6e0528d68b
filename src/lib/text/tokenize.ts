/**
 * Words and terms of a text.
 *
 * - A word is a maximal run of Unicode letters and digits (combining marks stay inside).
 *   Hyphens, slashes and every other symbol split words, so "vision-language-action" and
 *   "vision language action" give the same tokens.
 * - Apostrophes inside a word: the possessive "'s" is dropped ("robot's" → "robot");
 *   any other apostrophe is removed and the parts joined ("don't" → "dont", "O'Neil" → "ONeil").
 * - Han, Hiragana and Katakana have no spaces between words, so each character is a token
 *   of its own (the usual unigram fallback of search engines).
 * - Text is NFKC-normalised first (ligatures, full-width letters, "①"). Offsets (`start`,
 *   `end`) index into that normalised text, which equals the input for plain text.
 */
import { stem } from './stem.ts';
import { isStopWord } from './stopwords.ts';

export interface Token {
  /** The word as written (after NFKC), without apostrophes. */
  text: string;
  lower: string;
  start: number;
  end: number;
}

// A word: letters/digits/marks, optionally an apostrophe followed by more of them.
const WORD_PATTERN = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:['’][\p{L}\p{N}][\p{L}\p{N}\p{M}]*)*/gu;
const IDEOGRAPHIC = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const APOSTROPHES = /['’]/g;
const POSSESSIVE = /['’][sS]$/;
const PURE_NUMBER = /^\p{N}+$/u;

function hasApostrophe(raw: string): boolean {
  return raw.includes("'") || raw.includes('’');
}

function makeToken(raw: string, start: number): Token {
  const text = hasApostrophe(raw) ? raw.replace(APOSTROPHES, '') : raw;
  return { text, lower: text.toLowerCase(), start, end: start + raw.length };
}

/** Splits a run of letters into ideographic single characters and the other stretches. */
function splitIdeographs(raw: string, start: number, out: Token[]): void {
  let pending = '';
  let pendingStart = start;
  let offset = start;
  for (const char of raw) {
    if (IDEOGRAPHIC.test(char)) {
      if (pending) out.push(makeToken(pending, pendingStart));
      pending = '';
      out.push(makeToken(char, offset));
    } else {
      if (!pending) pendingStart = offset;
      pending += char;
    }
    offset += char.length;
  }
  if (pending) out.push(makeToken(pending, pendingStart));
}

export function tokenize(text: string): Token[] {
  return tokenizeNormalized(text.normalize('NFKC'));
}

/** `tokenize` for text already NFKC-normalised (the offsets index it). */
export function tokenizeNormalized(normalized: string): Token[] {
  const tokens: Token[] = [];
  // Most texts have no ideographs: test the text once rather than every word.
  const ideographs = IDEOGRAPHIC.test(normalized);
  for (const match of normalized.matchAll(WORD_PATTERN)) {
    const raw = hasApostrophe(match[0]) ? match[0].replace(POSSESSIVE, '') : match[0];
    if (ideographs && IDEOGRAPHIC.test(raw)) splitIdeographs(raw, match.index, tokens);
    else tokens.push(makeToken(raw, match.index));
  }
  return tokens;
}

/**
 * Is this lowercase word worth keeping as a term (before stemming)? Not a stop word, not a pure
 * number, not a single character unless an ideograph (a whole word in itself).
 */
export function isContentWord(lower: string): boolean {
  if (PURE_NUMBER.test(lower)) return false;
  if ([...lower].length < 2 && !IDEOGRAPHIC.test(lower)) return false;
  return !isStopWord(lower);
}

/**
 * A canonical form of a phrase, so surface variants compare equal:
 * "Vision-Language-Action models" and "vision language action model" → "vision languag action model".
 * Stop words are kept ("learning from demonstrations" ≠ "learning demonstrations").
 */
export function normalizePhrase(text: string): string {
  return tokenize(text)
    .map((token) => stem(token.lower))
    .join(' ');
}

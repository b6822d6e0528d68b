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

// A word is what /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:['’][\p{L}\p{N}][\p{L}\p{N}\p{M}]*)*/gu matches:
// letters/digits/marks, optionally an apostrophe followed by more of them. `forEachWord` scans
// for it by hand (every title and abstract is tokenised, some twice; a regex match costs an
// array per word), classifying ASCII inline and other characters once each with these.
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const MARK = /^\p{M}$/u;
const IDEOGRAPHIC = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const APOSTROPHES = /['’]/g;
const POSSESSIVE = /['’][sS]$/;
const PURE_NUMBER = /^\p{N}+$/u;

/** A character's class for words: none, a letter or digit (may start a word), a combining mark (may only continue one). */
const NONE = 0;
const STARTS = 1;
const CONTINUES = 2;
const UNKNOWN = 255;
/** Classes of the Basic Multilingual Plane, found as characters are met; the rest in a map. */
const bmpClasses = new Uint8Array(0x10000).fill(UNKNOWN);
const astralClasses = new Map<number, number>();

function wordClass(code: number): number {
  const known = code < 0x10000 ? bmpClasses[code]! : (astralClasses.get(code) ?? UNKNOWN);
  if (known !== UNKNOWN) return known;
  const char = String.fromCodePoint(code);
  const found = LETTER_OR_DIGIT.test(char) ? STARTS : MARK.test(char) ? CONTINUES : NONE;
  if (code < 0x10000) bmpClasses[code] = found;
  else astralClasses.set(code, found);
  return found;
}

const APOSTROPHE = 39;
const RIGHT_QUOTE = 0x2019;
const width = (code: number) => (code > 0xffff ? 2 : 1);

/** The code point at `at`: a UTF-16 unit, or a surrogate pair read as one. */
function codePointAt(text: string, at: number): number {
  const unit = text.charCodeAt(at);
  return unit >= 0xd800 && unit <= 0xdbff ? text.codePointAt(at)! : unit;
}

/** Calls `visit` with the bounds of each word of `text`, in order, and whether it holds an apostrophe. */
function forEachWord(text: string, visit: (start: number, end: number, apostrophe: boolean) => void): void {
  const length = text.length;
  let at = 0;
  while (at < length) {
    const code = codePointAt(text, at);
    if (wordClass(code) !== STARTS) {
      at += width(code);
      continue;
    }
    const start = at;
    at += width(code);
    let apostrophe = false;
    for (;;) {
      while (at < length) {
        const next = codePointAt(text, at);
        if (wordClass(next) === NONE) break;
        at += width(next);
      }
      const quote = text.charCodeAt(at);
      if ((quote === APOSTROPHE || quote === RIGHT_QUOTE) && at + 1 < length) {
        const next = codePointAt(text, at + 1);
        if (wordClass(next) === STARTS) {
          apostrophe = true;
          at += 1 + width(next);
          continue;
        }
      }
      break;
    }
    visit(start, at, apostrophe);
  }
}

function hasApostrophe(raw: string): boolean {
  return raw.includes("'") || raw.includes('’');
}

function makeToken(raw: string, start: number, mayHaveApostrophe = true): Token {
  const text = mayHaveApostrophe && hasApostrophe(raw) ? raw.replace(APOSTROPHES, '') : raw;
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
  forEachWord(normalized, (start, end, apostrophe) => {
    const word = normalized.slice(start, end);
    const raw = apostrophe ? word.replace(POSSESSIVE, '') : word;
    if (ideographs && IDEOGRAPHIC.test(raw)) splitIdeographs(raw, start, tokens);
    else tokens.push(makeToken(raw, start, apostrophe));
  });
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

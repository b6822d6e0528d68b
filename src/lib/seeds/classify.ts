/**
 * Tells a title line from an abstract line. Listings alternate the two, but copies drop
 * abstracts, so the parser must recognise each line on its own to keep the pairing right.
 */

export type LineKind = 'title' | 'abstract';

/** Longest title seen in practice is ~200 characters; abstracts run 600 to 2,000. */
const ABSTRACT_MIN_CHARS = 300;
const ABSTRACT_MIN_WORDS = 40;
/**
 * A sentence boundary: full stop or exclamation, space, then a capital or digit. Question
 * marks do not count: titles ask questions ("What is Essential? What is needed?").
 */
const SENTENCE_BREAK = /[.!]["')\]]?\s+["'([]?[\p{Lu}\d]/gu;

export function classifyLine(line: string): LineKind {
  const words = line.split(/\s+/).filter(Boolean).length;
  if (line.length >= ABSTRACT_MIN_CHARS || words >= ABSTRACT_MIN_WORDS) return 'abstract';
  const sentenceBreaks = line.match(SENTENCE_BREAK)?.length ?? 0;
  // Short abstracts (a truncated copy, a terse field) still read as running prose.
  if (sentenceBreaks >= 2 && words >= 12) return 'abstract';
  if (words >= 20 && /[.!]$/.test(line)) return 'abstract';
  return 'title';
}

/** Could this line be a title after all? Long titles exist; long abstracts are the rule. */
export function couldBeTitle(line: string): boolean {
  return line.length < ABSTRACT_MIN_CHARS;
}

/**
 * A terse copy's abstract: one sentence of six words or more, ended by a full stop or an
 * exclamation mark, which titles almost never end with. Read so only where a listing gives no
 * pair otherwise and has day lines (src/lib/seeds/parse.ts): notes and READMEs are full of such
 * lines too.
 */
export function classifyTerseLine(line: string): LineKind {
  if (classifyLine(line) === 'abstract') return 'abstract';
  return /[.!]["')\]]?$/.test(line) && line.split(/\s+/).filter(Boolean).length >= 6 ? 'abstract' : 'title';
}

/**
 * Title case the way a researcher writes a heading (topic names, curator names): "Reinforcement Learning
 * from Human Feedback", "In-Context Learning", "Vision-Language-Action Models", "LLMs".
 */

/** Words that stay lowercase inside a title-cased name (never as its first word). */
const SMALL_WORDS: ReadonlySet<string> = new Set([
  'a',
  'an',
  'and',
  'as',
  'at',
  'but',
  'by',
  'for',
  'from',
  'in',
  'into',
  'nor',
  'of',
  'on',
  'or',
  'over',
  'per',
  'the',
  'to',
  'via',
  'vs',
  'with',
  'without',
]);

/** True for words written with capitals a title-caser must keep: "LLMs", "ChatGPT", "GPT", "iPhone". */
export function hasMarkedCase(word: string): boolean {
  const letters = word.replace(/[^\p{L}]/gu, '');
  if (letters.length < 2) return false;
  return /\p{Lu}/u.test(letters.slice(1)) || (letters !== letters.toLowerCase() && letters === letters.toUpperCase());
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/**
 * Title-cases a phrase. `casing` maps a lowercase word to the form to keep when the corpus
 * writes it with marked case (acronyms, camel case); other words are capitalised, except
 * small words after the first.
 */
export function titleCase(phrase: string, casing: ReadonlyMap<string, string> = new Map()): string {
  const parts = phrase.trim().split(/([\s\-/]+)/);
  let seenWord = false;
  return parts
    .map((part) => {
      if (/^[\s\-/]*$/.test(part)) return /\s/.test(part) ? ' ' : part;
      const isFirst = !seenWord;
      seenWord = true;
      const lower = part.toLowerCase();
      const kept = casing.get(lower);
      if (kept !== undefined) return kept;
      // "3D", "GPT-4o": capitals next to digits are written so on purpose.
      if (hasMarkedCase(part) || (/\d/.test(part) && /\p{Lu}/u.test(part))) return part;
      if (!isFirst && SMALL_WORDS.has(lower)) return lower;
      return capitalise(lower);
    })
    .join('');
}

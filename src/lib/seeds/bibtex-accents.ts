/**
 * The TeX that reference managers put in names and titles, almost all of it: accents
 * (`{\"o}`, `\'{e}`, `{\H{o}}`, `{\'\i}`), foreign letters (`{\o}`, `{\L}`, `{\ss}`) and escaped
 * specials (`\&`, `\%`). src/lib/seeds/bibtex.ts turns these into Unicode here and hands anything
 * else to @retorquere/bibtex-parser's TeX converter, whose PEG parser costs about 0.35 s to warm
 * up and 50 µs a value. tests/unit/seed-formats.test.ts checks that both give the same text.
 */

/** Accent commands and the combining mark each puts on its letter. */
const ACCENTS = new Map([
  ['`', '\u0300'],
  ["'", '\u0301'],
  ['^', '\u0302'],
  ['~', '\u0303'],
  ['=', '\u0304'],
  ['.', '\u0307'],
  ['"', '\u0308'],
  ['H', '\u030B'],
  ['c', '\u0327'],
  ['v', '\u030C'],
  ['u', '\u0306'],
  ['k', '\u0328'],
  ['r', '\u030A'],
  ['d', '\u0323'],
]);

/** Letters that are commands of their own. */
const LETTERS = new Map([
  ['o', 'ø'],
  ['O', 'Ø'],
  ['l', 'ł'],
  ['L', 'Ł'],
  ['ss', 'ß'],
  ['aa', 'å'],
  ['AA', 'Å'],
  ['ae', 'æ'],
  ['AE', 'Æ'],
  ['oe', 'œ'],
  ['OE', 'Œ'],
  ['i', 'ı'],
  ['j', 'ȷ'],
]);

/** Specials a backslash makes literal. */
const ESCAPED = new Set(['&', '%', '$', '#', '_']);
/** A special that is not escaped: math, a comment, an alignment tab… */
const BARE_SPECIAL = /[$%^_&#]/;

const isLetter = (c: string | undefined) => c !== undefined && /^[a-zA-Z]$/.test(c);

/** The command at `at` (a backslash): its name and where it ends; a control word also takes the spaces after it, as TeX does. */
function command(text: string, at: number, takeSpaces = true): { name: string; end: number; word: boolean } {
  let end = at + 1;
  if (!isLetter(text[end])) return { name: text[end] ?? '', end: end + 1, word: false };
  while (isLetter(text[end])) end++;
  const name = text.slice(at + 1, end);
  while (takeSpaces && text[end] === ' ') end++;
  return { name, end, word: true };
}

/** The letter an accent goes on, at `at`: `o`, `{o}`, `\i` or `{\i}`; null for anything else. */
function accentedLetter(text: string, at: number): { letter: string; end: number } | null {
  const braced = text[at] === '{';
  let i = braced ? at + 1 : at;
  let letter: string;
  if (text[i] === '\\') {
    const { name, end } = command(text, i, false); // the converter keeps a space after an accented `\i`
    if (name !== 'i' && name !== 'j') return null;
    letter = LETTERS.get(name)!;
    i = end;
  } else if (isLetter(text[i])) {
    letter = text[i];
    i++;
  } else {
    return null;
  }
  if (braced) {
    if (text[i] !== '}') return null;
    i++;
  }
  return { letter, end: i };
}

/** The Unicode of the command at `at` and where it ends, or null for a command not handled here. */
function convert(text: string, at: number): { value: string; end: number } | null {
  const { name, end, word } = command(text, at);
  if (!word && ESCAPED.has(name)) return { value: name, end };
  const letter = LETTERS.get(name);
  if (letter !== undefined) return { value: letter, end };
  const mark = ACCENTS.get(name);
  // A control symbol (`\"`) takes the next letter; a control word (`\H`) a braced one, or one after a space.
  if (mark === undefined || (word && end === at + 1 + name.length && text[end] !== '{')) return null;
  const accented = accentedLetter(text, end);
  return accented && { value: accented.letter + mark, end: accented.end };
}

/**
 * `text` with its accents, letter commands and escaped specials in Unicode (braces are left to the
 * caller, but for those around a single accented letter, which BibTeX reads as that letter); null
 * when it holds any other TeX (another command, math, a bare special).
 */
export function simpleTexToUnicode(text: string): string | null {
  let out = '';
  let from = 0;
  for (let at = text.indexOf('\\'); at !== -1; at = text.indexOf('\\', from)) {
    const before = text.slice(from, at);
    const converted = convert(text, at);
    if (converted === null || BARE_SPECIAL.test(before)) return null;
    // `{\"o}`: a "special character", read as its letter (also for its case, in names).
    if (before.endsWith('{') && text[converted.end] === '}') {
      out += before.slice(0, -1) + converted.value;
      from = converted.end + 1;
    } else {
      out += before + converted.value;
      from = converted.end;
    }
  }
  const rest = text.slice(from);
  return BARE_SPECIAL.test(rest) ? null : out + rest;
}

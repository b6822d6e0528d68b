/**
 * BibTeX's name rules for an `author` field that holds no TeX commands (the common case, which
 * src/lib/seeds/bibtex.ts reads without the full TeX parser): names are separated by `and` at
 * brace depth 0, and each is `First von Last`, `von Last, First` or `von Last, Jr, First`, where
 * the von part is the lower-case words before the last name. A braced name (`{Google DeepMind}`)
 * is one name, never split. The result matches @retorquere/bibtex-parser's for such fields
 * (tests/unit/seed-formats.test.ts compares them).
 */

/** Splits at separators outside braces; `separatorAt` gives the length of the separator starting at an offset, or 0. */
function splitTopLevel(text: string, separatorAt: (text: string, at: number) => number): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '{') depth++;
    else if (c === '}') depth = Math.max(0, depth - 1);
    else if (depth === 0) {
      const length = separatorAt(text, i);
      if (length > 0) {
        parts.push(text.slice(start, i));
        start = i + length;
        i = start - 1;
      }
    }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim());
}

/** Is the character at `at` white space (`\s`)? Checked by code first: this runs once a character. */
function isSpaceAt(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  if (code === 0x20) return true;
  if (code < 0x80) return code >= 0x09 && code <= 0x0d;
  return /\s/.test(text[at]);
}

/** ` and ` (any case, any white space around it) between names. */
const andSeparator = (text: string, at: number) => (isSpaceAt(text, at) ? (/^\s+and\s/i.exec(text.slice(at, at + 6))?.[0].length ?? 0) : 0);
const commaSeparator = (text: string, at: number) => (text[at] === ',' ? 1 : 0);
const spaceSeparator = (text: string, at: number) => {
  let end = at;
  while (end < text.length && isSpaceAt(text, end)) end++;
  return end - at;
};

const unbrace = (text: string) => text.replace(/[{}]/g, '').replace(/~/g, ' ');
/** A von-part word starts with a lower-case letter outside braces. */
const isLower = (word: string) => /^[\p{Ll}]/u.test(word);

interface Name {
  first: string[];
  von: string[];
  last: string[];
  jr: string[];
}

function parseName(text: string): Name | { literal: string } {
  if (/^\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}$/.test(text)) return { literal: unbrace(text) };
  const parts = splitTopLevel(text, commaSeparator);
  const words = (part: string) => splitTopLevel(part, spaceSeparator).filter(Boolean);
  if (parts.length === 1) {
    const all = words(parts[0]);
    const last = all.length - 1;
    const firstLower = all.findIndex((w, i) => i < last && isLower(w));
    if (firstLower === -1) return { first: all.slice(0, last), von: [], last: all.slice(last), jr: [] };
    let lastLower = firstLower;
    for (let i = firstLower; i < last; i++) if (isLower(all[i])) lastLower = i;
    return { first: all.slice(0, firstLower), von: all.slice(firstLower, lastLower + 1), last: all.slice(lastLower + 1), jr: [] };
  }
  const head = words(parts[0]);
  let vonEnd = 0;
  for (let i = 0; i < head.length - 1; i++) if (isLower(head[i])) vonEnd = i + 1;
  const [jr, first] = parts.length === 2 ? ['', parts[1]] : [parts[1], parts.slice(2).join(', ')];
  return { first: words(first), von: head.slice(0, vonEnd), last: head.slice(vonEnd), jr: words(jr) };
}

/** A name as written when it holds TeX (for the TeX converter), else its display form. */
export type AuthorName = { name: string } | { tex: string };

export interface AuthorNames {
  names: AuthorName[];
  /** The list ends in "and others". */
  more: boolean;
}

/**
 * The names of an author field, in order, and whether it ends in "and others": display names
 * ("First von Last Jr") for plain names, the written form of names that hold TeX.
 */
export function bibtexNames(field: string): AuthorNames {
  const names: AuthorName[] = [];
  let more = false;
  for (const text of splitTopLevel(field.replace(/\s+/g, ' '), andSeparator)) {
    if (text === '') continue;
    if (text.toLowerCase() === 'others') {
      more = true;
      continue;
    }
    if (/[\\$%^_&#]/.test(text)) {
      names.push({ tex: text });
      continue;
    }
    const name = parseName(text);
    const display = 'literal' in name ? name.literal : [...name.first, ...name.von, ...name.last, ...name.jr].map(unbrace).join(' ');
    if (display.trim()) names.push({ name: display.trim() });
  }
  return { names, more };
}

/**
 * The pipeline's hot text functions skip work with hand-written scans and pre-tests (issue 12).
 * Each must give exactly what the plain regex it stands for gives: these tests hold each one
 * against that regex (written out here) on the edge cases and on generated strings.
 */
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/lib/text/tokenize.ts';
import { excerpt } from '../../src/lib/text/render-abstract.ts';
import { withoutUrls } from '../../src/lib/text/analysis/words.ts';
import { mayContainLatex } from '../../src/lib/text/latex.ts';

const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:['’][\p{L}\p{N}][\p{L}\p{N}\p{M}]*)*/gu;
const WEB_ADDRESS = /\b(?:https?:\/\/|www\.)[^\s)\]]+|\b[\w.-]+\.(?:com|org|io|net|ai)\/[^\s)\]]*/giu;
const MAYBE_URL = /:\/\/|www\.|\.(?:com|org|io|net|ai)\//i;
const LATEX_HINT = /[\\$_^~`]|--|''|\d\s?times|math|bold|leq|geq|neq|dots|=/;

/** Where the words the regex finds start. */
const regexWords = (text: string) => [...text.normalize('NFKC').matchAll(WORD)].map((match) => match.index);

function excerptByRegex(plain: string, maxChars = 240): string {
  const text = plain.replace(/\s+/g, ' ').trim();
  const characters = [...text];
  if (characters.length <= maxChars) return text;
  const room = characters.slice(0, Math.max(0, maxChars - 1)).join('');
  const lastSpace = room.lastIndexOf(' ');
  const cut = lastSpace > 0 ? room.slice(0, lastSpace) : room;
  return `${cut.replace(/[\s,;:.\-–—(]+$/u, '')}…`;
}

/** Deterministic strings built from `pieces`. */
function generated(pieces: readonly string[], count: number, maxPieces: number): string[] {
  let seed = 12345;
  const next = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  return Array.from({ length: count }, () => {
    let text = '';
    const length = Math.floor(next() * maxPieces);
    for (let i = 0; i < length; i++) text += pieces[Math.floor(next() * pieces.length)];
    return text;
  });
}

describe('word scanner', () => {
  // No ideographs: tokenize splits those into characters after finding the words.
  const pieces = [
    'a',
    'Z',
    '9',
    "'",
    '’',
    ' ',
    '-',
    'é',
    'e\u0301',
    '\u0301',
    '𝐀',
    '😀',
    '\ud800',
    '\udc00',
    '²',
    'ǅ',
    "'s",
    '\u0663',
    '_',
  ];
  it('finds the words the word regex finds', () => {
    for (const text of [...generated(pieces, 5000, 16), "don't robot's O'Neil", 'x\u0301y', "a''b", "'a'", '\ud835\udc00b']) {
      expect(tokenize(text).map((token) => token.start)).toEqual(regexWords(text));
    }
  });
});

describe('excerpt', () => {
  const pieces = ['word', ' ', '  ', '\n', '\t', '\u00a0', '😀', '\ud800', ',', '.', '—', 'é', 'long '.repeat(30)];
  it('equals collapsing the whole text, for short and long texts', () => {
    for (const text of generated(pieces, 3000, 200)) {
      for (const maxChars of [0, 3, 40, 240]) expect(excerpt(text, maxChars)).toBe(excerptByRegex(text, maxChars));
    }
  });

  it('cuts after whole characters when a pair or a run of spaces meets the cut', () => {
    const text = `${'😀'.repeat(600)} ${'  \n'.repeat(400)}tail`;
    for (const maxChars of [239, 240, 241, 500]) expect(excerpt(text, maxChars)).toBe(excerptByRegex(text, maxChars));
  });
});

describe('web addresses', () => {
  const pieces = [
    'http://',
    'HTTPS://',
    'www.',
    'a.com/',
    '.IO/',
    'x.ai/',
    'b.net',
    'github',
    ' ',
    '\u00a0',
    '\n',
    ')',
    ']',
    'ſ',
    'K',
    '-',
    '.',
    '/',
    'word',
    '://',
    '_',
  ];
  it('become the same clause breaks as with the address regex over the whole text', () => {
    for (const text of generated(pieces, 5000, 14)) {
      expect(withoutUrls(text)).toBe(MAYBE_URL.test(text) ? text.replace(WEB_ADDRESS, ' ; ') : text);
    }
  });
});

describe('LaTeX pre-test', () => {
  const pieces = [
    'a',
    ' ',
    '2',
    '2 times',
    'times',
    '\\',
    '$',
    '_',
    '^',
    '~',
    '`',
    '-',
    '--',
    "'",
    "''",
    'math',
    'bold',
    'leq',
    'dots',
    '=',
  ];
  it('says what the hint regex says', () => {
    for (const text of generated(pieces, 5000, 8)) expect(mayContainLatex(text)).toBe(LATEX_HINT.test(text));
  });
});

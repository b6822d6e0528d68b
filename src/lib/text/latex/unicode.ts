/** Unicode forms: sub- and superscript characters, letter fonts (ℝ, 𝒜), accents, plain text of nodes. */
import type { PhrasingContent } from 'mdast';

const SUBSCRIPTS: Readonly<Record<string, string>> = {
  ...digitTable('₀₁₂₃₄₅₆₇₈₉'),
  '+': '₊',
  '-': '₋',
  '−': '₋',
  '=': '₌',
  '(': '₍',
  ')': '₎',
  a: 'ₐ',
  e: 'ₑ',
  h: 'ₕ',
  i: 'ᵢ',
  j: 'ⱼ',
  k: 'ₖ',
  l: 'ₗ',
  m: 'ₘ',
  n: 'ₙ',
  o: 'ₒ',
  p: 'ₚ',
  r: 'ᵣ',
  s: 'ₛ',
  t: 'ₜ',
  u: 'ᵤ',
  v: 'ᵥ',
  x: 'ₓ',
  β: 'ᵦ',
  γ: 'ᵧ',
  ρ: 'ᵨ',
  φ: 'ᵩ',
  χ: 'ᵪ',
};

const SUPERSCRIPTS: Readonly<Record<string, string>> = {
  ...digitTable('⁰¹²³⁴⁵⁶⁷⁸⁹'),
  '+': '⁺',
  '-': '⁻',
  '−': '⁻',
  '=': '⁼',
  '(': '⁽',
  ')': '⁾',
  a: 'ᵃ',
  b: 'ᵇ',
  c: 'ᶜ',
  d: 'ᵈ',
  e: 'ᵉ',
  f: 'ᶠ',
  g: 'ᵍ',
  h: 'ʰ',
  i: 'ⁱ',
  j: 'ʲ',
  k: 'ᵏ',
  l: 'ˡ',
  m: 'ᵐ',
  n: 'ⁿ',
  o: 'ᵒ',
  p: 'ᵖ',
  r: 'ʳ',
  s: 'ˢ',
  t: 'ᵗ',
  u: 'ᵘ',
  v: 'ᵛ',
  w: 'ʷ',
  x: 'ˣ',
  y: 'ʸ',
  z: 'ᶻ',
  A: 'ᴬ',
  B: 'ᴮ',
  D: 'ᴰ',
  E: 'ᴱ',
  G: 'ᴳ',
  H: 'ᴴ',
  I: 'ᴵ',
  J: 'ᴶ',
  K: 'ᴷ',
  L: 'ᴸ',
  M: 'ᴹ',
  N: 'ᴺ',
  O: 'ᴼ',
  P: 'ᴾ',
  R: 'ᴿ',
  T: 'ᵀ',
  U: 'ᵁ',
  V: 'ⱽ',
  W: 'ᵂ',
  α: 'ᵅ',
  β: 'ᵝ',
  γ: 'ᵞ',
  δ: 'ᵟ',
  ε: 'ᵋ',
  ϵ: 'ᵋ',
  θ: 'ᶿ',
  φ: 'ᵠ',
  ϕ: 'ᵠ',
  χ: 'ᵡ',
};

function digitTable(glyphs: string): Record<string, string> {
  return Object.fromEntries([...glyphs].map((glyph, digit) => [String(digit), glyph]));
}

/** Letters that Unicode encodes in the Letterlike Symbols block instead of the math block. */
const LETTER_FONT_EXCEPTIONS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  doubleStruck: { C: 'ℂ', H: 'ℍ', N: 'ℕ', P: 'ℙ', Q: 'ℚ', R: 'ℝ', Z: 'ℤ' },
  script: { B: 'ℬ', E: 'ℰ', F: 'ℱ', H: 'ℋ', I: 'ℐ', L: 'ℒ', M: 'ℳ', R: 'ℛ', e: 'ℯ', g: 'ℊ', o: 'ℴ' },
  fraktur: { C: 'ℭ', H: 'ℌ', I: 'ℑ', R: 'ℜ', Z: 'ℨ' },
};

/** First code point of capital A and small a in each Mathematical Alphanumeric font. */
const LETTER_FONT_BASES: Readonly<Record<string, { upper: number; lower: number }>> = {
  doubleStruck: { upper: 0x1d538, lower: 0x1d552 },
  script: { upper: 0x1d49c, lower: 0x1d4b6 },
  fraktur: { upper: 0x1d504, lower: 0x1d51e },
};

const LETTER_FONT_OF_COMMAND: Readonly<Record<string, string>> = {
  mathbb: 'doubleStruck',
  mathbbm: 'doubleStruck',
  mathcal: 'script',
  mathscr: 'script',
  mathfrak: 'fraktur',
};

// ---------------------------------------------------------------------------------------------
// Pure string helpers
// ---------------------------------------------------------------------------------------------

/** `composeAccent('\u0308', 'i')` → `ï`. Dotless i/j take the accent in place of their dot. */
export function composeAccent(combiningMark: string, base: string): string {
  const letter = base === 'ı' ? 'i' : base === 'ȷ' ? 'j' : base;
  return (letter + combiningMark).normalize('NFC');
}

/** Unicode subscript form of `s`, or null when some character has none. */
export function toSubscript(s: string): string | null {
  return mapEveryCharacter(s, SUBSCRIPTS);
}

/** Unicode superscript form of `s`, or null when some character has none. */
export function toSuperscript(s: string): string | null {
  return mapEveryCharacter(s, SUPERSCRIPTS);
}

function mapEveryCharacter(s: string, table: Readonly<Record<string, string>>): string | null {
  if (s === '') return null;
  let out = '';
  for (const ch of s) {
    const mapped = table[ch];
    if (mapped === undefined) return null;
    out += mapped;
  }
  return out;
}

/** `mapLetterFont('mathbb', 'R')` → `ℝ`; characters other than ASCII letters are kept. */
export function mapLetterFont(command: string, s: string): string {
  const font = LETTER_FONT_OF_COMMAND[command];
  if (font === undefined) return s;
  const exceptions = LETTER_FONT_EXCEPTIONS[font]!;
  const bases = LETTER_FONT_BASES[font]!;
  let out = '';
  for (const ch of s) {
    const code = ch.charCodeAt(0);
    if (exceptions[ch] !== undefined) out += exceptions[ch];
    else if (code >= 65 && code <= 90) out += String.fromCodePoint(bases.upper + code - 65);
    else if (code >= 97 && code <= 122) out += String.fromCodePoint(bases.lower + code - 97);
    else out += ch;
  }
  return out;
}

/** The plain text of phrasing nodes: sub/superscripts as Unicode where possible, else `x_t`/`x^(ab)`. */
export function phrasingToPlainText(nodes: readonly PhrasingContent[]): string {
  let out = '';
  for (const node of nodes) {
    if (node.type === 'text' || node.type === 'inlineCode') out += node.value;
    else if (node.type === 'subscript') out += scriptToPlainText(phrasingToPlainText(node.children), '_', toSubscript);
    else if (node.type === 'superscript') out += scriptToPlainText(phrasingToPlainText(node.children), '^', toSuperscript);
    else if ('children' in node) out += phrasingToPlainText(node.children as PhrasingContent[]);
  }
  return out;
}

function scriptToPlainText(content: string, marker: string, toUnicode: (s: string) => string | null): string {
  const unicode = toUnicode(content);
  if (unicode !== null) return unicode;
  if ([...content].length === 1 || /^\(.*\)$/.test(content)) return marker + content;
  return `${marker}(${content})`;
}

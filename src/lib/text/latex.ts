/**
 * LaTeX leftovers in plain-text abstracts → readable Unicode and a few inline mdast nodes.
 *
 * Abstracts copied from web pages keep bits of their LaTeX source (`na\"ive`, `\pi_0`, `12.2\%`,
 * `$O(n^2)$`) and sometimes lose the backslashes on the way (`64times64`, `mathbf x_0`, `kleq 10`).
 * `parseLatexInline` turns such a string into phrasing nodes: text (with Unicode for symbols,
 * accents and Greek letters), `strong` / `emphasis` / `inlineCode` for font commands, and
 * `subscript` / `superscript` nodes that become `<sub>` / `<sup>` in HTML. No KaTeX, no client
 * JavaScript: the goal is legible text, not typeset formulas.
 *
 * Two modes, as in LaTeX: *text* (outside `$…$`; conservative, because most of it is prose that
 * merely looks like markup) and *math* (inside `$…$`, `\(…\)`, `\[…\]`; LaTeX rules apply).
 */
import type { Emphasis, InlineCode, Parent, PhrasingContent, Root, Strong, Text } from 'mdast';
import type { Plugin } from 'unified';
import { SKIP, visit } from 'unist-util-visit';

/** A subscript: rendered as `<sub>` through `data.hName`. */
export interface Subscript extends Parent {
  type: 'subscript';
  children: PhrasingContent[];
  data: { hName: 'sub' };
}

/** A superscript: rendered as `<sup>` through `data.hName`. */
export interface Superscript extends Parent {
  type: 'superscript';
  children: PhrasingContent[];
  data: { hName: 'sup' };
}

declare module 'mdast' {
  interface PhrasingContentMap {
    subscript: Subscript;
    superscript: Superscript;
  }
  interface RootContentMap {
    subscript: Subscript;
    superscript: Superscript;
  }
}

type Mode = 'text' | 'math';

// ---------------------------------------------------------------------------------------------
// Symbol tables
// ---------------------------------------------------------------------------------------------

const GREEK: Readonly<Record<string, string>> = {
  alpha: 'α',
  beta: 'β',
  gamma: 'γ',
  delta: 'δ',
  epsilon: 'ϵ',
  varepsilon: 'ε',
  zeta: 'ζ',
  eta: 'η',
  theta: 'θ',
  vartheta: 'ϑ',
  iota: 'ι',
  kappa: 'κ',
  lambda: 'λ',
  mu: 'μ',
  nu: 'ν',
  xi: 'ξ',
  omicron: 'ο',
  pi: 'π',
  varpi: 'ϖ',
  rho: 'ρ',
  varrho: 'ϱ',
  sigma: 'σ',
  varsigma: 'ς',
  tau: 'τ',
  upsilon: 'υ',
  phi: 'ϕ',
  varphi: 'φ',
  chi: 'χ',
  psi: 'ψ',
  omega: 'ω',
  Gamma: 'Γ',
  Delta: 'Δ',
  Theta: 'Θ',
  Lambda: 'Λ',
  Xi: 'Ξ',
  Pi: 'Π',
  Sigma: 'Σ',
  Upsilon: 'Υ',
  Phi: 'Φ',
  Psi: 'Ψ',
  Omega: 'Ω',
};

/** Commands that stand for one symbol, in text or math (`\times`, `\leq`, `\ss`, …). */
const SYMBOLS: Readonly<Record<string, string>> = {
  ...GREEK,
  // relations and operators
  times: '×',
  cdot: '·',
  div: '÷',
  pm: '±',
  mp: '∓',
  ast: '∗',
  star: '⋆',
  circ: '∘',
  bullet: '•',
  leq: '≤',
  le: '≤',
  geq: '≥',
  ge: '≥',
  neq: '≠',
  ne: '≠',
  leqslant: '⩽',
  geqslant: '⩾',
  ll: '≪',
  gg: '≫',
  approx: '≈',
  sim: '∼',
  simeq: '≃',
  cong: '≅',
  equiv: '≡',
  propto: '∝',
  coloneqq: '≔',
  triangleq: '≜',
  doteq: '≐',
  in: '∈',
  notin: '∉',
  ni: '∋',
  subset: '⊂',
  subseteq: '⊆',
  supset: '⊃',
  supseteq: '⊇',
  cup: '∪',
  cap: '∩',
  setminus: '∖',
  emptyset: '∅',
  varnothing: '∅',
  forall: '∀',
  exists: '∃',
  nexists: '∄',
  neg: '¬',
  lnot: '¬',
  land: '∧',
  wedge: '∧',
  lor: '∨',
  vee: '∨',
  oplus: '⊕',
  otimes: '⊗',
  odot: '⊙',
  top: '⊤',
  bot: '⊥',
  perp: '⊥',
  mid: '∣',
  parallel: '∥',
  nabla: '∇',
  partial: '∂',
  infty: '∞',
  sum: '∑',
  prod: '∏',
  coprod: '∐',
  int: '∫',
  iint: '∬',
  oint: '∮',
  sqrt: '√',
  angle: '∠',
  triangle: '△',
  ell: 'ℓ',
  hbar: 'ℏ',
  Re: 'ℜ',
  Im: 'ℑ',
  aleph: 'ℵ',
  wp: '℘',
  prime: '′',
  dagger: '†',
  ddagger: '‡',
  dag: '†',
  ddag: '‡',
  checkmark: '✓',
  // arrows
  rightarrow: '→',
  to: '→',
  leftarrow: '←',
  gets: '←',
  leftrightarrow: '↔',
  Rightarrow: '⇒',
  Leftarrow: '⇐',
  Leftrightarrow: '⇔',
  implies: '⟹',
  impliedby: '⟸',
  iff: '⟺',
  longrightarrow: '⟶',
  longleftarrow: '⟵',
  Longrightarrow: '⟹',
  mapsto: '↦',
  hookrightarrow: '↪',
  uparrow: '↑',
  downarrow: '↓',
  Uparrow: '⇑',
  Downarrow: '⇓',
  rightleftharpoons: '⇌',
  // delimiters
  langle: '⟨',
  rangle: '⟩',
  lceil: '⌈',
  rceil: '⌉',
  lfloor: '⌊',
  rfloor: '⌋',
  lvert: '|',
  rvert: '|',
  vert: '|',
  lVert: '‖',
  rVert: '‖',
  Vert: '‖',
  lbrace: '{',
  rbrace: '}',
  // dots
  ldots: '…',
  dots: '…',
  cdots: '⋯',
  vdots: '⋮',
  ddots: '⋱',
  textellipsis: '…',
  // text symbols
  ss: 'ß',
  o: 'ø',
  O: 'Ø',
  ae: 'æ',
  AE: 'Æ',
  oe: 'œ',
  OE: 'Œ',
  aa: 'å',
  AA: 'Å',
  l: 'ł',
  L: 'Ł',
  i: 'ı',
  j: 'ȷ',
  S: '§',
  P: '¶',
  copyright: '©',
  textcopyright: '©',
  textregistered: '®',
  texttrademark: '™',
  textendash: '–',
  textemdash: '—',
  textbullet: '•',
  textdegree: '°',
  textasciitilde: '~',
  textbackslash: '\\',
  textbar: '|',
  textless: '<',
  textgreater: '>',
  textquotedbl: '"',
  textquoteleft: '‘',
  textquoteright: '’',
  textquotedblleft: '“',
  textquotedblright: '”',
  euro: '€',
  pounds: '£',
  textdollar: '$',
  textunderscore: '_',
  LaTeX: 'LaTeX',
  TeX: 'TeX',
  degree: '°',
  // operator names print as words
  log: 'log',
  ln: 'ln',
  exp: 'exp',
  sin: 'sin',
  cos: 'cos',
  tan: 'tan',
  tanh: 'tanh',
  max: 'max',
  min: 'min',
  argmax: 'argmax',
  argmin: 'argmin',
  arg: 'arg',
  sup: 'sup',
  inf: 'inf',
  lim: 'lim',
  det: 'det',
  dim: 'dim',
  Pr: 'Pr',
  deg: 'deg',
  gcd: 'gcd',
  mod: 'mod',
  // spacing
  quad: ' ',
  qquad: ' ',
  enspace: ' ',
  thinspace: ' ',
  newline: ' ',
  linebreak: ' ',
};

/** Commands that only change layout or size; they print nothing. */
const IGNORED_COMMANDS: ReadonlySet<string> = new Set([
  'left',
  'right',
  'middle',
  'big',
  'Big',
  'bigg',
  'Bigg',
  'bigl',
  'bigr',
  'Bigl',
  'Bigr',
  'biggl',
  'biggr',
  'displaystyle',
  'textstyle',
  'scriptstyle',
  'limits',
  'nolimits',
  'nonumber',
  'notag',
  'bf',
  'it',
  'rm',
  'em',
  'sf',
  'tt',
  'sc',
  'small',
  'large',
  'Large',
  'normalsize',
  'footnotesize',
  'scriptsize',
  'tiny',
  'huge',
  'noindent',
  'centering',
  'par',
  'xspace',
  'protect',
  'relax',
  'hfill',
  'vspace',
  'hspace',
  'phantom',
]);

/** Commands whose arguments are references that mean nothing outside the paper. */
const DROPPED_COMMANDS: ReadonlySet<string> = new Set([
  'cite',
  'citep',
  'citet',
  'citealp',
  'citealt',
  'citeauthor',
  'citeyear',
  'nocite',
  'ref',
  'eqref',
  'autoref',
  'cref',
  'Cref',
  'pageref',
  'label',
]);

/** Font commands with one argument, by the node they produce. */
const BOLD_COMMANDS: ReadonlySet<string> = new Set(['textbf', 'mathbf', 'boldsymbol', 'bm', 'pmb', 'mathbold']);
const ITALIC_COMMANDS: ReadonlySet<string> = new Set(['emph', 'textit', 'mathit', 'textsl']);
const CODE_COMMANDS: ReadonlySet<string> = new Set(['texttt', 'mathtt', 'code']);
const PLAIN_FONT_COMMANDS: ReadonlySet<string> = new Set([
  'text',
  'textrm',
  'textnormal',
  'textup',
  'textsf',
  'textsc',
  'textmd',
  'mathrm',
  'mathsf',
  'mathnormal',
  'mbox',
  'hbox',
  'operatorname',
  'underline',
  'ensuremath',
  'url',
  'nolinkurl',
  'mathring',
]);
/** Font commands that map letters to other Unicode letters (`\mathbb{R}` → ℝ). */
const LETTER_FONT_COMMANDS: ReadonlySet<string> = new Set(['mathbb', 'mathbbm', 'mathcal', 'mathscr', 'mathfrak']);

/** Bare command names (backslash lost in copying) that are recognised in prose. */
const BARE_FONT_WORDS: ReadonlySet<string> = new Set(['mathbf', 'boldsymbol', 'mathbb', 'mathcal', 'mathrm']);

/** Accent commands → combining marks. Composed afterwards with NFC. */
const ACCENTS: Readonly<Record<string, string>> = {
  '"': '\u0308',
  "'": '\u0301',
  '`': '\u0300',
  '^': '\u0302',
  '~': '\u0303',
  '=': '\u0304',
  '.': '\u0307',
  c: '\u0327',
  v: '\u030C',
  u: '\u0306',
  H: '\u030B',
  r: '\u030A',
  d: '\u0323',
  b: '\u0331',
  k: '\u0328',
  t: '\u0361',
};

/** Math accents (`\hat{x}` → x̂). */
const MATH_ACCENTS: Readonly<Record<string, string>> = {
  hat: '\u0302',
  widehat: '\u0302',
  tilde: '\u0303',
  widetilde: '\u0303',
  bar: '\u0304',
  overline: '\u0305',
  vec: '\u20D7',
  dot: '\u0307',
  ddot: '\u0308',
  check: '\u030C',
  breve: '\u0306',
  acute: '\u0301',
  grave: '\u0300',
};

/** Characters that LaTeX escapes with a backslash and prints as themselves. */
const ESCAPED_CHARACTERS = '%&_#${}|';

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

/** Plain Unicode text for a string with LaTeX leftovers: `na\"ive $\alpha$-div` → `naïve α-div`. */
export function latexToUnicode(source: string): string {
  return phrasingToPlainText(parseLatexInline(source));
}

/** Cheap test: could `source` contain anything `parseLatexInline` would change? */
export function mayContainLatex(source: string): boolean {
  return LATEX_HINT.test(source);
}

const LATEX_HINT = /[\\$_^~`]|--|''|\d\s?times|math|bold|leq|geq|neq|dots|=/;

// ---------------------------------------------------------------------------------------------
// The scanner
// ---------------------------------------------------------------------------------------------

/** Collects output: consecutive characters merge into one text node. */
class PhrasingBuilder {
  readonly nodes: PhrasingContent[] = [];
  private pending = '';

  pushText(s: string): void {
    this.pending += s;
  }

  pushNodes(nodes: readonly PhrasingContent[]): void {
    for (const node of nodes) {
      if (node.type === 'text') this.pushText(node.value);
      else {
        this.flush();
        this.nodes.push(node);
      }
    }
  }

  /** The last character emitted, or '' if the last thing emitted was a node or nothing. */
  lastChar(): string {
    return this.pending.slice(-1);
  }

  /** The character before the last one, '' if none. */
  charBeforeLast(): string {
    return this.pending.slice(-2, -1);
  }

  /** The last `count` UTF-16 units of pending text. */
  tail(count: number): string {
    return this.pending.slice(-count);
  }

  /** Replace the last `count` UTF-16 units of pending text. */
  replaceTail(count: number, replacement: string): void {
    this.pending = this.pending.slice(0, this.pending.length - count) + replacement;
  }

  /** True when the last thing emitted is a non-text node (e.g. bold `x` before `_0`). */
  endsWithNode(): boolean {
    return this.pending === '' && this.nodes.length > 0 && this.nodes[this.nodes.length - 1]!.type !== 'text';
  }

  trimEndSpaces(): void {
    this.pending = this.pending.replace(/[ \u00a0]+$/, '');
  }

  finish(): PhrasingContent[] {
    this.flush();
    return this.nodes;
  }

  private flush(): void {
    if (this.pending !== '') {
      this.nodes.push({ type: 'text', value: this.pending } satisfies Text);
      this.pending = '';
    }
  }
}

/** Parse LaTeX-flavoured prose into phrasing nodes (text, strong, emphasis, inlineCode, sub, sup). */
export function parseLatexInline(source: string): PhrasingContent[] {
  if (!mayContainLatex(source)) return source === '' ? [] : [{ type: 'text', value: source }];
  return scan(source, 'text');
}

/** Groups nest this deep at most; deeper content is kept as written (no stack overflow on junk). */
const MAX_NESTING = 16;
let nesting = 0;

function scan(source: string, mode: Mode): PhrasingContent[] {
  if (nesting >= MAX_NESTING) return source === '' ? [] : [{ type: 'text', value: source }];
  nesting += 1;
  try {
    return scanUnnested(source, mode);
  } finally {
    nesting -= 1;
  }
}

function scanUnnested(source: string, mode: Mode): PhrasingContent[] {
  const out = new PhrasingBuilder();
  let sawOpeningQuotes = false;
  let i = 0;
  while (i < source.length) {
    if (mode === 'text') {
      const trigger = nextTextTrigger(source, i);
      if (trigger > i) {
        out.pushText(source.slice(i, trigger));
        i = trigger;
        continue;
      }
    }
    const ch = source[i]!;
    let next: number | null = null;
    if (ch === '\\') next = scanCommand(source, i, mode, out);
    else if (ch === '$' && mode === 'text') next = scanDollarMath(source, i, out);
    else if (ch === '_' || ch === '^') next = scanScript(source, i, mode, out);
    else if (mode === 'math') next = scanMathCharacter(source, i, out);
    else if (isAsciiLetter(ch) && !isAsciiLetter(source[i - 1] ?? '')) next = scanWord(source, i, out);
    else if (ch === '-' && source[i + 1] === '-') next = scanDashes(source, i, out);
    else if (ch === '`' && source[i + 1] === '`') {
      out.pushText('“');
      sawOpeningQuotes = true;
      next = i + 2;
    } else if (ch === "'" && source[i + 1] === "'" && sawOpeningQuotes) {
      out.pushText('”');
      next = i + 2;
    } else if (ch === '~') next = scanTilde(source, i, out);
    if (next === null) {
      out.pushText(ch);
      next = i + 1;
    }
    i = next;
  }
  return out.finish();
}

/**
 * Where something might need rewriting in prose: LaTeX characters, and the few bare words
 * `scanWord` looks at. Everything before the next trigger is copied through in one piece.
 */
const TEXT_TRIGGER =
  /[\\$_^~`'-]|(?<![A-Za-z])(?:mathbf|boldsymbol|mathbb|mathcal|mathrm|[A-Za-z]?(?:leq|geq|neq)|l?dots|cdots|times|[A-Za-z]+(?=\s?=))(?![A-Za-z])/g;

function nextTextTrigger(source: string, from: number): number {
  TEXT_TRIGGER.lastIndex = from;
  const match = TEXT_TRIGGER.exec(source);
  return match === null ? source.length : match.index;
}

function isAsciiLetter(ch: string): boolean {
  return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
}

function isDigit(ch: string): boolean {
  return ch >= '0' && ch <= '9';
}

function isWordChar(ch: string): boolean {
  return isAsciiLetter(ch) || isDigit(ch) || ch === '_';
}

// --- math spans -------------------------------------------------------------------------------

/**
 * `$…$` is math only if it looks like math (Pandoc's rule, made stricter): the opening `$` is
 * followed by a non-space, and the very next `$` closes it, being preceded by a non-space and
 * not followed by a digit unless the content has LaTeX markup (`$\sim$10%`). So
 * `(at $0.031 each)`, `$5 and $10` and `$5-$10` stay text. `$$…$$` works too.
 */
function scanDollarMath(source: string, start: number, out: PhrasingBuilder): number | null {
  const span = findDollarMathSpan(source, start);
  if (span === null) return null;
  out.pushNodes(scan(source.slice(span.contentStart, span.contentEnd), 'math'));
  return span.end;
}

interface MathSpan {
  contentStart: number;
  contentEnd: number;
  end: number;
}

export function findDollarMathSpan(source: string, start: number): MathSpan | null {
  const fence = source.startsWith('$$', start) ? '$$' : '$';
  const contentStart = start + fence.length;
  const first = source[contentStart];
  if (first === undefined || /\s/.test(first) || first === '$') return null;
  const close = findUnescapedDollar(source, contentStart);
  if (close === -1 || !source.startsWith(fence, close)) return null;
  if (/\s/.test(source[close - 1]!)) return null;
  const content = source.slice(contentStart, close);
  if (content.includes('\n\n') || looksLikeCurrency(content)) return null;
  // `$5-$10` is money; `$\sim$10%` is math: a digit may follow only markup-bearing math
  if (isDigit(source[close + fence.length] ?? '') && !hasMathMarkup(content)) return null;
  return { contentStart, contentEnd: close, end: close + fence.length };
}

function findUnescapedDollar(source: string, from: number): number {
  for (let j = from; j < source.length; j += 1) {
    if (source[j] === '\\') j += 1;
    else if (source[j] === '$') return j;
  }
  return -1;
}

/** `$5 or 10$`: amounts, not math. Math starting with a digit has a command or operator. */
function looksLikeCurrency(content: string): boolean {
  return isDigit(content[0]!) && /\s/.test(content) && !hasMathMarkup(content) && !/[=<>]/.test(content);
}

function hasMathMarkup(content: string): boolean {
  return /[\\^_{}]/.test(content);
}

function scanBracketMath(source: string, start: number, closing: string, out: PhrasingBuilder): number | null {
  const end = source.indexOf(closing, start + 2);
  if (end === -1) return null;
  out.pushNodes(scan(source.slice(start + 2, end), 'math'));
  return end + closing.length;
}

function scanMathCharacter(source: string, i: number, out: PhrasingBuilder): number | null {
  const ch = source[i]!;
  if (ch === '{') {
    const group = readGroup(source, i);
    if (group === null) return i + 1; // a lone brace is grouping noise
    out.pushNodes(scan(group.content, 'math'));
    return group.end;
  }
  if (ch === '}') return i + 1;
  if (ch === '~') {
    out.pushText(' ');
    return i + 1;
  }
  return null;
}

// --- commands ---------------------------------------------------------------------------------

function scanCommand(source: string, start: number, mode: Mode, out: PhrasingBuilder): number | null {
  const first = source[start + 1];
  if (first === undefined) return null;
  if (!isAsciiLetter(first)) return scanSymbolCommand(source, start, first, mode, out);
  let end = start + 1;
  while (end < source.length && isAsciiLetter(source[end]!)) end += 1;
  const name = source.slice(start + 1, end);
  if (name === 'begin' || name === 'end') return skipEnvironmentMarker(source, end);
  return scanNamedCommand(source, name, end, mode, out);
}

function scanSymbolCommand(source: string, start: number, symbol: string, mode: Mode, out: PhrasingBuilder): number {
  const after = start + 2;
  if (ESCAPED_CHARACTERS.includes(symbol)) {
    out.pushText(symbol === '|' ? '‖' : symbol);
    return after;
  }
  if (ACCENTS[symbol] !== undefined) {
    const accented = readAccentArgument(source, after, false);
    if (accented !== null) {
      out.pushText(composeAccent(ACCENTS[symbol], accented.letter));
      return accented.end;
    }
    out.pushText(symbol);
    return after;
  }
  if (symbol === '(' || symbol === '[') {
    const end = scanBracketMath(source, start, symbol === '(' ? '\\)' : '\\]', out);
    if (end !== null) return end;
  }
  if (symbol === '\\' || symbol === ' ' || symbol === '\n' || symbol === ';' || symbol === ':') out.pushText(' ');
  else if (symbol === ',') out.pushText('\u2009');
  else if (symbol === '!' || symbol === '-' || symbol === '/' || symbol === '@' || symbol === ')' || symbol === ']') {
    // negative space, discretionary hyphen, ligature break, stray math closers: nothing to print
  } else out.pushText(mode === 'math' ? symbol : `\\${symbol}`);
  return after;
}

function skipEnvironmentMarker(source: string, end: number): number {
  const group = readGroup(source, end);
  return group === null ? end : group.end;
}

function scanNamedCommand(source: string, name: string, end: number, mode: Mode, out: PhrasingBuilder): number {
  if (name.length === 1 && ACCENTS[name] !== undefined) {
    const accented = readAccentArgument(source, end, true);
    if (accented !== null) {
      out.pushText(composeAccent(ACCENTS[name], accented.letter));
      return accented.end;
    }
  }
  if (IGNORED_COMMANDS.has(name)) {
    // `\left.` / `\right.` use `.` as an invisible delimiter
    return (name === 'left' || name === 'right') && source[end] === '.' ? end + 1 : end;
  }
  if (DROPPED_COMMANDS.has(name)) {
    out.trimEndSpaces();
    return skipArguments(source, end);
  }
  if (
    BOLD_COMMANDS.has(name) ||
    ITALIC_COMMANDS.has(name) ||
    CODE_COMMANDS.has(name) ||
    PLAIN_FONT_COMMANDS.has(name) ||
    LETTER_FONT_COMMANDS.has(name)
  ) {
    const argument = readArgument(source, end);
    if (argument !== null) {
      out.pushNodes(fontNodes(name, argument.content, fontContentMode(name, mode)));
      return argument.end;
    }
  }
  if (MATH_ACCENTS[name] !== undefined) {
    const argument = readArgument(source, end);
    if (argument !== null) {
      const base = latexToUnicodeIn(argument.content, 'math');
      out.pushText([...base].length === 1 ? composeAccent(MATH_ACCENTS[name], base) : base);
      return argument.end;
    }
  }
  if (name === 'frac' || name === 'dfrac' || name === 'tfrac') {
    const fraction = scanFraction(source, end, out);
    if (fraction !== null) return fraction;
  }
  if (name === 'sqrt') return scanSquareRoot(source, end, out);
  if (name === 'footnote') return scanFootnote(source, end, out);
  if (name === 'href') return scanHref(source, end, out);
  if (name === 'textcolor' || name === 'color') return skipFirstArgument(source, end);
  if (SYMBOLS[name] !== undefined) {
    out.pushText(SYMBOLS[name]);
    return source.startsWith('{}', end) ? end + 2 : end; // `\ss{}`: empty group ends the name
  }
  return scanUnknownCommand(source, name, end, mode, out);
}

function fontContentMode(name: string, mode: Mode): Mode {
  if (name.startsWith('text') || name === 'emph' || name === 'mbox' || name === 'hbox') return 'text';
  if (name.startsWith('math') || name === 'boldsymbol' || name === 'bm' || name === 'operatorname') return 'math';
  return mode;
}

function fontNodes(name: string, content: string, mode: Mode): PhrasingContent[] {
  const children = scan(content, mode);
  if (BOLD_COMMANDS.has(name)) return children.length === 0 ? [] : [{ type: 'strong', children } satisfies Strong];
  if (ITALIC_COMMANDS.has(name)) return children.length === 0 ? [] : [{ type: 'emphasis', children } satisfies Emphasis];
  if (CODE_COMMANDS.has(name)) {
    const value = phrasingToPlainText(children);
    return value === '' ? [] : [{ type: 'inlineCode', value } satisfies InlineCode];
  }
  if (LETTER_FONT_COMMANDS.has(name)) return [{ type: 'text', value: mapLetterFont(name, phrasingToPlainText(children)) }];
  return children;
}

function latexToUnicodeIn(source: string, mode: Mode): string {
  return phrasingToPlainText(scan(source, mode));
}

/** `\frac{a}{b}` → `a/b`, `\frac{a+b}{2}` → `(a+b)/2`. */
function scanFraction(source: string, end: number, out: PhrasingBuilder): number | null {
  const numerator = readArgument(source, end);
  if (numerator === null) return null;
  const denominator = readArgument(source, numerator.end);
  if (denominator === null) return null;
  pushParenthesisedIfCompound(scan(numerator.content, 'math'), out);
  out.pushText('/');
  pushParenthesisedIfCompound(scan(denominator.content, 'math'), out);
  return denominator.end;
}

function pushParenthesisedIfCompound(nodes: PhrasingContent[], out: PhrasingBuilder): void {
  const text = phrasingToPlainText(nodes);
  const compound = /[\s+\-−*/=,·×]/.test(text.trim()) || nodes.length > 1;
  if (compound) out.pushText('(');
  out.pushNodes(nodes);
  if (compound) out.pushText(')');
}

/** `\sqrt{x}` → `√x`, `\sqrt[3]{x+1}` → `∛(x+1)`. */
function scanSquareRoot(source: string, end: number, out: PhrasingBuilder): number {
  let position = end;
  let sign = '√';
  if (source[position] === '[') {
    const close = source.indexOf(']', position);
    if (close !== -1) {
      const index = source.slice(position + 1, close).trim();
      sign = index === '3' ? '∛' : index === '4' ? '∜' : `${toSuperscript(index) ?? index}√`;
      position = close + 1;
    }
  }
  const argument = readArgument(source, position);
  out.pushText(sign);
  if (argument === null) return position;
  pushParenthesisedIfCompound(scan(argument.content, 'math'), out);
  return argument.end;
}

function scanFootnote(source: string, end: number, out: PhrasingBuilder): number {
  const argument = readArgument(source, end);
  if (argument === null) return end;
  out.trimEndSpaces();
  out.pushText(' (');
  out.pushNodes(scan(argument.content, 'text'));
  out.pushText(')');
  return argument.end;
}

/** `\href{url}{text}` that the link plugin did not turn into a link: keep the text. */
function scanHref(source: string, end: number, out: PhrasingBuilder): number {
  const target = readArgument(source, end);
  if (target === null) return end;
  const label = readArgument(source, target.end);
  if (label === null) {
    out.pushText(target.content);
    return target.end;
  }
  out.pushNodes(scan(label.content, 'text'));
  return label.end;
}

function skipFirstArgument(source: string, end: number): number {
  const argument = readArgument(source, end);
  return argument === null ? end : argument.end;
}

function skipArguments(source: string, end: number): number {
  let position = end;
  while (source[position] === '[') {
    const close = source.indexOf(']', position);
    if (close === -1) break;
    position = close + 1;
  }
  const group = readGroup(source, position);
  return group === null ? position : group.end;
}

/**
 * An unknown macro (`\ours`, `\method{}`): print its name without the backslash, or, when it
 * takes a non-empty argument, the argument.
 */
function scanUnknownCommand(source: string, name: string, end: number, mode: Mode, out: PhrasingBuilder): number {
  const group = readGroup(source, end);
  if (group === null) {
    out.pushText(name);
    return end;
  }
  if (group.content.trim() === '') out.pushText(name);
  else out.pushNodes(scan(group.content, mode));
  return group.end;
}

// --- arguments --------------------------------------------------------------------------------

interface Group {
  content: string;
  end: number;
}

/** `{…}` starting at `start`, with nested braces and `\{` escapes; null if unbalanced. */
export function readGroup(source: string, start: number): Group | null {
  if (source[start] !== '{') return null;
  let depth = 0;
  for (let j = start; j < source.length; j += 1) {
    const ch = source[j];
    if (ch === '\\') j += 1;
    else if (ch === '{') depth += 1;
    else if (ch === '}') {
      depth -= 1;
      if (depth === 0) return { content: source.slice(start + 1, j), end: j + 1 };
    }
  }
  return null;
}

/** One macro argument: a `{group}`, a `\command`, or one character, after optional spaces. */
function readArgument(source: string, start: number): Group | null {
  let position = start;
  while (source[position] === ' ') position += 1;
  const ch = source[position];
  if (ch === undefined) return null;
  if (ch === '{') return readGroup(source, position);
  if (ch === '\\') {
    let end = position + 1;
    while (end < source.length && isAsciiLetter(source[end]!)) end += 1;
    if (end === position + 1) end += 1;
    return { content: source.slice(position, end), end };
  }
  if (ch === '}' || /\s/.test(ch)) return null;
  const codePoint = String.fromCodePoint(source.codePointAt(position)!);
  return { content: codePoint, end: position + codePoint.length };
}

/**
 * The letter an accent applies to: `\"o`, `\"{o}`, `\'{\i}`, `\'\i`, and for letter-named accents
 * (`\c c`, `\v{s}`) only a braced or space-separated letter, so `\cite` is not `\c` + `ite`.
 */
function readAccentArgument(source: string, start: number, needsSeparator: boolean): { letter: string; end: number } | null {
  let position = start;
  if (needsSeparator && source[position] !== '{' && source[position] !== ' ') return null;
  while (source[position] === ' ') position += 1;
  const braced = source[position] === '{';
  if (braced) position += 1;
  let letter: string | undefined;
  if (source.startsWith('\\i', position) && !isAsciiLetter(source[position + 2] ?? '')) {
    letter = 'ı';
    position += 2;
  } else if (source.startsWith('\\j', position) && !isAsciiLetter(source[position + 2] ?? '')) {
    letter = 'ȷ';
    position += 2;
  } else if (isAsciiLetter(source[position] ?? '')) {
    letter = source[position];
    position += 1;
  }
  if (letter === undefined) return null;
  if (braced) {
    if (source[position] !== '}') return null;
    position += 1;
  }
  return { letter, end: position };
}

// --- sub- and superscripts --------------------------------------------------------------------

/**
 * `_` and `^`. In math, LaTeX rules: the next group, command or character. In prose, only what
 * is unmistakably a script, so `snake_case`, `__init__` and `_underscores_` stay text:
 * - `_{…}`, `^{…}`, `_(…)`, `^(…)` after any non-space character (`NSAM_(+p)`, `x_{t-1}`);
 * - a digit run or a lone letter after a standalone single letter, a Greek letter or a
 *   formatted node (`x_0`, `R_y(`, `π_1`, bold x`_0`); superscripts after any non-space.
 */
function scanScript(source: string, start: number, mode: Mode, out: PhrasingBuilder): number | null {
  const isSub = source[start] === '_';
  const argument = mode === 'math' ? readArgument(source, start + 1) : readProseScriptArgument(source, start + 1, isSub, out);
  if (argument === null) return null;
  const children = scan(argument.content, 'math');
  if (children.length === 0) return argument.end;
  if (!isSub && isPrimeOrStar(phrasingToPlainText(children))) {
    out.pushText(phrasingToPlainText(children)); // f′ and x* read better unraised
    return argument.end;
  }
  out.pushNodes([
    isSub ? { type: 'subscript', children, data: { hName: 'sub' } } : { type: 'superscript', children, data: { hName: 'sup' } },
  ]);
  return argument.end;
}

function isPrimeOrStar(s: string): boolean {
  return /^[′″*∗]+$/.test(s);
}

function readProseScriptArgument(source: string, start: number, isSub: boolean, out: PhrasingBuilder): Group | null {
  const greekName = trailingGreekName(out);
  if (greekName !== null) {
    // `pi_0`, `chi^2`: a Greek letter that lost its backslash, if a script really follows
    const argument = readScriptArgumentAfterBase(source, start, isSub, true);
    if (argument !== null) out.replaceTail(greekName.length, GREEK[greekName]!);
    return argument;
  }
  const base = out.lastChar();
  const hasBase = out.endsWithNode() || (base !== '' && !/\s/.test(base));
  if (!hasBase) return null;
  return readScriptArgumentAfterBase(source, start, isSub, isSubscriptBase(out));
}

/** The script after a base; bare (unbracketed) subscripts need a letter-like base. */
function readScriptArgumentAfterBase(source: string, start: number, isSub: boolean, letterLikeBase: boolean): Group | null {
  const opener = source[start];
  if (opener === '{') return readGroup(source, start);
  if (opener === '(') return readParenthesisedScript(source, start);
  if (isSub && !letterLikeBase) return null;
  if (opener === '\\') {
    const command = readArgument(source, start);
    const name = command?.content.slice(1) ?? '';
    return command !== null && GREEK[name] !== undefined ? command : null;
  }
  return readBareScript(source, start, isSub);
}

/** A spelled-out Greek letter name ending the pending text as a whole word (`pi` in `(pi`). */
function trailingGreekName(out: PhrasingBuilder): string | null {
  const match = /(?<![A-Za-z])[A-Za-z]{2,10}$/.exec(out.tail(11));
  return match !== null && GREEK[match[0]] !== undefined ? match[0] : null;
}

/** A standalone single letter (`x_0`, not `snake_case`), a Greek letter, or a formatted node. */
function isSubscriptBase(out: PhrasingBuilder): boolean {
  if (out.endsWithNode()) return true;
  const base = out.lastChar();
  if (/^[α-ωΑ-Ωϵϑϖϱςϕ]$/.test(base)) return true;
  return isAsciiLetter(base) && !isWordChar(out.charBeforeLast());
}

/** `(…)` up to 12 characters without spaces: `NSAM_(+p)`. */
function readParenthesisedScript(source: string, start: number): Group | null {
  const close = source.indexOf(')', start);
  if (close === -1 || close - start > 13) return null;
  const inner = source.slice(start, close + 1);
  if (/\s/.test(inner) || inner.length < 3) return null;
  return { content: inner, end: close + 1 };
}

/** A digit run (optionally signed, for `10^-3`), a lone letter, or `*` / `'`. */
function readBareScript(source: string, start: number, isSub: boolean): Group | null {
  const match = (isSub ? /^(?:\d+|[A-Za-z])/ : /^(?:[+-]?\d+|[A-Za-z]|\*|'+)/).exec(source.slice(start, start + 24));
  if (match === null) return null;
  const end = start + match[0].length;
  if (isWordChar(source[end] ?? '')) return null;
  const content = match[0].replace(/'/g, '′');
  return { content, end };
}

// --- words in prose ---------------------------------------------------------------------------

/**
 * Whole words in prose. Mostly copied through, except command names that lost their
 * backslash where the context makes them unambiguous:
 * `mathbf x` → bold x; `kleq 10` → `k ≤ 10`; `pi_0`, `chi^2`, `tau =` → Greek;
 * `64times64`, `1.53times` → `×`; `{a, b, dots}` → `…`.
 */
function scanWord(source: string, start: number, out: PhrasingBuilder): number {
  let end = start;
  while (end < source.length && isAsciiLetter(source[end]!)) end += 1;
  const word = source.slice(start, end);
  const following = source[end] ?? '';

  if (BARE_FONT_WORDS.has(word) && !isWordChar(following)) {
    const argument = readBareFontArgument(source, end);
    if (argument !== null) {
      out.pushNodes(fontNodes(word, argument.content, 'math'));
      return argument.end;
    }
  }
  const relation = /^([A-Za-z]?)(leq|geq|neq)$/.exec(word);
  if (relation !== null && /\s/.test(following)) {
    out.pushText(relation[1] === '' ? SYMBOLS[relation[2]!]! : `${relation[1]} ${SYMBOLS[relation[2]!]}`);
    return end;
  }
  if (GREEK[word] !== undefined && /^\s?=[^=]/.test(source.slice(end, end + 3))) {
    out.pushText(GREEK[word]);
    return end;
  }
  if (word === 'times' && isDigit(out.lastChar())) {
    out.pushText('×');
    return end;
  }
  if ((word === 'dots' || word === 'ldots' || word === 'cdots') && /,\s?$/.test(out.tail(2)) && (following === '}' || following === ')')) {
    out.pushText(SYMBOLS[word]!);
    return end;
  }
  out.pushText(word);
  return end;
}

/** The argument of a bare `mathbf`: `mathbf x` or `mathbf{x}`, a single letter or group. */
function readBareFontArgument(source: string, start: number): Group | null {
  let position = start;
  while (source[position] === ' ') position += 1;
  if (source[position] === '{') return readGroup(source, position);
  if (position === start) return null;
  const letter = source[position] ?? '';
  if (!isAsciiLetter(letter) || isAsciiLetter(source[position + 1] ?? '')) return null;
  return { content: letter, end: position + 1 };
}

// --- punctuation in prose ---------------------------------------------------------------------

/** `---` → em dash, `--` → en dash (TeX ligatures). */
function scanDashes(source: string, start: number, out: PhrasingBuilder): number {
  if (source[start + 2] === '-') {
    out.pushText('—');
    return start + 3;
  }
  out.pushText('–');
  return start + 2;
}

/**
 * `~` ties words in LaTeX (`Fig.~3`); elsewhere in prose it usually means "about" (`~30%`),
 * so only a tilde between a letter or period and a word becomes a no-break space.
 */
function scanTilde(source: string, start: number, out: PhrasingBuilder): number | null {
  const before = out.lastChar();
  const after = source[start + 1] ?? '';
  if ((isAsciiLetter(before) || before === '.') && (isAsciiLetter(after) || isDigit(after) || after === '\\')) {
    out.pushText('\u00a0');
    return start + 1;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// The unified plugin
// ---------------------------------------------------------------------------------------------

/**
 * Rewrites LaTeX leftovers in every text node (outside links and code) into Unicode text,
 * `strong` / `emphasis` / `inlineCode`, and `subscript` / `superscript` nodes.
 */
export const remarkLatexText: Plugin<[], Root> = function remarkLatexText() {
  return (tree: Root) => {
    visit(tree, 'text', (node, index, parent) => {
      if (parent === undefined || index === undefined || parent.type === 'link') return;
      if (!mayContainLatex(node.value)) return;
      const replacement = parseLatexInline(node.value);
      parent.children.splice(index, 1, ...(replacement as typeof parent.children));
      return [SKIP, index + replacement.length];
    });
  };
};

/** Command names by what the cleaner does with them, and the accent commands' combining marks. */

/** Commands that only change layout or size; they print nothing. */
export const IGNORED_COMMANDS: ReadonlySet<string> = new Set([
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
export const DROPPED_COMMANDS: ReadonlySet<string> = new Set([
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
export const BOLD_COMMANDS: ReadonlySet<string> = new Set(['textbf', 'mathbf', 'boldsymbol', 'bm', 'pmb', 'mathbold']);
export const ITALIC_COMMANDS: ReadonlySet<string> = new Set(['emph', 'textit', 'mathit', 'textsl']);
export const CODE_COMMANDS: ReadonlySet<string> = new Set(['texttt', 'mathtt', 'code']);
export const PLAIN_FONT_COMMANDS: ReadonlySet<string> = new Set([
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
export const LETTER_FONT_COMMANDS: ReadonlySet<string> = new Set(['mathbb', 'mathbbm', 'mathcal', 'mathscr', 'mathfrak']);

/** Bare command names (backslash lost in copying) that are recognised in prose. */
export const BARE_FONT_WORDS: ReadonlySet<string> = new Set(['mathbf', 'boldsymbol', 'mathbb', 'mathcal', 'mathrm']);

/** Accent commands → combining marks. Composed afterwards with NFC. */
export const ACCENTS: Readonly<Record<string, string>> = {
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
export const MATH_ACCENTS: Readonly<Record<string, string>> = {
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
export const ESCAPED_CHARACTERS = '%&_#${}|';

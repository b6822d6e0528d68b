/**
 * BibTeX for papers on the list.
 *
 * A listing gives only a title, an abstract and our own page: such an entry is `@misc` with the
 * page as `howpublished = {\url{…}}`, and authors and year are never invented. What richer seeds
 * tell (authors, date, arXiv id, DOI, venue, and the entry type the source gives) is written
 * in the fields reference managers read: `author`, `year`, `month`, `eprint`/`archivePrefix`/
 * `primaryClass`, `doi`, `url`, `journal`/`booktitle`.
 *
 * Pure and free of Node-only imports: the reader's list page (/my-list/) runs this in the browser.
 */
import { hexHash } from './hash.ts';
import { foldToAscii } from '../text/ascii.ts';
import type { PaperIdentity } from '../types.ts';
import { directLinks } from '../citation.ts';

/** What an entry is made from. `url` is the paper page's absolute address; the rest is optional. */
export interface BibtexPaper extends Partial<PaperIdentity> {
  id: string;
  title: string;
  abstract: string | null;
  url: string;
}

export interface BibtexOptions {
  /** Text for the `note` field (plain text; escaped here). Omitted when absent or empty. */
  note?: string;
}

const KEY_HASH_LENGTH = 6;
const KEY_WORD_MAX = 20;

/** Words that make poor key prefixes: a key starts with the first title word not in this list. */
const KEY_STOPWORDS = new Set(
  (
    'a an the of on in for to and or with without via from by at as is are be do does did how what why when ' +
    'where which who can could should we you your our their its not no into onto over under towards toward ' +
    'beyond about through across between vs versus all any more less'
  ).split(' '),
);

/** ASCII letters and digits of a word: accents folded (é → e), everything else dropped. */
function asciiWord(word: string): string {
  return foldToAscii(word).replace(/[^a-z0-9]/g, '');
}

/**
 * The first significant title word as an ASCII key prefix: not a stop word, more than one letter
 * (`What's` counts as `whats`); `paper` when the title has no ASCII-foldable word (e.g. CJK).
 */
export function keyWord(title: string): string {
  const words = title
    .replace(/['’‘]/gu, '')
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .map(asciiWord)
    .filter((w) => /[a-z]/.test(w));
  const significant = (w: string) => !KEY_STOPWORDS.has(w);
  const word = words.find((w) => w.length > 1 && significant(w)) ?? words.find(significant) ?? words[0] ?? 'paper';
  return word.slice(0, KEY_WORD_MAX);
}

/**
 * A stable citation key: first significant title word + short hash of the paper id,
 * e.g. `improving-3fa2b1`. ASCII letters, digits and one hyphen; depends only on the paper.
 * Two papers can (very rarely) share one; `bibtexKeys` resolves that over a whole list.
 */
export function bibtexKey(paper: { id: string; title: string }, hashLength = KEY_HASH_LENGTH): string {
  return `${keyWord(paper.title)}-${hexHash(paper.id, hashLength)}`;
}

/**
 * Keys for a whole list, unique, keyed by paper id. Deterministic whatever the input order:
 * when papers share a key, the one with the smallest id (code-point order) keeps it and the
 * others get a longer hash (then a numeric suffix, should even 14 hex digits collide).
 * Per-topic files should use the keys of the whole list, so a paper has one key everywhere.
 */
export function bibtexKeys(papers: readonly { id: string; title: string }[]): Map<string, string> {
  const sorted = [...papers].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const byKey = new Map<string, typeof sorted>();
  for (const paper of sorted) {
    const key = bibtexKey(paper);
    byKey.set(key, [...(byKey.get(key) ?? []), paper]);
  }
  const taken = new Set(byKey.keys());
  const keys = new Map<string, string>();
  for (const [key, [first, ...others]] of byKey) {
    keys.set(first.id, key);
    for (const paper of others) {
      let length = KEY_HASH_LENGTH;
      let candidate = key;
      while (taken.has(candidate) && length < 14) candidate = bibtexKey(paper, ++length);
      for (let n = 2; taken.has(candidate); n++) candidate = `${bibtexKey(paper, 14)}-${n}`;
      taken.add(candidate);
      keys.set(paper.id, candidate);
    }
  }
  return keys;
}

const SPECIAL: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '%': '\\%',
  '&': '\\&',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '^': '\\textasciicircum{}',
  '~': '\\textasciitilde{}',
  // In LaTeX's default OT1 font encoding `<` and `>` typeset as ¡ and ¿.
  '<': '\\textless{}',
  '>': '\\textgreater{}',
};

/**
 * Plain text as the inside of a braced BibTeX field: LaTeX specials escaped, ligatures broken, white space
 * folded to single spaces (a field must not hold blank lines), control characters dropped.
 * Non-ASCII stays as UTF-8, which biber and bibtex8/bibtexu read.
 */
export function escapeBibtex(text: string): string {
  return (
    text
      .normalize('NFC')
      // eslint-disable-next-line no-control-regex -- control characters have no place in a .bib file
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
      .replace(/\s+/gu, ' ')
      .trim()
      .replace(/[\\{}%&$#_^~<>]/g, (c) => SPECIAL[c])
      // TeX ligatures would turn `--` into a dash, `''` into a quote and ?` into ¿: break them up.
      .replace(/-(?=-)/g, '-{}')
      .replace(/'(?=')/g, "'{}")
      .replace(/([`!?])(?=`)/g, '$1{}')
  );
}

/**
 * A title for BibTeX with its capitalisation protected, so a style that changes case keeps
 * what must stay. Words with a capital after the first character of any hyphenated part
 * (acronyms and mixed case: `LLaMA`, `GPT-4o`, `RT-H`, `3D`) are always braced. In a title written in sentence case, a capital
 * that starts any word but the first marks a proper noun (`a Bayesian view`), so those are
 * braced too; in Title Case they are left alone, letting styles lower-case them.
 */
export function protectTitle(title: string): string {
  const words = title.normalize('NFC').replace(/\s+/gu, ' ').trim().split(' ').filter(Boolean);
  const startsUpper = (w: string) => /^[^\p{L}\p{N}]*\p{Lu}/u.test(w);
  // Per hyphenated part, so Title-Case compounds (`Expert-Guided`) are not taken for acronyms.
  const innerUpper = (w: string) => w.split(/[-‐–/]/u).some((part) => /^[^\p{L}\p{N}]*[\p{L}\p{N}].*\p{Lu}/u.test(part));
  // Judge the case style by the longer words: short function words are lower case either way.
  const long = words.slice(1).filter((w) => w.replace(/[^\p{L}]/gu, '').length > 3);
  const capitalised = long.filter(startsUpper).length;
  const sentenceCase = long.length > 0 && capitalised / long.length <= 0.5;
  return words
    .map((word, index) => {
      const escaped = escapeBibtex(word);
      const protect = innerUpper(word) || (sentenceCase && index > 0 && startsUpper(word));
      if (!protect) return escaped;
      // `{\…}` would be a BibTeX "special character" whose letters styles may still re-case.
      return escaped.startsWith('\\') ? `{{${escaped}}}` : `{${escaped}}`;
    })
    .join(' ');
}

/** A URL for `\url{…}`: characters that would break the field are escaped or percent-encoded. */
export function escapeUrl(url: string): string {
  return url.trim().replace(/[\s{}\\"%#]/g, (c) => (c === '%' || c === '#' ? `\\${c}` : encodeURIComponent(c)));
}

function field(name: string, value: string): string {
  return `  ${name} = {${value}}`;
}

const MONTH_MACROS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** An author for `author = {… and …}`: a name holding " and " (a committee, a company) is braced whole. */
const bibtexName = (name: string) => (/\band\b/i.test(name) ? `{${escapeBibtex(name)}}` : escapeBibtex(name));

/** Where a venue goes for each entry type; other types carry it in `note`. */
const VENUE_FIELD: Record<string, string> = { article: 'journal', inproceedings: 'booktitle', incollection: 'booktitle' };

/** One entry, of the type its source gives (`@misc` without one). `key` defaults to `bibtexKey(paper)`; use `bibtexKeys` for a list. */
export function bibtexEntry(paper: BibtexPaper, key = bibtexKey(paper), options: BibtexOptions = {}): string {
  const type = paper.kind ?? 'misc';
  const fields = [field('title', protectTitle(paper.title))];
  if (paper.authors?.length) {
    fields.push(field('author', [...paper.authors.map(bibtexName), ...(paper.moreAuthors ? ['others'] : [])].join(' and ')));
  }
  if (paper.date) {
    fields.push(field('year', paper.date.slice(0, 4)));
    const month = Number(paper.date.slice(5, 7));
    if (month) fields.push(`  month = ${MONTH_MACROS[month - 1]}`);
  }
  const notes = [options.note?.trim()];
  if (paper.venue) {
    if (VENUE_FIELD[type]) fields.push(field(VENUE_FIELD[type], escapeBibtex(paper.venue)));
    else notes.push(paper.venue);
  }
  if (paper.arxiv) {
    fields.push(field('eprint', paper.arxiv), field('archivePrefix', 'arXiv'));
    if (paper.primaryClass) fields.push(field('primaryClass', escapeBibtex(paper.primaryClass)));
  }
  if (paper.doi) fields.push(field('doi', escapeBibtex(paper.doi)));
  const direct = directLinks(paper).find((link) => link.kind === 'arxiv' || link.kind === 'doi');
  if (direct) fields.push(field('url', escapeUrl(direct.url)));
  if (type === 'misc') fields.push(field('howpublished', `\\url{${escapeUrl(paper.url)}}`));
  const note = notes.filter(Boolean).join('; ');
  if (note) fields.push(field('note', escapeBibtex(note)));
  if (paper.abstract?.trim()) fields.push(field('abstract', escapeBibtex(paper.abstract)));
  return `@${type}{${key},\n${fields.join(',\n')}\n}\n`;
}

/** A whole `.bib` file: entries in the given order, keys unique (see `bibtexKeys`). */
export function bibtexEntries(papers: readonly BibtexPaper[], options: BibtexOptions & { keys?: Map<string, string> } = {}): string {
  const keys = options.keys ?? bibtexKeys(papers);
  return papers.map((paper) => bibtexEntry(paper, keys.get(paper.id) ?? bibtexKey(paper), options)).join('\n');
}

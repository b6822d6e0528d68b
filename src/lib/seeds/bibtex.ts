/**
 * BibTeX as Zotero, Google Scholar, arXiv and DBLP export it, read with @retorquere/bibtex-parser
 * (the parser behind Better BibTeX): its structural parser finds the entries, applies `@string`
 * macros and recovers after a broken entry; its TeX converter turns `Sch{\"o}lkopf` into
 * Schölkopf and splits names by BibTeX's rules. The converter is slow (a PEG parse of every
 * field), so it runs only on the title, author and venue fields that hold TeX other than
 * accents (bibtex-accents.ts turns those into Unicode); plain fields (most of them) only lose
 * their protective braces, and a plain author list is split by the same rules in
 * bibtex-names.ts. Abstracts keep their TeX: the abstract renderer cleans it.
 */
import { parse, type Creator } from '@retorquere/bibtex-parser';
import type { PublicationKind, SeedRecord } from '../types.ts';
import { normaliseDate, partialDate } from './dates.ts';
import { arxivIdOfDoi, findArxivId, findDoi, normaliseArxivId, normaliseDoi } from './ids.ts';
import { simpleTexToUnicode } from './bibtex-accents.ts';
import { bibtexNames, type AuthorNames } from './bibtex-names.ts';
import { parseVerbatim, type VerbatimEntry } from './bibtex-verbatim.ts';
import { cleanText, LineCounter, reporter, type ParsedSeedFile } from './record.ts';
import { isPreprintVenue } from './venue.ts';

/** Does this text look like BibTeX? An entry (`@article{`) at the start of a line. Used by the sniffer. */
export function looksLikeBibtex(text: string): boolean {
  return /^[ \t]*@[a-z]+[ \t]*[{(]/im.test(text.slice(0, 20_000));
}

const KINDS: Record<string, PublicationKind> = {
  article: 'article',
  inproceedings: 'inproceedings',
  conference: 'inproceedings',
  book: 'book',
  incollection: 'incollection',
  inbook: 'incollection',
  phdthesis: 'phdthesis',
  mastersthesis: 'phdthesis',
  thesis: 'phdthesis',
  techreport: 'techreport',
  report: 'techreport',
};

/** Whole volumes, not papers: reported and not listed. */
const VOLUMES = new Set(['proceedings', 'mvproceedings', 'collection', 'mvcollection', 'periodical']);
/** Fields a paper's record is made of; only these are converted from TeX (author names one by one). */
const TEXT_FIELDS = ['title', 'journal', 'journaltitle', 'booktitle', 'primaryclass'] as const;
/** A crossref child takes these from its parent volume when it lacks them. */
const INHERITED: Record<string, string> = { booktitle: 'title', year: 'year', month: 'month', date: 'date' };

/** Characters that make a value TeX rather than text (commands, math, specials). */
const TEX = /[\\$%^_&#]/;

/** TeX's ligatures and ties in otherwise plain text, as @retorquere/bibtex-parser renders them. */
function plainTex(value: string): string {
  return value
    .replace(/[{}]/g, '')
    .replace(/---/g, '—')
    .replace(/--/g, '–')
    .replace(/``/g, '“')
    .replace(/''/g, '”')
    .replace(/~/g, ' ');
}

/**
 * The parser marks up rich text with a few HTML tags of its own (`<i>`, `<sup>`, small caps);
 * the site wants plain text, so those tags (and only those) are dropped.
 */
const PARSER_MARKUP = /<\/?(?:i|b|sup|sub|p|em|strong|tt|code)>|<span(?: (?:class|style)="[^"]*")?>|<\/span>|<a href="[^"]*">|<\/a>/g;

/** The TeX converter's output as plain text. */
function clean(value: string | undefined): string | null {
  if (typeof value !== 'string') return null;
  // `\'\i` gives a dotless i with an accent; the dotted letter composes (Ga\'\il → Gaíl).
  const text = cleanText(value.replace(PARSER_MARKUP, ' ').replace(/ı(?=\p{M})/gu, 'i'));
  return text === '' ? null : text.replace(/ ([,.;:!?])/g, '$1');
}

/** A plain field (no TeX, or TeX already in Unicode) as text; `finish` is the TeX converter's clean-up for the latter. */
function plainText(value: string, finish: (text: string) => string | null = (text) => cleanText(text) || null): string | null {
  return finish(plainTex(value));
}

function creatorName(creator: Creator): string {
  if (creator.name) return clean(creator.name) ?? '';
  return [creator.firstName, creator.prefix, creator.lastName, creator.suffix].flatMap((part) => clean(part) ?? []).join(' ');
}

/**
 * An abstract keeps its TeX for the abstract renderer, which turns `$\alpha$` and `\"o` into
 * Unicode; braces that only protect case (`{GPT-4}`) go, braces of a command (`\emph{x}`) stay.
 */
function abstractText(value: string | undefined): string | null {
  if (!value) return null;
  if (!value.includes('{')) return cleanText(value) || null;
  const kept: boolean[] = [];
  let text = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '{') {
      const keep = /\\(?:[a-zA-Z]+|.)\s*$/.test(value.slice(Math.max(0, i - 20), i)) || (kept.at(-1) ?? false);
      kept.push(keep);
      if (keep) text += c;
    } else if (c === '}') {
      if (kept.pop()) text += c;
    } else {
      text += c;
    }
  }
  return cleanText(text) || null;
}

const PARSE_OPTIONS = { english: false, sentenceCase: false, unsupported: 'ignore' } as const;
const NAMES_PER_ENTRY = 20;

/** Author names with TeX, converted once (names recur across a library and across files). */
const texNames = new Map<string, string>();

/**
 * A file's values that hold TeX, converted in one run of the TeX converter (each run has a
 * fixed cost of about a millisecond, so one run per value would dominate reading a file).
 */
class TexBatch {
  private readonly fields = new Map<number, [string, string][]>();
  private readonly names = new Set<string>();
  private converted = new Map<number, Record<string, unknown>>();
  /** Values whose TeX is only accents and the like, converted on the spot (bibtex-accents.ts), by entry and field. */
  private readonly simple = new Map<string, string | null>();

  add(entry: number, field: string, raw: string): void {
    const simple = simpleTexToUnicode(raw);
    if (simple !== null) this.simple.set(`${entry} ${field}`, plainText(simple, clean));
    else this.fields.set(entry, [...(this.fields.get(entry) ?? []), [field, raw]]);
  }

  addName(raw: string): void {
    if (texNames.has(raw)) return;
    const simple = simpleTexToUnicode(raw);
    const names = simple === null ? null : bibtexNames(simple).names;
    if (names?.length === 1 && 'name' in names[0]) texNames.set(raw, plainText(names[0].name, clean) ?? '');
    else this.names.add(raw);
  }

  run(): void {
    const names = [...this.names];
    // Names go NAMES_PER_ENTRY to an entry: the converter slows down on long author lists.
    const groups = Array.from({ length: Math.ceil(names.length / NAMES_PER_ENTRY) }, (_, g) => names.slice(g * NAMES_PER_ENTRY, (g + 1) * NAMES_PER_ENTRY));
    const source = [...this.fields]
      .map(([entry, fields]) => `@misc{f${entry},\n${fields.map(([name, raw]) => `  ${name} = {${raw}}`).join(',\n')}\n}`)
      .concat(groups.map((group, g) => `@misc{n${g},\n  author = {${group.join(' and ')}}\n}`))
      .join('\n');
    if (source === '') return;
    const library = parse(source, PARSE_OPTIONS);
    for (const entry of library.entries) {
      if (entry.key.startsWith('f')) this.converted.set(Number(entry.key.slice(1)), entry.fields);
    }
    const creators = new Map(library.entries.map((entry) => [entry.key, entry.fields.author ?? []]));
    groups.forEach((group, g) => {
      const converted = creators.get(`n${g}`) ?? [];
      // One creator per name, in order; if the parser read the group otherwise, name by name.
      group.forEach((raw, i) => {
        const creator = converted.length === group.length ? converted[i] : parse(`@misc{n, author = {${raw}}}`, PARSE_OPTIONS).entries[0]?.fields.author?.[0];
        texNames.set(raw, creator ? creatorName(creator) : (plainText(raw) ?? ''));
      });
    });
  }

  /** A converted field, or null if the converter gave nothing for it. */
  field(entry: number, field: string): string | null {
    const simple = this.simple.get(`${entry} ${field}`);
    if (simple !== undefined) return simple;
    const value = this.converted.get(entry)?.[field];
    return typeof value === 'string' ? clean(value) : null;
  }
}

interface TextFields {
  title: string | null;
  authors: string[];
  moreAuthors: boolean;
  venue: string | null;
  primaryClass: string | null;
}

/** Registers an entry's TeX values with the batch; `textFields` reads them back after `run`. */
function collectTex(entry: number, fields: Record<string, string>, names: AuthorNames, batch: TexBatch): void {
  for (const name of TEXT_FIELDS) if (fields[name] !== undefined && TEX.test(fields[name])) batch.add(entry, name, fields[name]);
  for (const name of names.names) if ('tex' in name) batch.addName(name.tex);
}

/** The title, authors and venue in plain text: TeX-free fields directly, the others from the batch. */
function textFields(entry: number, fields: Record<string, string>, names: AuthorNames, batch: TexBatch): TextFields {
  const text = (name: (typeof TEXT_FIELDS)[number]): string | null => {
    if (fields[name] === undefined) return null;
    return TEX.test(fields[name]) ? (batch.field(entry, name) ?? plainText(fields[name])) : plainText(fields[name]);
  };
  return {
    title: text('title'),
    authors: names.names.map((name) => ('tex' in name ? (texNames.get(name.tex) ?? '') : (plainText(name.name) ?? ''))).filter(Boolean),
    moreAuthors: names.more,
    venue: text('journal') ?? text('journaltitle') ?? text('booktitle'),
    primaryClass: text('primaryclass'),
  };
}

function entryDate(fields: Record<string, string>): string | null {
  const date = fields.date?.split('/')[0];
  if (date) return normaliseDate(date);
  const year = /\d{4}/.exec(fields.year ?? '')?.[0];
  if (!year) return null;
  const month = Number(fields.month);
  const day = Number(fields.day);
  return partialDate(Number(year), Number.isInteger(month) ? month : null, Number.isInteger(day) ? day : null) ?? year;
}

/** The entry's own arXiv id: its eprint, or one hidden in the note, journal, URL… never its abstract. */
function entryArxiv(fields: Record<string, string>, doi: string | null): string | null {
  const prefix = (fields.archiveprefix ?? fields.eprinttype ?? '').toLowerCase();
  const eprint = fields.eprint && (prefix === '' || prefix === 'arxiv') ? normaliseArxivId(fields.eprint) : null;
  const corr = fields.journal === 'CoRR' && fields.volume ? normaliseArxivId(fields.volume.replace(/^abs\//, '')) : null;
  return (
    eprint ??
    (doi && arxivIdOfDoi(doi)) ??
    (fields.arxivid ? normaliseArxivId(fields.arxivid) : null) ??
    corr ??
    [fields.note, fields.journal, fields.url, fields.howpublished, fields.pages].map(findArxivId).find(Boolean) ??
    null
  );
}

function toRecord(entry: VerbatimEntry, text: TextFields, fields: Record<string, string>, file: string, line: number): SeedRecord | null {
  if (!text.title) return null;
  const preprint = isPreprintVenue(text.venue);
  const doi = (fields.doi ? normaliseDoi(fields.doi) : null) ?? findDoi(fields.url);
  const kind = KINDS[entry.type] ?? 'misc';
  return {
    title: text.title,
    abstract: abstractText(fields.abstract),
    day: null,
    file,
    line,
    format: 'bibtex',
    key: entry.key,
    authors: text.authors,
    ...(text.moreAuthors ? { moreAuthors: true } : {}),
    date: entryDate(fields),
    arxiv: entryArxiv(fields, doi),
    doi,
    venue: preprint ? null : text.venue,
    kind: preprint && kind === 'article' ? 'misc' : kind,
    primaryClass: text.primaryClass,
  };
}

export function readBibtex(text: string, file: string, parsed: ParsedSeedFile): void {
  const { warn, error } = reporter(file, parsed.diagnostics);
  const library = parseVerbatim(text);
  const lines = new LineCounter(text);
  // A broken entry appears among the entries with no source text, in the same order as the errors.
  const brokenKeys = library.entries.filter((e) => e.input === '').map((e) => e.key);
  for (const [index, failure] of library.errors.entries()) {
    const key = library.errors.length === brokenKeys.length ? brokenKeys[index] : undefined;
    const at = failure.input ? text.indexOf(failure.input) : -1;
    const reason = failure.error.split('\n')[0].replace(/ at line \d+, column \d+/, '');
    error(at === -1 ? undefined : new LineCounter(text).lineAt(at), `malformed BibTeX entry${key ? ` "${key}"` : ''} (${reason}); entry skipped, the others are kept`);
  }
  const complete = library.entries.filter((entry) => entry.input !== ''); // broken ones: reported above, never made into papers
  const byKey = new Map(complete.map((entry) => [entry.key.toLowerCase(), entry]));
  const parents = new Set(complete.flatMap((entry) => (entry.fields.crossref ? [entry.fields.crossref.toLowerCase()] : [])));
  // Entries and errors come in file order; each entry's source text gives its line.
  let from = 0;
  const papers: { entry: VerbatimEntry; fields: Record<string, string>; names: AuthorNames; line: number }[] = [];
  for (const entry of complete) {
    const at = text.indexOf(entry.input, from);
    if (at !== -1) from = at;
    const line = at === -1 ? 1 : lines.lineAt(at);
    if (VOLUMES.has(entry.type) || parents.has(entry.key.toLowerCase())) {
      warn(line, `@${entry.type}{${entry.key}} is a volume (or the crossref parent of other entries), not a paper; not listed`);
      continue;
    }
    const parent = entry.fields.crossref ? byKey.get(entry.fields.crossref.toLowerCase()) : undefined;
    const fields = { ...entry.fields };
    for (const [child, from] of Object.entries(INHERITED)) if (parent && fields[child] === undefined && parent.fields[from] !== undefined) fields[child] = parent.fields[from];
    papers.push({ entry, fields, names: fields.author === undefined ? { names: [], more: false } : bibtexNames(fields.author), line });
  }
  const batch = new TexBatch();
  papers.forEach(({ fields, names }, index) => collectTex(index, fields, names, batch));
  batch.run();
  papers.forEach(({ entry, fields, names, line }, index) => {
    const record = toRecord(entry, textFields(index, fields, names, batch), fields, file, line);
    if (record) parsed.records.push(record);
    else error(line, `BibTeX entry "${entry.key}" has no title; skipped`);
  });
  if (library.entries.length === 0 && library.errors.length === 0) {
    parsed.diagnostics.push({ severity: 'warning', file, message: 'BibTeX file without entries: no papers found' });
  }
}

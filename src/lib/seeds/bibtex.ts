/**
 * BibTeX as Zotero, Google Scholar, arXiv and DBLP export it, read with @retorquere/bibtex-parser
 * (the parser behind Better BibTeX): its structural parser finds the entries, applies `@string`
 * macros and recovers after a broken entry; its TeX converter turns `Sch{\"o}lkopf` into
 * Schölkopf and splits names by BibTeX's rules. The converter is slow (a PEG parse of every
 * field), so it runs only on the title, author and venue fields that hold TeX; plain fields
 * (most of them) only lose their protective braces, and a plain author list is split by the
 * same rules in bibtex-names.ts. Abstracts keep their TeX: the abstract renderer cleans it.
 */
import { parse, type Creator } from '@retorquere/bibtex-parser';
import type { PublicationKind, SeedRecord } from '../types.ts';
import { normaliseDate, partialDate } from './dates.ts';
import { arxivIdOfDoi, findArxivId, findDoi, normaliseArxivId, normaliseDoi } from './ids.ts';
import { bibtexNames } from './bibtex-names.ts';
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

function clean(value: string | undefined): string | null {
  if (typeof value !== 'string') return null;
  // `\'\i` gives a dotless i with an accent; the dotted letter composes (Ga\'\il → Gaíl).
  const text = cleanText(value.replace(PARSER_MARKUP, ' ').replace(/ı(?=\p{M})/gu, 'i'));
  return text === '' ? null : text.replace(/ ([,.;:!?])/g, '$1');
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
  return clean(text);
}

interface TextFields {
  title: string | null;
  authors: string[];
  moreAuthors: boolean;
  venue: string | null;
  primaryClass: string | null;
}

/** The TeX converter on a few fields, through a one-entry library. */
const convertTex = (fields: [string, string][]) =>
  parse(`@misc{x,\n${fields.map(([name, value]) => `  ${name} = {${value}}`).join(',\n')}\n}`, {
    english: false,
    sentenceCase: false,
    unsupported: 'ignore',
  }).entries[0]?.fields;

/**
 * One author name with TeX in it (`Sch{\"o}lkopf, Bernhard`), converted once: names recur across
 * a library, and the converter is the costly part of reading one.
 */
const texNames = new Map<string, string>();
function texName(raw: string): string {
  let name = texNames.get(raw);
  if (name === undefined) {
    const [creator] = convertTex([['author', raw]])?.author ?? [];
    name = creator ? creatorName(creator) : (clean(plainTex(raw)) ?? '');
    texNames.set(raw, name);
  }
  return name;
}

/** The title, authors and venue in plain text: TeX-free fields directly, the others through the TeX converter. */
function textFields(fields: Record<string, string>): TextFields {
  const withTex = TEXT_FIELDS.filter((name) => fields[name] !== undefined && TEX.test(fields[name]));
  const converted = withTex.length === 0 ? undefined : convertTex(withTex.map((name) => [name, fields[name]]));
  const text = (name: (typeof TEXT_FIELDS)[number]): string | null => {
    if (fields[name] === undefined) return null;
    const value = converted ? converted[name] : undefined;
    return clean(typeof value === 'string' ? value : plainTex(fields[name]));
  };
  const names = fields.author === undefined ? { names: [], more: false } : bibtexNames(fields.author, texName);
  return {
    title: text('title'),
    authors: names.names.map((name) => clean(plainTex(name)) ?? '').filter(Boolean),
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

function toRecord(entry: VerbatimEntry, fields: Record<string, string>, file: string, line: number): SeedRecord | null {
  const text = textFields(fields);
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
    const record = toRecord(entry, fields, file, line);
    if (record) parsed.records.push(record);
    else error(line, `BibTeX entry "${entry.key}" has no title; skipped`);
  }
  if (library.entries.length === 0 && library.errors.length === 0) {
    parsed.diagnostics.push({ severity: 'warning', file, message: 'BibTeX file without entries: no papers found' });
  }
}

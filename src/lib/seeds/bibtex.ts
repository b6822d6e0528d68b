/**
 * BibTeX as Zotero, Google Scholar, arXiv and DBLP export it, read with @retorquere/bibtex-parser
 * (the parser behind Better BibTeX): TeX accents become Unicode (`Sch{\"o}lkopf` → Schölkopf),
 * names are split by BibTeX's rules, `@string` macros and crossref are applied, and a broken
 * entry is reported while the parser carries on with the next one.
 */
import { parse, type Creator, type Entry } from '@retorquere/bibtex-parser';
import type { PublicationKind, SeedRecord } from '../types.ts';
import { normaliseDate, partialDate } from './dates.ts';
import { arxivIdOfDoi, findArxivId, findDoi, normaliseArxivId, normaliseDoi } from './ids.ts';
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

/** Whole volumes, not papers: listed only when they are not the crossref parent of other entries. */
const VOLUMES = new Set(['proceedings', 'mvproceedings', 'collection', 'mvcollection', 'periodical']);

/**
 * The parser marks up rich text with a few HTML tags of its own (`<i>`, `<sup>`, small caps);
 * the site wants plain text, so those tags (and only those) are dropped.
 */
const PARSER_MARKUP = /<\/?(?:i|b|sup|sub|p|em|strong|tt|code)>|<span(?: (?:class|style)="[^"]*")?>|<\/span>|<a href="[^"]*">|<\/a>/g;

function plain(value: string | undefined): string | null {
  if (typeof value !== 'string') return null;
  // `\'\i` gives a dotless i with an accent; the dotted letter composes (Ga\'\il → Gaíl).
  const text = cleanText(value.replace(PARSER_MARKUP, ' ').replace(/ı(?=\p{M})/gu, 'i'));
  return text === '' ? null : text.replace(/ ([,.;:!?])/g, '$1');
}

function creatorName(creator: Creator): string {
  if (creator.name) return plain(creator.name) ?? '';
  return [creator.firstName, creator.prefix, creator.lastName, creator.suffix ? `${creator.suffix}` : undefined]
    .flatMap((part) => plain(part) ?? [])
    .join(' ');
}

function entryDate(fields: Entry['fields']): string | null {
  const date = fields.date?.split('/')[0];
  if (date) return normaliseDate(date);
  const year = /\d{4}/.exec(fields.year ?? '')?.[0];
  if (!year) return null;
  const month = Number(fields.month);
  const day = Number(fields.day);
  return partialDate(Number(year), Number.isInteger(month) ? month : null, Number.isInteger(day) ? day : null) ?? year;
}

/** The entry's own arXiv id: its eprint, or one hidden in the note, journal, URL… never its abstract. */
function entryArxiv(fields: Entry['fields'], doi: string | null): string | null {
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

function toRecord(entry: Entry, file: string, line: number): SeedRecord | null {
  const { fields } = entry;
  const title = plain(fields.title);
  if (!title) return null;
  const authors = fields.author ?? [];
  const moreAuthors = authors.some((a) => !a.firstName && a.lastName === 'others');
  const venueField = plain(fields.journal ?? fields.journaltitle ?? fields.booktitle);
  const preprint = isPreprintVenue(venueField);
  const doi = (fields.doi ? normaliseDoi(fields.doi) : null) ?? findDoi(fields.url);
  const kind = KINDS[entry.type] ?? 'misc';
  return {
    title,
    abstract: plain(fields.abstract),
    day: null,
    file,
    line,
    format: 'bibtex',
    key: entry.key,
    authors: authors.filter((a) => a.firstName || a.lastName !== 'others').map(creatorName).filter(Boolean),
    ...(moreAuthors ? { moreAuthors } : {}),
    date: entryDate(fields),
    arxiv: entryArxiv(fields, doi),
    doi,
    venue: preprint ? null : venueField,
    kind: preprint && kind === 'article' ? 'misc' : kind,
    primaryClass: plain(fields.primaryclass),
  };
}

export function readBibtex(text: string, file: string, parsed: ParsedSeedFile): void {
  const { warn, error } = reporter(file, parsed.diagnostics);
  const library = parse(text, { english: false, sentenceCase: false, unsupported: 'ignore', applyCrossRef: true });
  const lines = new LineCounter(text);
  // Entries and errors come in file order; each knows its own source text, which gives its line.
  let from = 0;
  const lineOf = (input: string | undefined) => {
    const at = input ? text.indexOf(input, from) : -1;
    if (at === -1) return undefined;
    from = at;
    return lines.lineAt(at);
  };
  // A broken entry appears among the entries with no source text, in the same order as the errors.
  const brokenKeys = library.entries.filter((e) => e.input === '').map((e) => e.key);
  const errors = library.errors.map((e) => ({ ...e, at: e.input ? text.indexOf(e.input) : -1 }));
  for (const [index, failure] of errors.entries()) {
    const key = errors.length === brokenKeys.length ? brokenKeys[index] : undefined;
    const line = failure.at === -1 ? undefined : new LineCounter(text).lineAt(failure.at);
    const reason = failure.error.split('\n')[0].replace(/ at line \d+, column \d+/, '');
    error(line, `malformed BibTeX entry${key ? ` "${key}"` : ''} (${reason}); entry skipped, the others are kept`);
  }
  for (const entry of library.entries) {
    if (entry.input === '') continue; // broken: reported above, never made into a paper
    const line = lineOf(entry.input) ?? 1;
    if (VOLUMES.has(entry.type) || entry.crossref?.donated.length) {
      warn(line, `@${entry.type}{${entry.key}} is a volume (or the crossref parent of other entries), not a paper; not listed`);
      continue;
    }
    const record = toRecord(entry, file, line);
    if (record) parsed.records.push(record);
    else error(line, `BibTeX entry "${entry.key}" has no title; skipped`);
  }
  if (library.entries.length === 0 && library.errors.length === 0) {
    parsed.diagnostics.push({ severity: 'warning', file, message: 'BibTeX file without entries: no papers found' });
  }
}

/**
 * CSL-JSON (Zotero's "Export as CSL JSON", pandoc, citeproc): an array of items with `title`,
 * `author` (`{ family, given }` or `{ literal }`), `issued` (`date-parts` or `raw`), `abstract`,
 * `DOI`, `URL`, `container-title`, `type`.
 */
import type { PublicationKind, SeedRecord } from '../types.ts';
import { normaliseDate, partialDate } from './dates.ts';
import { arxivIdOfDoi, findArxivId, findDoi, normaliseArxivId, normaliseDoi } from './ids.ts';
import type { JsonItem } from './json-items.ts';
import { reporter, textOf, unwrap, type ParsedSeedFile } from './record.ts';
import { isPreprintVenue } from './venue.ts';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Does this JSON value look like a CSL-JSON item? Used by the sniffer. */
export function isCslItem(value: unknown): boolean {
  return isObject(value) && typeof value.type === 'string' && ('title' in value || 'author' in value || 'issued' in value);
}

const KINDS: Record<string, PublicationKind> = {
  'article-journal': 'article',
  'article-magazine': 'article',
  'article-newspaper': 'article',
  'paper-conference': 'inproceedings',
  book: 'book',
  chapter: 'incollection',
  thesis: 'phdthesis',
  report: 'techreport',
};

function authorName(author: unknown): string | null {
  if (!isObject(author)) return null;
  const literal = textOf(author.literal);
  if (literal) return literal;
  const parts = [author.given, author['dropping-particle'], author['non-dropping-particle'], author.family, author.suffix];
  const name = parts.flatMap((part) => textOf(part) ?? []).join(' ');
  return name || null;
}

/** `issued`: `{ "date-parts": [[2013, 12, 19]] }`, or `{ raw: "2013-12-19" }`, or a string. */
function issuedDate(issued: unknown): string | null {
  if (typeof issued === 'string') return normaliseDate(issued);
  if (!isObject(issued)) return null;
  const parts = issued['date-parts'];
  if (Array.isArray(parts) && Array.isArray(parts[0])) {
    const [year, month, day] = (parts[0] as unknown[]).map((part) => Number(part));
    return partialDate(year, month, day);
  }
  return normaliseDate(typeof issued.raw === 'string' ? issued.raw : null);
}

export function readCslItems(items: readonly JsonItem[], file: string, parsed: ParsedSeedFile): void {
  const { error } = reporter(file, parsed.diagnostics);
  for (const { value, line } of items) {
    if (!isObject(value)) {
      error(line, 'item is not a JSON object; skipped');
      continue;
    }
    const key = typeof value.id === 'string' || typeof value.id === 'number' ? String(value.id) : undefined;
    const title = textOf(value.title);
    if (!title) {
      error(line, `CSL item${key ? ` "${key}"` : ''} without a title; skipped`);
      continue;
    }
    const doi = typeof value.DOI === 'string' ? normaliseDoi(value.DOI) : findDoi(textOf(value.URL));
    const url = textOf(value.URL);
    const container = textOf(value['container-title']);
    const preprint = isPreprintVenue(container);
    const record: SeedRecord = {
      title,
      abstract: typeof value.abstract === 'string' ? unwrap(value.abstract) || null : null,
      day: null,
      file,
      line,
      format: 'csl-json',
      key,
      authors: Array.isArray(value.author) ? value.author.flatMap((a) => authorName(a) ?? []) : [],
      date: issuedDate(value.issued),
      arxiv:
        (doi && arxivIdOfDoi(doi)) ??
        findArxivId(url) ??
        (typeof value.number === 'string' && preprint ? normaliseArxivId(value.number) : null) ??
        findArxivId(textOf(value.note)) ??
        findArxivId(container),
      doi,
      venue: preprint ? null : container,
      kind: preprint ? 'misc' : (KINDS[String(value.type)] ?? 'misc'),
      primaryClass: null,
    };
    parsed.records.push(record);
  }
}

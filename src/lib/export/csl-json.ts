/**
 * CSL-JSON (the Citation Style Language's data format, read by Zotero, pandoc/citeproc…).
 * Ids are the BibTeX keys, so `[@key]` in pandoc and `\cite{key}` in LaTeX name the same paper.
 * Authors, dates, DOIs and venues are written when a seed gives them, never invented.
 */
import type { PaperIdentity, PublicationKind } from '../types.ts';
import { jsonArrayLines } from './json-array.ts';

export interface CslName {
  family?: string;
  given?: string;
  literal?: string;
}

export interface CslItem {
  id: string;
  type: string;
  'citation-key': string;
  title: string;
  author?: CslName[];
  issued?: { 'date-parts': number[][] };
  'container-title'?: string;
  DOI?: string;
  publisher?: string;
  number?: string;
  abstract?: string;
  URL: string;
  keyword?: string;
  note?: string;
}

export interface CslPaper extends Partial<PaperIdentity> {
  title: string;
  /** Plain-text abstract, or null when missing. */
  abstract: string | null;
  /** Absolute URL of the paper page. */
  url: string;
  /** Topic names, best first. */
  keywords?: string[];
}

/** CSL's types for the BibTeX entry types a source gives. `article` is CSL's type for preprints. */
const CSL_TYPES: Record<PublicationKind, string> = {
  article: 'article-journal',
  inproceedings: 'paper-conference',
  book: 'book',
  incollection: 'chapter',
  phdthesis: 'thesis',
  techreport: 'report',
  misc: 'article',
};

/** Name particles that belong to the family name (`van der Maaten`, `de la Fuente`). */
const PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'del', 'della', 'la', 'le', 'du', 'di', 'da', 'dos', 'ter', 'ten']);

/**
 * A written name split the way citation styles need it: the last word is the family name, with
 * any lower-case particles before it (`Laurens van der Maaten` → van der Maaten, Laurens). A
 * one-word name stays whole (`literal`).
 */
export function cslName(name: string): CslName {
  const words = name.trim().split(/\s+/);
  if (words.length < 2) return { literal: name.trim() };
  let start = words.length - 1;
  while (start > 1 && PARTICLES.has(words[start - 1])) start--;
  return { family: words.slice(start).join(' '), given: words.slice(0, start).join(' ') };
}

/** One item. */
export function cslItem(paper: CslPaper, key: string, note?: string): CslItem {
  const type = CSL_TYPES[paper.kind ?? 'misc'];
  const item: CslItem = { id: key, type, 'citation-key': key, title: paper.title, URL: paper.url };
  if (paper.authors?.length) item.author = paper.authors.map(cslName);
  if (paper.date) item.issued = { 'date-parts': [paper.date.split('-').map(Number)] };
  if (paper.venue) item['container-title'] = paper.venue;
  if (paper.doi) item.DOI = paper.doi;
  if (paper.arxiv && type === 'article') {
    item.publisher = 'arXiv';
    item.number = paper.arxiv;
  }
  if (paper.abstract?.trim()) item.abstract = paper.abstract;
  if (paper.keywords?.length) item.keyword = paper.keywords.join(', ');
  if (note?.trim()) item.note = note.trim();
  return item;
}

/** The whole file: a JSON array, one item a line. */
export function cslJson(items: CslItem[]): string {
  return jsonArrayLines(items);
}

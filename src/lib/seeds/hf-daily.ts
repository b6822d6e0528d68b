/**
 * Hugging Face Daily Papers JSON: the response of `api/daily_papers` saved to a file (an array
 * of items), a single item, or JSON Lines. An item is
 * `{ title, publishedAt (when it was featured), paper: { id (arXiv id), title, summary, authors: [{ name }], publishedAt (arXiv date) } }`;
 * a bare `paper` object (`api/papers/<id>`) is read too. Other fields are ignored.
 */
import type { SeedRecord } from '../types.ts';
import { normaliseDate } from './dates.ts';
import { normaliseArxivId } from './ids.ts';
import type { JsonItem } from './json-items.ts';
import { reporter, textOf, unwrap, type ParsedSeedFile } from './record.ts';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Does this JSON value look like a Daily Papers item (or a bare paper)? Used by the sniffer. */
export function isDailyPapersItem(value: unknown): boolean {
  if (!isObject(value)) return false;
  const paper = isObject(value.paper) ? value.paper : value;
  return typeof paper.id === 'string' && (typeof paper.summary === 'string' || Array.isArray(paper.authors)) && !('type' in paper);
}

function authorNames(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((author) => {
    const name = isObject(author) ? textOf(author.name) : textOf(author);
    return name ? [name] : [];
  });
}

export function readDailyPapers(items: readonly JsonItem[], file: string, parsed: ParsedSeedFile): void {
  const { warn, error } = reporter(file, parsed.diagnostics);
  for (const { value, line } of items) {
    if (!isObject(value)) {
      error(line, 'item is not a JSON object; skipped');
      continue;
    }
    const paper = isObject(value.paper) ? value.paper : value;
    const title = textOf(paper.title) ?? textOf(value.title);
    if (!title) {
      error(line, 'Daily Papers item without a title; skipped');
      continue;
    }
    const rawId = typeof paper.id === 'string' ? paper.id : null;
    const arxiv = rawId ? normaliseArxivId(rawId) : null;
    if (rawId && !arxiv) warn(line, `"${title}": paper id "${rawId}" is not an arXiv id; kept without it`);
    const summary = typeof paper.summary === 'string' ? unwrap(paper.summary) : '';
    const featured = isObject(value.paper) && typeof value.publishedAt === 'string' ? normaliseDate(value.publishedAt) : null;
    const record: SeedRecord = {
      title,
      abstract: summary || null,
      day: featured,
      file,
      line,
      format: 'hf-daily-papers',
      authors: authorNames(paper.authors),
      date: typeof paper.publishedAt === 'string' ? normaliseDate(paper.publishedAt) : null,
      arxiv,
      doi: null,
      venue: null,
      kind: null,
      primaryClass: null,
    };
    if (!record.abstract) warn(line, `title "${title}" has no abstract (no summary in the item); kept with its abstract marked missing`);
    parsed.records.push(record);
  }
}

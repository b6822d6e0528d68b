/**
 * Moving a reader's list between browsers: the JSON export, its import, and the BibTeX export
 * of /my-list/. An import file is untrusted: it is checked for size before it is read, parsed
 * with JSON.parse only (nothing in it runs), checked field by field (state.ts `readMarks`), and
 * only its marks are taken; titles and keys come from the site. Any problem throws ImportError
 * with a message for the reader, before anything is stored.
 */
import { bibtexEntries } from '../export/bibtex.ts';
import { paperCount } from '../counted.ts';
import { ImportError, describeValue, isRecord } from './untrusted.ts';
import {
  INFO_FIELDS,
  STATE_VERSION,
  hasMark,
  idsWith,
  marksOf,
  readMarks,
  setMark,
  type PaperInfo,
  type PaperMarks,
  type ReaderState,
} from './state.ts';

/** The `format` of exported files, so an import can tell ours from any other JSON. */
export const EXPORT_FORMAT = 'reading-list';

const MiB = 1024 * 1024;
/**
 * The largest import file for a site of `papers` papers: 1 KiB a paper (an exported entry with
 * its title takes about 250 bytes), and never less than 1 MiB. Anything larger is not an export
 * of this site's list and is refused before it is read.
 */
export const maxImportBytes = (papers: number): number => Math.max(MiB, papers * 1024);

const megabytes = (bytes: number) => `${(bytes / MiB).toFixed(1)} MB`;

/** Throws ImportError when a file of `bytes` is too large to be an export of this site's list. */
export function checkImportSize(bytes: number, papers: number): void {
  const limit = maxImportBytes(papers);
  if (bytes > limit) {
    throw new ImportError(
      `This file is ${megabytes(bytes)}, too large to be a reading list of this site (at most ${megabytes(limit)} for its ${papers} papers).`,
    );
  }
}

/** Parses an import file's text. Throws ImportError with a message for the reader. */
export function parseImport(text: string): Record<string, PaperMarks> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ImportError('This file is not valid JSON.');
  }
  if (isRecord(value) && value.format !== undefined && value.format !== EXPORT_FORMAT) {
    throw new ImportError(
      typeof value.format === 'string'
        ? `This file is a ${describeValue(value.format)} file, not a reading list export.`
        : `This file's "format" should be "${EXPORT_FORMAT}", not ${describeValue(value.format)}.`,
    );
  }
  return readMarks(value);
}

export interface MergeResult {
  state: ReaderState;
  /** Papers whose marks changed. */
  added: number;
  /** Ids in the file that are not on this site (left out). */
  unknown: string[];
}

/**
 * Imported marks merged into the state: marks are only ever added (a paper read in either list
 * stays read), and ids this site does not have are left out and reported. Paper info comes from
 * the site (`known`), not from the file.
 */
export function mergeMarks(state: ReaderState, imported: Record<string, PaperMarks>, known: ReadonlyMap<string, PaperInfo>): MergeResult {
  let next = state;
  let added = 0;
  const unknown: string[] = [];
  for (const id of Object.keys(imported).sort()) {
    const info = known.get(id);
    if (!info) {
      unknown.push(id);
      continue;
    }
    let changed = false;
    for (const mark of ['read', 'saved'] as const) {
      if (imported[id]![mark] && !hasMark(next, id, mark)) {
        next = setMark(next, id, mark, true, info);
        changed = true;
      }
    }
    if (changed) added++;
  }
  return { state: next, added, unknown };
}

/** What the reader is told after an import. */
export function importSummary(fileName: string, { added, unknown }: Pick<MergeResult, 'added' | 'unknown'>): string {
  const skipped = unknown.length
    ? ` ${unknown.length} paper${unknown.length === 1 ? ' is' : 's are'} not on this site and ${unknown.length === 1 ? 'was' : 'were'} left out.`
    : '';
  return `Imported ${fileName}: ${paperCount(added)} added or updated.${skipped}`;
}

/** What the reader is told when an import fails: our message, or a general one for anything unexpected. */
export const importFailure = (fileName: string, error: unknown): string =>
  error instanceof ImportError ? `Could not import ${fileName}: ${error.message}` : `Could not read ${fileName}.`;

/** The export file: marks and paper info (not the visit), with the format named. */
export function exportJson(state: ReaderState, site: string): string {
  // Fields in a fixed order, whatever order the stored entries have them in.
  const entry = (marks: PaperMarks) =>
    Object.fromEntries((['read', 'saved', ...INFO_FIELDS] as const).filter((f) => marks[f] !== undefined).map((f) => [f, marks[f]]));
  const papers = Object.fromEntries(
    Object.keys(state.papers)
      .sort()
      .map((id) => [id, entry(state.papers[id]!)]),
  );
  return `${JSON.stringify({ format: EXPORT_FORMAT, version: STATE_VERSION, site, papers }, null, 2)}\n`;
}

/**
 * BibTeX of every marked paper, with the site's keys; papers the site no longer has (no key) are
 * left out, and abstracts too (not kept with the marks; the site's papers.bib has them).
 */
export function exportBibtex(state: ReaderState, paperUrl: (id: string) => string): { text: string; entries: number } {
  const ids = idsWith(state, 'any').filter((id) => marksOf(state, id)!.key);
  const keys = new Map(ids.map((id) => [id, marksOf(state, id)!.key!]));
  const text = bibtexEntries(
    ids.map((id) => ({ id, title: marksOf(state, id)!.title ?? id, abstract: null, url: paperUrl(id) })),
    { keys },
  );
  return { text, entries: ids.length };
}

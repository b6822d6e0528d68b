/**
 * Parses one listing file into records, with diagnostics naming file and line.
 *
 * A listing is a sequence of paragraphs separated by blank lines: a title, then its abstract,
 * with page chrome and day lines ("Jul 31") in between. Each paragraph is classified on its
 * own (title or abstract), so a missing abstract never shifts the pairing of later papers.
 */
import type { Diagnostic, SeedRecord } from '../types.ts';
import { isPageChrome, parseDayLine } from './boilerplate.ts';
import { classifyLine, classifyTerseLine, couldBeTitle, type LineKind } from './classify.ts';
import { decodeOrReport } from './decode.ts';
import { cleanText, NO_IDENTITY, type ParsedSeedFile } from './record.ts';

export type ParsedListing = Omit<ParsedSeedFile, 'format'>;

interface SourceLine {
  text: string;
  line: number;
}

type Item =
  | { kind: 'day'; day: string; line: number }
  | { kind: 'title'; text: string; line: number }
  | { kind: 'abstract'; text: string; line: number }
  | { kind: 'pair'; title: string; abstract: string; line: number };

/** Splits text into paragraphs of non-empty lines; chrome and day lines stand alone. */
function paragraphs(text: string): { lines: SourceLine[]; day?: string }[] {
  const result: { lines: SourceLine[]; day?: string }[] = [];
  let current: SourceLine[] = [];
  const close = () => {
    if (current.length > 0) result.push({ lines: current });
    current = [];
  };
  text.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const line = cleanText(raw);
    if (line === '' || isPageChrome(line)) return close();
    const day = parseDayLine(line);
    if (day !== null) {
      close();
      result.push({ lines: [{ text: line, line: index + 1 }], day });
      return;
    }
    current.push({ text: line, line: index + 1 });
  });
  close();
  return result;
}

/** One paragraph becomes one item, or one item per line when its lines do not form a pair. */
function toItems(paragraph: { lines: SourceLine[]; day?: string }, classify: (line: string) => LineKind): Item[] {
  const [first, ...rest] = paragraph.lines;
  if (paragraph.day !== undefined) return [{ kind: 'day', day: paragraph.day, line: first.line }];
  if (rest.length > 0 && classify(first.text) === 'title') {
    const body = rest.map((l) => l.text).join(' ');
    // A wrapped abstract directly under its title, without a blank line between them.
    if (classify(body) === 'abstract') {
      return [{ kind: 'pair', title: first.text, abstract: body, line: first.line }];
    }
  }
  return paragraph.lines.map((l) => ({ kind: classify(l.text), text: l.text, line: l.line }));
}

/** Whether a reading found at least one title with its abstract: a listing has one. */
const hasPair = (listing: ParsedListing) => listing.records.some((record) => record.abstract !== null);

export function parseListingText(text: string, file: string): ParsedListing {
  const read = paragraphs(text);
  const listing = readItems(read.flatMap((paragraph) => toItems(paragraph, classifyLine)), file);
  const hasPairs = hasPair(listing);
  // A terse copy (each abstract cut to a sentence) of a page with day lines: read its one-sentence lines as abstracts.
  if (!hasPairs && read.some((paragraph) => paragraph.day !== undefined)) {
    const terse = readItems(read.flatMap((paragraph) => toItems(paragraph, classifyTerseLine)), file);
    if (hasPair(terse)) {
      terse.diagnostics.unshift({
        severity: 'warning',
        file,
        message: 'its abstracts are one sentence or shorter; each sentence after a title is read as its abstract',
      });
      return terse;
    }
  }
  if (listing.records.length === 0 && listing.diagnostics.length === 0) {
    listing.diagnostics.push({ severity: 'warning', file, message: 'empty listing: no papers found' });
  } else if (!hasPairs) {
    // Without a single title-abstract pair this is not a listing (notes, CSV, a README…):
    // turning each of its lines into a paper would fill the site with junk.
    return {
      records: [],
      diagnostics: [
        {
          severity: 'error',
          file,
          message: `not a listing: no title followed by an abstract in ${listing.records.length} candidate line(s); file skipped`,
        },
      ],
    };
  }
  return listing;
}

/** Pairs titles with the abstracts after them, day by day. */
function readItems(items: Item[], file: string): ParsedListing {
  const records: SeedRecord[] = [];
  const diagnostics: Diagnostic[] = [];
  let day: string | null = null;
  let pending: { text: string; line: number } | null = null;

  const warn = (line: number, message: string) =>
    diagnostics.push({ severity: 'warning', file, line, message });
  const record = (title: string, abstract: string | null, line: number): SeedRecord => ({
    ...NO_IDENTITY,
    authors: [],
    title,
    abstract,
    day,
    file,
    line,
    format: 'listing',
  });
  const flushPending = (reason: string) => {
    if (!pending) return;
    records.push(record(pending.text, null, pending.line));
    warn(pending.line, `title "${pending.text}" has no abstract (${reason}); kept with its abstract marked missing`);
    pending = null;
  };

  items.forEach((item, index) => {
    // Two abstracts in a row with no title before them: the first, if short enough, is an
    // unusual title (many sentences, or several question marks), not an abstract.
    const next = items[index + 1];
    if (item.kind === 'abstract' && !pending && next?.kind === 'abstract' && couldBeTitle(item.text)) {
      item = { ...item, kind: 'title' };
    }
    switch (item.kind) {
      case 'day':
        flushPending(`a day line follows at line ${item.line}`);
        day = item.day;
        break;
      case 'title':
        flushPending(`another title follows at line ${item.line}`);
        pending = { text: item.text, line: item.line };
        break;
      case 'pair':
        flushPending(`another title follows at line ${item.line}`);
        records.push(record(item.title, item.abstract, item.line));
        break;
      case 'abstract':
        if (pending) {
          records.push(record(pending.text, item.text, pending.line));
          pending = null;
        } else {
          warn(item.line, `abstract without a title before it ("${item.text.slice(0, 60)}…"); skipped`);
        }
        break;
    }
  });
  flushPending('the file ends');
  return { records, diagnostics };
}

/** Decodes and parses one listing file (src/lib/seeds/index.ts reads a seed file of any format). */
export function parseListing(bytes: Uint8Array, file: string): ParsedListing {
  const decoded = decodeOrReport(bytes, file);
  if (decoded.text === null) return { records: [], diagnostics: decoded.diagnostics };
  const parsed = parseListingText(decoded.text, file);
  return { records: parsed.records, diagnostics: [...decoded.diagnostics, ...parsed.diagnostics] };
}

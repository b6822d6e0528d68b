/**
 * arXiv API responses: the Atom XML the export API returns for a query, a `<feed>` of `<entry>`
 * elements with `<id>` (abs URL with version), `<title>`, `<summary>` (hard-wrapped), `<author><name>`,
 * `<published>`, `arxiv:primary_category`, `arxiv:doi`, `arxiv:journal_ref`.
 *
 * Parsed with saxes, a streaming parser that checks well-formedness as it reads and says on which
 * line it stopped, so the document is read once and only the fields a record needs are kept. A
 * malformed file is reported with the parser's line, and then each `<entry>…</entry>` is parsed
 * on its own, so one broken entry costs only itself.
 */
import { SaxesParser } from 'saxes';
import type { SeedRecord } from '../types.ts';
import { normaliseDate } from './dates.ts';
import { normaliseArxivId, normaliseDoi } from './ids.ts';
import { LineCounter, reporter, textOf, unwrap, type ParsedSeedFile } from './record.ts';

/** The elements of an `<entry>` a record is made of, by local name (any namespace prefix). */
const FIELDS = new Set(['id', 'title', 'summary', 'published', 'doi', 'journal_ref']);

/** One `<entry>` as read: its line, the text of its fields (the first of each), its authors. */
interface AtomEntry {
  line: number;
  fields: Map<string, string>;
  authors: string[];
  primaryCategory: string | null;
}

/** Does this text look like an Atom feed? Used by the sniffer. */
export function looksLikeAtom(text: string): boolean {
  const head = text.slice(0, 2000);
  return /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<feed[\s>]/.test(head);
}

/** `arxiv:doi` → `doi`: the namespace prefix is whatever the file binds it to. */
const localName = (name: string) => name.slice(name.indexOf(':') + 1);

/**
 * The entries of `xml`, or where it stops being well-formed XML. Entries are the `<entry>`
 * elements at `entryDepth` (1: children of the `<feed>`; 0: `xml` is one entry); `firstLine` is
 * the line `xml` starts on in its file.
 */
function readEntries(xml: string, entryDepth: number, firstLine = 1): { entries: AtomEntry[]; error: { line: number; message: string } | null } {
  const parser = new SaxesParser({ position: true });
  const entries: AtomEntry[] = [];
  const open: string[] = []; // local names of the open elements
  let entry: AtomEntry | null = null;
  let field: string | null = null; // the field whose text is being read
  let text = '';
  const append = (chunk: string) => {
    if (field !== null) text += chunk;
  };
  parser.on('opentagstart', (tag) => {
    const name = localName(tag.name);
    const depth = open.length;
    open.push(name);
    if (depth === entryDepth && name === 'entry') {
      entry = { line: firstLine + parser.line - 1, fields: new Map(), authors: [], primaryCategory: null };
    } else if (entry && ((depth === entryDepth + 1 && FIELDS.has(name)) || (depth === entryDepth + 2 && name === 'name' && open[depth - 1] === 'author'))) {
      field = name;
      text = '';
    }
  });
  parser.on('opentag', (tag) => {
    if (entry && open.length === entryDepth + 2 && open.at(-1) === 'primary_category' && entry.primaryCategory === null) {
      const term = tag.attributes.term;
      entry.primaryCategory = typeof term === 'string' ? term : null;
    }
  });
  parser.on('text', append);
  parser.on('cdata', append);
  parser.on('closetag', () => {
    open.pop();
    if (!entry) return;
    if (field !== null && open.length === entryDepth + (field === 'name' ? 2 : 1)) {
      if (field === 'name') entry.authors.push(text);
      else if (!entry.fields.has(field)) entry.fields.set(field, text);
      field = null;
    } else if (open.length === entryDepth) {
      entries.push(entry);
      entry = null;
    }
  });
  try {
    parser.write(xml).close();
  } catch (cause) {
    const error = { line: parser.line, message: (cause as Error).message.replace(/^\d+:\d+: /, '') };
    const ampersand = bareAmpersandLine(xml);
    // saxes reads a stray `&` as the start of an entity up to the next `;`, so it stops far after it.
    if (ampersand !== null && ampersand <= error.line) Object.assign(error, { line: ampersand, message: '"&" that starts no entity reference (write &amp;)' });
    return { entries, error: { line: firstLine + error.line - 1, message: error.message } };
  }
  return { entries, error: null };
}

/** Comments, CDATA sections and processing instructions (which may hold a plain `&`), or a `&` that starts no reference. */
const AMPERSAND_SCAN = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|&(?![A-Za-z_:][\w.:-]*;|#\d+;|#x[\dA-Fa-f]+;)/g;

/** The line of the first `&` outside comments and CDATA that starts no entity reference, or null; only read once the parser has failed. */
function bareAmpersandLine(xml: string): number | null {
  for (const match of xml.matchAll(AMPERSAND_SCAN)) {
    if (match[0] === '&') return new LineCounter(xml).lineAt(match.index);
  }
  return null;
}

/**
 * Where each `<entry>` starts and ends in the text, for reading a malformed file entry by entry.
 * The XML itself is read by the parser; this scan only cuts the text into entries.
 */
function entrySpans(xml: string): { start: number; end: number | null }[] {
  const spans: { start: number; end: number | null }[] = [];
  let from = 0;
  for (;;) {
    const start = xml.indexOf('<entry', from);
    if (start === -1) return spans;
    const next = xml.charAt(start + 6);
    if (next !== '>' && !/\s/.test(next)) {
      from = start + 6;
      continue;
    }
    const close = xml.indexOf('</entry>', start);
    spans.push({ start, end: close === -1 ? null : close + 8 });
    if (close === -1) return spans;
    from = close + 8;
  }
}

function toRecord(entry: AtomEntry, file: string, parsed: ParsedSeedFile): SeedRecord | null {
  const { warn, error } = reporter(file, parsed.diagnostics);
  const { line, fields } = entry;
  const id = textOf(fields.get('id'));
  const title = textOf(fields.get('title'));
  // The API answers a bad query with a feed holding one entry titled "Error".
  if (id?.includes('arxiv.org/api/errors')) {
    error(line, `the arXiv API answered with an error: ${textOf(fields.get('summary')) ?? id}`);
    return null;
  }
  if (!title) {
    error(line, 'entry without a title; skipped');
    return null;
  }
  const arxiv = id ? normaliseArxivId(id) : null;
  if (!arxiv) warn(line, `"${title}": entry id ${JSON.stringify(id)} is not an arXiv id; kept without it`);
  const summary = fields.get('summary');
  const doi = fields.get('doi');
  return {
    title,
    abstract: summary ? unwrap(summary) || null : null,
    day: null,
    file,
    line,
    format: 'arxiv-atom',
    authors: entry.authors.flatMap((name) => textOf(name) ?? []),
    date: normaliseDate(fields.get('published')),
    arxiv,
    doi: doi ? normaliseDoi(doi) : null,
    venue: textOf(fields.get('journal_ref')),
    kind: null,
    primaryClass: entry.primaryCategory,
  };
}

/** A malformed file's entries, each parsed on its own (in file order): a broken one is reported and skipped. */
function readEntryByEntry(xml: string, file: string, parsed: ParsedSeedFile, keep: (entry: AtomEntry) => void): void {
  const lines = new LineCounter(xml);
  for (const span of entrySpans(xml)) {
    const line = lines.lineAt(span.start);
    const read = span.end === null ? null : readEntries(xml.slice(span.start, span.end), 0, line);
    if (read !== null && read.error === null && read.entries.length === 1) {
      keep(read.entries[0]);
      continue;
    }
    const why = read === null ? 'no closing </entry>' : read.error ? `${read.error.message}, line ${read.error.line}` : 'not one entry';
    parsed.diagnostics.push({ severity: 'error', file, line, message: `malformed entry (${why}); entry skipped` });
  }
}

export function readArxivAtom(xml: string, file: string, parsed: ParsedSeedFile): void {
  const keep = (entry: AtomEntry) => {
    const record = toRecord(entry, file, parsed);
    if (record) parsed.records.push(record);
  };
  const { entries, error } = readEntries(xml, 1);
  if (error) {
    parsed.diagnostics.push({
      severity: 'error',
      file,
      line: error.line,
      message: `malformed XML (${error.message}); reading the entries that are well formed`,
    });
    readEntryByEntry(xml, file, parsed, keep);
    return;
  }
  if (entries.length === 0) parsed.diagnostics.push({ severity: 'warning', file, message: 'Atom feed without entries: no papers found' });
  entries.forEach(keep);
}

/**
 * arXiv API responses: the Atom XML the export API returns for a query, a `<feed>` of `<entry>`
 * elements with `<id>` (abs URL with version), `<title>`, `<summary>` (hard-wrapped), `<author><name>`,
 * `<published>`, `arxiv:primary_category`, `arxiv:doi`, `arxiv:journal_ref`.
 *
 * Parsed with fast-xml-parser. A malformed file is reported with the parser's line, and then each
 * `<entry>…</entry>` is parsed on its own, so one broken entry costs only itself.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { SeedRecord } from '../types.ts';
import { normaliseDate } from './dates.ts';
import { normaliseArxivId, normaliseDoi } from './ids.ts';
import { LineCounter, reporter, textOf, unwrap, type ParsedSeedFile } from './record.ts';

type Xml = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true, // `arxiv:doi` → `doi`, whatever prefix the file binds the namespace to
  parseTagValue: false, // ids such as 1312.5602 stay strings
  isArray: (name) => ['entry', 'author', 'link', 'category'].includes(name),
});

/** Does this text look like an Atom feed? Used by the sniffer. */
export function looksLikeAtom(text: string): boolean {
  const head = text.slice(0, 2000);
  return /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<feed[\s>]/.test(head);
}

/** The text of an element that may carry attributes (`{ '#text': …, '@type': … }`). */
function text(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null && '#text' in value) return String((value as Xml)['#text']);
  return null;
}

/**
 * Where each `<entry>` starts and ends in the text. The XML itself is read by the parser; this
 * scan only gives each entry its line, and lets a malformed file be read entry by entry.
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

function toRecord(entry: Xml, file: string, line: number, parsed: ParsedSeedFile): SeedRecord | null {
  const { warn, error } = reporter(file, parsed.diagnostics);
  const id = textOf(text(entry.id));
  const title = textOf(text(entry.title));
  // The API answers a bad query with a feed holding one entry titled "Error".
  if (id?.includes('arxiv.org/api/errors')) {
    error(line, `the arXiv API answered with an error: ${textOf(text(entry.summary)) ?? id}`);
    return null;
  }
  if (!title) {
    error(line, 'entry without a title; skipped');
    return null;
  }
  const arxiv = id ? normaliseArxivId(id) : null;
  if (!arxiv) warn(line, `"${title}": entry id ${JSON.stringify(id)} is not an arXiv id; kept without it`);
  const authors = ((entry.author as Xml[] | undefined) ?? []).flatMap((author) => textOf(text(author?.name)) ?? []);
  const summary = text(entry.summary);
  const doi = text(entry.doi);
  const primary = entry.primary_category as Xml | undefined;
  return {
    title,
    abstract: summary ? unwrap(summary) || null : null,
    day: null,
    file,
    line,
    format: 'arxiv-atom',
    authors,
    date: normaliseDate(text(entry.published)),
    arxiv,
    doi: doi ? normaliseDoi(doi) : null,
    venue: textOf(text(entry.journal_ref)),
    kind: null,
    primaryClass: typeof primary?.['@term'] === 'string' ? primary['@term'] : null,
  };
}

export function readArxivAtom(xml: string, file: string, parsed: ParsedSeedFile): void {
  const lines = new LineCounter(xml);
  const spans = entrySpans(xml);
  const valid = XMLValidator.validate(xml);
  let entries: Xml[] | null = null;
  if (valid === true) {
    const feed = (parser.parse(xml) as Xml).feed as Xml | undefined;
    entries = (feed?.entry as Xml[] | undefined) ?? [];
    if (entries.length !== spans.length) entries = null; // an `<entry` in a comment or CDATA: go entry by entry
  } else {
    parsed.diagnostics.push({
      severity: 'error',
      file,
      line: valid.err.line,
      message: `malformed XML (${valid.err.msg}); reading the entries that are well formed`,
    });
  }
  spans.forEach((span, index) => {
    const line = lines.lineAt(span.start);
    let entry = entries?.[index];
    if (!entry) {
      const source = span.end === null ? null : xml.slice(span.start, span.end);
      const check = source === null ? null : XMLValidator.validate(source);
      if (check !== true) {
        const why = check === null ? 'no closing </entry>' : `${check.err.msg}, line ${line + check.err.line - 1}`;
        parsed.diagnostics.push({ severity: 'error', file, line, message: `malformed entry (${why}); entry skipped` });
        return;
      }
      entry = ((parser.parse(source!) as Xml).entry as Xml[])[0];
    }
    const record = toRecord(entry, file, line, parsed);
    if (record) parsed.records.push(record);
  });
  if (spans.length === 0 && valid === true) {
    parsed.diagnostics.push({ severity: 'warning', file, message: 'Atom feed without entries: no papers found' });
  }
}

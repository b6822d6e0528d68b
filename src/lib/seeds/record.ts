/**
 * What every reader returns, and the small helpers they share to build records.
 */
import type { Diagnostic, PaperIdentity, SeedFormat, SeedRecord } from '../types.ts';

/** One seed file, parsed: its records and what went wrong, with file and line. */
export interface ParsedSeedFile {
  /** The format the file was read as; null when it was not read at all (binary, unknown). */
  format: SeedFormat | null;
  records: SeedRecord[];
  diagnostics: Diagnostic[];
}

/** A record's identity when its source says nothing beyond title and abstract. */
export const NO_IDENTITY: Readonly<PaperIdentity> = Object.freeze({
  authors: [],
  date: null,
  arxiv: null,
  doi: null,
  venue: null,
  kind: null,
  primaryClass: null,
});

/**
 * Runs of white space that are not already a single space (a newline, a tab, a no-break or
 * zero-width space, two spaces…). Matching only those, not every space, makes folding ~9× faster
 * on long abstracts.
 */
const UNFOLDED = /(?:[^\S ]|\u200B)[\s\u200B]*| [\s\u200B]+/g;

/**
 * A character from U+0300 (the first combining mark) on. Text without one is already in NFC
 * (composition needs a mark or a Hangul jamo, and no character below U+0300 decomposes), and this
 * test is many times cheaper than `normalize`, which checks character by character.
 */
const MAY_CHANGE_IN_NFC = /[\u0300-\uffff]/;

/** `text` in Unicode's composed form (NFC). */
const toNfc = (text: string): string => (MAY_CHANGE_IN_NFC.test(text) ? text.normalize('NFC') : text);

/** Folds white space the way a reader sees it: no leading, trailing or repeated spaces. */
export function cleanText(text: string): string {
  return toNfc(text).replace(UNFOLDED, ' ').trim();
}

/** A blank line between paragraphs. */
const PARAGRAPH_BREAK = /\r?\n[ \t]*\r?\n/;

/** Hard-wrapped text (arXiv summaries, JSON abstracts): paragraphs kept, lines inside them joined. */
export function unwrap(text: string): string {
  const composed = toNfc(text);
  if (!PARAGRAPH_BREAK.test(composed)) return composed.replace(UNFOLDED, ' ').trim(); // one paragraph, the common case
  return composed
    .split(PARAGRAPH_BREAK)
    .map((paragraph) => paragraph.replace(UNFOLDED, ' ').trim())
    .filter(Boolean)
    .join('\n\n');
}

/** A string field's cleaned value, or null when it is missing, not a string, or blank. */
export function textOf(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const text = cleanText(value);
  return text === '' ? null : text;
}

/** Line (1-based) of each offset, for sources whose parser reports offsets. Offsets must ascend. */
export class LineCounter {
  private line = 1;
  private offset = 0;
  private readonly text: string;
  constructor(text: string) {
    this.text = text;
  }
  lineAt(offset: number): number {
    if (offset < this.offset) {
      this.line = 1;
      this.offset = 0;
    }
    for (let next = this.text.indexOf('\n', this.offset); next !== -1 && next < offset; next = this.text.indexOf('\n', next + 1)) {
      this.line++;
      this.offset = next + 1;
    }
    return this.line;
  }
}

/** A reader's diagnostics, with its file filled in. */
export function reporter(file: string, diagnostics: Diagnostic[]) {
  return {
    warn: (line: number | undefined, message: string) => diagnostics.push({ severity: 'warning', file, line, message }),
    error: (line: number | undefined, message: string) => diagnostics.push({ severity: 'error', file, line, message }),
  };
}

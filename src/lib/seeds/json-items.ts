/**
 * The items of a JSON seed file, each with the line it starts on: a JSON array of items, a
 * single item, or JSON Lines (one item a line).
 *
 * Parsed with jsonc-parser, which keeps going after an error and says where each value lies, so
 * a malformed item is reported with its line and skipped while the items around it are kept. An
 * item that overlaps a syntax error is dropped whole: no record is made from a broken item's fragments.
 */
import { getNodeValue, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { Diagnostic } from '../types.ts';
import { LineCounter } from './record.ts';

export interface JsonItem {
  value: unknown;
  line: number;
}

export interface JsonItems {
  items: JsonItem[];
  diagnostics: Diagnostic[];
  /** How the file was laid out. */
  layout: 'array' | 'single' | 'lines';
}

const OPTIONS = { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false };

function describe(error: ParseError, lines: LineCounter): { line: number; message: string } {
  return { line: lines.lineAt(error.offset), message: `malformed JSON (${printParseErrorCode(error.error)})` };
}

/** JSON Lines: each non-blank line is one JSON value. */
function jsonLines(text: string, file: string): JsonItems {
  const items: JsonItem[] = [];
  const diagnostics: Diagnostic[] = [];
  text.split(/\r\n|\r|\n/).forEach((raw, index) => {
    if (raw.trim() === '') return;
    try {
      items.push({ value: JSON.parse(raw), line: index + 1 });
    } catch (cause) {
      const detail = (cause as Error).message.split('\n')[0];
      diagnostics.push({ severity: 'error', file, line: index + 1, message: `malformed JSON line (${detail}); line skipped` });
    }
  });
  return { items, diagnostics, layout: 'lines' };
}

/**
 * Is the text one JSON value a line? True when it is not one JSON document but its first line
 * is a whole JSON object on its own (a pretty-printed document's first line is only `{` or `[`).
 */
function looksLikeJsonLines(text: string): boolean {
  const first = text.split(/\r\n|\r|\n/, 50).find((line) => line.trim() !== '');
  try {
    const value: unknown = JSON.parse(first ?? '');
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}

/**
 * The line of each item of a well-formed top-level array (JSON.parse has accepted `text`): one
 * pass over the text that jumps over strings with `indexOf`. JSON strings hold no raw line breaks,
 * so every line break lies outside them. Several times cheaper than jsonc-parser's token scanner,
 * which reads strings character by character.
 */
function arrayItemLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let expectItem = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) {
      line++;
      continue;
    }
    if (c === 0x20 || c === 0x09 || c === 0x0d) continue;
    if (expectItem && c !== 0x5d) lines.push(line); // anything but `]` starts an item
    expectItem = false;
    if (c === 0x22) {
      i = stringEnd(text, i);
    } else if (c === 0x7b || c === 0x5b) {
      depth++;
      expectItem = depth === 1;
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
    } else if (c === 0x2c) {
      expectItem = depth === 1;
    }
  }
  return lines;
}

/** The offset of the quote that closes the string opening at `start` (one not escaped by an odd run of backslashes). */
function stringEnd(text: string, start: number): number {
  for (let quote = text.indexOf('"', start + 1); quote !== -1; quote = text.indexOf('"', quote + 1)) {
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === 0x5c) backslashes++;
    if (backslashes % 2 === 0) return quote;
  }
  return text.length;
}

/** A well-formed file, the common case: JSON.parse for the values, a token scan for their lines. */
function wellFormed(text: string): JsonItems | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (Array.isArray(value)) {
    const lines = arrayItemLines(text);
    return { items: value.map((item, i) => ({ value: item, line: lines[i] ?? 1 })), diagnostics: [], layout: 'array' };
  }
  if (typeof value !== 'object' || value === null) return null;
  const line = text.slice(0, text.length - text.trimStart().length).split('\n').length;
  return { items: [{ value, line }], diagnostics: [], layout: 'single' };
}

export function readJsonItems(text: string, file: string): JsonItems {
  const fast = wellFormed(text);
  if (fast) return fast;
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, OPTIONS);
  if (errors.length > 0 && looksLikeJsonLines(text)) return jsonLines(text, file);
  const lines = new LineCounter(text);
  const diagnostics: Diagnostic[] = [];
  if (!root || (root.type !== 'array' && root.type !== 'object')) {
    const first = errors[0] ? describe(errors[0], lines) : { line: 1, message: 'not a JSON array or object' };
    diagnostics.push({ severity: 'error', file, line: first.line, message: `${first.message}; file skipped` });
    return { items: [], diagnostics, layout: 'single' };
  }
  const children: Node[] = root.type === 'array' ? (root.children ?? []) : [root];
  const brokenAt = (node: Node) => errors.find((e) => e.offset >= node.offset && e.offset <= node.offset + node.length);
  const items: JsonItem[] = [];
  // Errors outside every item (a missing comma between two whole items) still deserve a word.
  const reported = new Set<ParseError>();
  for (const node of children) {
    const line = lines.lineAt(node.offset);
    const error = brokenAt(node);
    if (error) {
      reported.add(error);
      const { message } = describe(error, lines);
      diagnostics.push({ severity: 'error', file, line, message: `${message} in the item starting here; item skipped` });
    } else {
      items.push({ value: getNodeValue(node), line });
    }
  }
  for (const error of errors.filter((e) => !reported.has(e))) {
    const { line, message } = describe(error, new LineCounter(text));
    diagnostics.push({ severity: 'error', file, line, message: `${message} between items; the items around it were kept` });
  }
  return { items, diagnostics, layout: root.type === 'array' ? 'array' : 'single' };
}

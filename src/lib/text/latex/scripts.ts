/** Sub- and superscripts: `_` and `^`, by LaTeX rules in math and cautiously in prose. */
import type { Mode, ScanNested } from './nodes.ts';
import type { PhrasingBuilder } from './builder.ts';
import { readArgument, readGroup, type Group } from './arguments.ts';
import { isAsciiLetter, isWordChar } from './chars.ts';
import { GREEK } from './symbols.ts';
import { phrasingToPlainText } from './unicode.ts';

/**
 * `_` and `^`. In math, LaTeX rules: the next group, command or character. In prose, only what
 * is unmistakably a script, so `snake_case`, `__init__` and `_underscores_` stay text:
 * - `_{…}`, `^{…}`, `_(…)`, `^(…)` after any non-space character (`NSAM_(+p)`, `x_{t-1}`);
 * - a digit run or a lone letter after a standalone single letter, a Greek letter or a
 *   formatted node (`x_0`, `R_y(`, `π_1`, bold x`_0`); superscripts after any non-space.
 */
export function scanScript(source: string, start: number, mode: Mode, out: PhrasingBuilder, scan: ScanNested): number | null {
  const isSub = source[start] === '_';
  const argument = mode === 'math' ? readArgument(source, start + 1) : readProseScriptArgument(source, start + 1, isSub, out);
  if (argument === null) return null;
  const children = scan(argument.content, 'math');
  if (children.length === 0) return argument.end;
  if (!isSub && isPrimeOrStar(phrasingToPlainText(children))) {
    out.pushText(phrasingToPlainText(children)); // f′ and x* read better unraised
    return argument.end;
  }
  out.pushNodes([
    isSub ? { type: 'subscript', children, data: { hName: 'sub' } } : { type: 'superscript', children, data: { hName: 'sup' } },
  ]);
  return argument.end;
}

function isPrimeOrStar(s: string): boolean {
  return /^[′″*∗]+$/.test(s);
}

function readProseScriptArgument(source: string, start: number, isSub: boolean, out: PhrasingBuilder): Group | null {
  const greekName = trailingGreekName(out);
  if (greekName !== null) {
    // `pi_0`, `chi^2`: a Greek letter that lost its backslash, if a script really follows
    const argument = readScriptArgumentAfterBase(source, start, isSub, true);
    if (argument !== null) out.replaceTail(greekName.length, GREEK[greekName]!);
    return argument;
  }
  const base = out.lastChar();
  const hasBase = out.endsWithNode() || (base !== '' && !/\s/.test(base));
  if (!hasBase) return null;
  return readScriptArgumentAfterBase(source, start, isSub, isSubscriptBase(out));
}

/** The script after a base; bare (unbracketed) subscripts need a letter-like base. */
function readScriptArgumentAfterBase(source: string, start: number, isSub: boolean, letterLikeBase: boolean): Group | null {
  const opener = source[start];
  if (opener === '{') return readGroup(source, start);
  if (opener === '(') return readParenthesisedScript(source, start);
  if (isSub && !letterLikeBase) return null;
  if (opener === '\\') {
    const command = readArgument(source, start);
    const name = command?.content.slice(1) ?? '';
    return command !== null && GREEK[name] !== undefined ? command : null;
  }
  return readBareScript(source, start, isSub);
}

/** A spelled-out Greek letter name ending the pending text as a whole word (`pi` in `(pi`). */
function trailingGreekName(out: PhrasingBuilder): string | null {
  const match = /(?<![A-Za-z])[A-Za-z]{2,10}$/.exec(out.tail(11));
  return match !== null && GREEK[match[0]] !== undefined ? match[0] : null;
}

/** A standalone single letter (`x_0`, not `snake_case`), a Greek letter, or a formatted node. */
function isSubscriptBase(out: PhrasingBuilder): boolean {
  if (out.endsWithNode()) return true;
  const base = out.lastChar();
  if (/^[α-ωΑ-Ωϵϑϖϱςϕ]$/.test(base)) return true;
  return isAsciiLetter(base) && !isWordChar(out.charBeforeLast());
}

/** `(…)` up to 12 characters without spaces: `NSAM_(+p)`. */
function readParenthesisedScript(source: string, start: number): Group | null {
  const close = source.indexOf(')', start);
  if (close === -1 || close - start > 13) return null;
  const inner = source.slice(start, close + 1);
  if (/\s/.test(inner) || inner.length < 3) return null;
  return { content: inner, end: close + 1 };
}

/** A digit run (optionally signed, for `10^-3`), a lone letter, or `*` / `'`. */
function readBareScript(source: string, start: number, isSub: boolean): Group | null {
  const match = (isSub ? /^(?:\d+|[A-Za-z])/ : /^(?:[+-]?\d+|[A-Za-z]|\*|'+)/).exec(source.slice(start, start + 24));
  if (match === null) return null;
  const end = start + match[0].length;
  if (isWordChar(source[end] ?? '')) return null;
  const content = match[0].replace(/'/g, '′');
  return { content, end };
}

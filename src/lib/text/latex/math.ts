/** Math spans in prose: `$…$`, `$$…$$`, `\(…\)`, `\[…\]`, and braces and ties inside math. */
import type { ScanNested } from './nodes.ts';
import type { PhrasingBuilder } from './builder.ts';
import { readGroup } from './arguments.ts';
import { isDigit } from './chars.ts';

/**
 * `$…$` is math only if it looks like math (Pandoc's rule, made stricter): the opening `$` is
 * followed by a non-space, and the very next `$` closes it, being preceded by a non-space and
 * not followed by a digit unless the content has LaTeX markup (`$\sim$10%`). So
 * `(at $0.031 each)`, `$5 and $10` and `$5-$10` stay text. `$$…$$` works too.
 */
export function scanDollarMath(source: string, start: number, out: PhrasingBuilder, scan: ScanNested): number | null {
  const span = findDollarMathSpan(source, start);
  if (span === null) return null;
  out.pushNodes(scan(source.slice(span.contentStart, span.contentEnd), 'math'));
  return span.end;
}

export interface MathSpan {
  contentStart: number;
  contentEnd: number;
  end: number;
}

export function findDollarMathSpan(source: string, start: number): MathSpan | null {
  const fence = source.startsWith('$$', start) ? '$$' : '$';
  const contentStart = start + fence.length;
  const first = source[contentStart];
  if (first === undefined || /\s/.test(first) || first === '$') return null;
  const close = findUnescapedDollar(source, contentStart);
  if (close === -1 || !source.startsWith(fence, close)) return null;
  if (/\s/.test(source[close - 1]!)) return null;
  const content = source.slice(contentStart, close);
  if (content.includes('\n\n') || looksLikeCurrency(content)) return null;
  // `$5-$10` is money; `$\sim$10%` is math: a digit may follow only markup-bearing math
  if (isDigit(source[close + fence.length] ?? '') && !hasMathMarkup(content)) return null;
  return { contentStart, contentEnd: close, end: close + fence.length };
}

function findUnescapedDollar(source: string, from: number): number {
  for (let j = from; j < source.length; j += 1) {
    if (source[j] === '\\') j += 1;
    else if (source[j] === '$') return j;
  }
  return -1;
}

/** `$5 or 10$`: amounts, not math. Math starting with a digit has a command or operator. */
function looksLikeCurrency(content: string): boolean {
  return isDigit(content[0]!) && /\s/.test(content) && !hasMathMarkup(content) && !/[=<>]/.test(content);
}

function hasMathMarkup(content: string): boolean {
  return /[\\^_{}]/.test(content);
}

export function scanBracketMath(source: string, start: number, closing: string, out: PhrasingBuilder, scan: ScanNested): number | null {
  const end = source.indexOf(closing, start + 2);
  if (end === -1) return null;
  out.pushNodes(scan(source.slice(start + 2, end), 'math'));
  return end + closing.length;
}

export function scanMathCharacter(source: string, i: number, out: PhrasingBuilder, scan: ScanNested): number | null {
  const ch = source[i]!;
  if (ch === '{') {
    const group = readGroup(source, i);
    if (group === null) return i + 1; // a lone brace is grouping noise
    out.pushNodes(scan(group.content, 'math'));
    return group.end;
  }
  if (ch === '}') return i + 1;
  if (ch === '~') {
    out.pushText(' ');
    return i + 1;
  }
  return null;
}

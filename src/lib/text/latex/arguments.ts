/** Reading a command's arguments: `{groups}` with nested braces, single tokens, accent letters. */
import { isAsciiLetter } from './chars.ts';

export interface Group {
  content: string;
  end: number;
}

/** `{…}` starting at `start`, with nested braces and `\{` escapes; null if unbalanced. */
export function readGroup(source: string, start: number): Group | null {
  if (source[start] !== '{') return null;
  let depth = 0;
  for (let j = start; j < source.length; j += 1) {
    const ch = source[j];
    if (ch === '\\') j += 1;
    else if (ch === '{') depth += 1;
    else if (ch === '}') {
      depth -= 1;
      if (depth === 0) return { content: source.slice(start + 1, j), end: j + 1 };
    }
  }
  return null;
}

/** One macro argument: a `{group}`, a `\command`, or one character, after optional spaces. */
export function readArgument(source: string, start: number): Group | null {
  let position = start;
  while (source[position] === ' ') position += 1;
  const ch = source[position];
  if (ch === undefined) return null;
  if (ch === '{') return readGroup(source, position);
  if (ch === '\\') {
    let end = position + 1;
    while (end < source.length && isAsciiLetter(source[end]!)) end += 1;
    if (end === position + 1) end += 1;
    return { content: source.slice(position, end), end };
  }
  if (ch === '}' || /\s/.test(ch)) return null;
  const codePoint = String.fromCodePoint(source.codePointAt(position)!);
  return { content: codePoint, end: position + codePoint.length };
}

/**
 * The letter an accent applies to: `\"o`, `\"{o}`, `\'{\i}`, `\'\i`, and for letter-named accents
 * (`\c c`, `\v{s}`) only a braced or space-separated letter, so `\cite` is not `\c` + `ite`.
 */
export function readAccentArgument(source: string, start: number, needsSeparator: boolean): { letter: string; end: number } | null {
  let position = start;
  if (needsSeparator && source[position] !== '{' && source[position] !== ' ') return null;
  while (source[position] === ' ') position += 1;
  const braced = source[position] === '{';
  if (braced) position += 1;
  let letter: string | undefined;
  if (source.startsWith('\\i', position) && !isAsciiLetter(source[position + 2] ?? '')) {
    letter = 'ı';
    position += 2;
  } else if (source.startsWith('\\j', position) && !isAsciiLetter(source[position + 2] ?? '')) {
    letter = 'ȷ';
    position += 2;
  } else if (isAsciiLetter(source[position] ?? '')) {
    letter = source[position];
    position += 1;
  }
  if (letter === undefined) return null;
  if (braced) {
    if (source[position] !== '}') return null;
    position += 1;
  }
  return { letter, end: position };
}

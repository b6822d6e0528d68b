/** Words and punctuation in prose: commands that lost their backslash, TeX dashes, ties. */
import type { ScanNested } from './nodes.ts';
import type { PhrasingBuilder } from './builder.ts';
import { readGroup, type Group } from './arguments.ts';
import { isAsciiLetter, isDigit, isWordChar } from './chars.ts';
import { BARE_FONT_WORDS } from './command-names.ts';
import { fontNodes } from './commands.ts';
import { GREEK, SYMBOLS } from './symbols.ts';

/**
 * Whole words in prose. Mostly copied through, except command names that lost their
 * backslash where the context makes them unambiguous:
 * `mathbf x` → bold x; `kleq 10` → `k ≤ 10`; `pi_0`, `chi^2`, `tau =` → Greek;
 * `64times64`, `1.53times` → `×`; `{a, b, dots}` → `…`.
 */
export function scanWord(source: string, start: number, out: PhrasingBuilder, scan: ScanNested): number {
  let end = start;
  while (end < source.length && isAsciiLetter(source[end]!)) end += 1;
  const word = source.slice(start, end);
  const following = source[end] ?? '';

  if (BARE_FONT_WORDS.has(word) && !isWordChar(following)) {
    const argument = readBareFontArgument(source, end);
    if (argument !== null) {
      out.pushNodes(fontNodes(word, argument.content, 'math', scan));
      return argument.end;
    }
  }
  const relation = /^([A-Za-z]?)(leq|geq|neq)$/.exec(word);
  if (relation !== null && /\s/.test(following)) {
    out.pushText(relation[1] === '' ? SYMBOLS[relation[2]!]! : `${relation[1]} ${SYMBOLS[relation[2]!]}`);
    return end;
  }
  if (GREEK[word] !== undefined && /^\s?=[^=]/.test(source.slice(end, end + 3))) {
    out.pushText(GREEK[word]);
    return end;
  }
  if (word === 'times' && isDigit(out.lastChar())) {
    out.pushText('×');
    return end;
  }
  if ((word === 'dots' || word === 'ldots' || word === 'cdots') && /,\s?$/.test(out.tail(2)) && (following === '}' || following === ')')) {
    out.pushText(SYMBOLS[word]!);
    return end;
  }
  out.pushText(word);
  return end;
}

/** The argument of a bare `mathbf`: `mathbf x` or `mathbf{x}`, a single letter or group. */
function readBareFontArgument(source: string, start: number): Group | null {
  let position = start;
  while (source[position] === ' ') position += 1;
  if (source[position] === '{') return readGroup(source, position);
  if (position === start) return null;
  const letter = source[position] ?? '';
  if (!isAsciiLetter(letter) || isAsciiLetter(source[position + 1] ?? '')) return null;
  return { content: letter, end: position + 1 };
}

// --- punctuation in prose ---------------------------------------------------------------------

/** `---` → em dash, `--` → en dash (TeX ligatures). */
export function scanDashes(source: string, start: number, out: PhrasingBuilder): number {
  if (source[start + 2] === '-') {
    out.pushText('—');
    return start + 3;
  }
  out.pushText('–');
  return start + 2;
}

/**
 * `~` ties words in LaTeX (`Fig.~3`); elsewhere in prose it usually means "about" (`~30%`),
 * so only a tilde between a letter or period and a word becomes a no-break space.
 */
export function scanTilde(source: string, start: number, out: PhrasingBuilder): number | null {
  const before = out.lastChar();
  const after = source[start + 1] ?? '';
  if ((isAsciiLetter(before) || before === '.') && (isAsciiLetter(after) || isDigit(after) || after === '\\')) {
    out.pushText('\u00a0');
    return start + 1;
  }
  return null;
}

/** Backslash commands: symbols, accents, fonts, fractions and roots, references, unknown macros. */
import type { Emphasis, InlineCode, PhrasingContent, Strong } from 'mdast';
import type { Mode, ScanNested } from './nodes.ts';
import type { PhrasingBuilder } from './builder.ts';
import { readAccentArgument, readArgument, readGroup } from './arguments.ts';
import { isAsciiLetter } from './chars.ts';
import {
  ACCENTS,
  BOLD_COMMANDS,
  CODE_COMMANDS,
  DROPPED_COMMANDS,
  ESCAPED_CHARACTERS,
  IGNORED_COMMANDS,
  ITALIC_COMMANDS,
  LETTER_FONT_COMMANDS,
  MATH_ACCENTS,
  PLAIN_FONT_COMMANDS,
} from './command-names.ts';
import { scanBracketMath } from './math.ts';
import { SYMBOLS } from './symbols.ts';
import { composeAccent, mapLetterFont, phrasingToPlainText, toSuperscript } from './unicode.ts';

export function scanCommand(source: string, start: number, mode: Mode, out: PhrasingBuilder, scan: ScanNested): number | null {
  const first = source[start + 1];
  if (first === undefined) return null;
  if (!isAsciiLetter(first)) return scanSymbolCommand(source, start, first, mode, out, scan);
  let end = start + 1;
  while (end < source.length && isAsciiLetter(source[end]!)) end += 1;
  const name = source.slice(start + 1, end);
  if (name === 'begin' || name === 'end') return skipEnvironmentMarker(source, end);
  return scanNamedCommand(source, name, end, mode, out, scan);
}

function scanSymbolCommand(source: string, start: number, symbol: string, mode: Mode, out: PhrasingBuilder, scan: ScanNested): number {
  const after = start + 2;
  if (ESCAPED_CHARACTERS.includes(symbol)) {
    out.pushText(symbol === '|' ? '‖' : symbol);
    return after;
  }
  if (ACCENTS[symbol] !== undefined) {
    const accented = readAccentArgument(source, after, false);
    if (accented !== null) {
      out.pushText(composeAccent(ACCENTS[symbol], accented.letter));
      return accented.end;
    }
    out.pushText(symbol);
    return after;
  }
  if (symbol === '(' || symbol === '[') {
    const end = scanBracketMath(source, start, symbol === '(' ? '\\)' : '\\]', out, scan);
    if (end !== null) return end;
  }
  if (symbol === '\\' || symbol === ' ' || symbol === '\n' || symbol === ';' || symbol === ':') out.pushText(' ');
  else if (symbol === ',') out.pushText('\u2009');
  else if (symbol === '!' || symbol === '-' || symbol === '/' || symbol === '@' || symbol === ')' || symbol === ']') {
    // negative space, discretionary hyphen, ligature break, stray math closers: nothing to print
  } else out.pushText(mode === 'math' ? symbol : `\\${symbol}`);
  return after;
}

function skipEnvironmentMarker(source: string, end: number): number {
  const group = readGroup(source, end);
  return group === null ? end : group.end;
}

function scanNamedCommand(source: string, name: string, end: number, mode: Mode, out: PhrasingBuilder, scan: ScanNested): number {
  if (name.length === 1 && ACCENTS[name] !== undefined) {
    const accented = readAccentArgument(source, end, true);
    if (accented !== null) {
      out.pushText(composeAccent(ACCENTS[name], accented.letter));
      return accented.end;
    }
  }
  if (IGNORED_COMMANDS.has(name)) {
    // `\left.` / `\right.` use `.` as an invisible delimiter
    return (name === 'left' || name === 'right') && source[end] === '.' ? end + 1 : end;
  }
  if (DROPPED_COMMANDS.has(name)) {
    out.trimEndSpaces();
    return skipArguments(source, end);
  }
  if (
    BOLD_COMMANDS.has(name) ||
    ITALIC_COMMANDS.has(name) ||
    CODE_COMMANDS.has(name) ||
    PLAIN_FONT_COMMANDS.has(name) ||
    LETTER_FONT_COMMANDS.has(name)
  ) {
    const argument = readArgument(source, end);
    if (argument !== null) {
      out.pushNodes(fontNodes(name, argument.content, fontContentMode(name, mode), scan));
      return argument.end;
    }
  }
  if (MATH_ACCENTS[name] !== undefined) {
    const argument = readArgument(source, end);
    if (argument !== null) {
      const base = latexToUnicodeIn(argument.content, 'math', scan);
      out.pushText([...base].length === 1 ? composeAccent(MATH_ACCENTS[name], base) : base);
      return argument.end;
    }
  }
  if (name === 'frac' || name === 'dfrac' || name === 'tfrac') {
    const fraction = scanFraction(source, end, out, scan);
    if (fraction !== null) return fraction;
  }
  if (name === 'sqrt') return scanSquareRoot(source, end, out, scan);
  if (name === 'footnote') return scanFootnote(source, end, out, scan);
  if (name === 'href') return scanHref(source, end, out, scan);
  if (name === 'textcolor' || name === 'color') return skipFirstArgument(source, end);
  if (SYMBOLS[name] !== undefined) {
    out.pushText(SYMBOLS[name]);
    return source.startsWith('{}', end) ? end + 2 : end; // `\ss{}`: empty group ends the name
  }
  return scanUnknownCommand(source, name, end, mode, out, scan);
}

function fontContentMode(name: string, mode: Mode): Mode {
  if (name.startsWith('text') || name === 'emph' || name === 'mbox' || name === 'hbox') return 'text';
  if (name.startsWith('math') || name === 'boldsymbol' || name === 'bm' || name === 'operatorname') return 'math';
  return mode;
}

export function fontNodes(name: string, content: string, mode: Mode, scan: ScanNested): PhrasingContent[] {
  const children = scan(content, mode);
  if (BOLD_COMMANDS.has(name)) return children.length === 0 ? [] : [{ type: 'strong', children } satisfies Strong];
  if (ITALIC_COMMANDS.has(name)) return children.length === 0 ? [] : [{ type: 'emphasis', children } satisfies Emphasis];
  if (CODE_COMMANDS.has(name)) {
    const value = phrasingToPlainText(children);
    return value === '' ? [] : [{ type: 'inlineCode', value } satisfies InlineCode];
  }
  if (LETTER_FONT_COMMANDS.has(name)) return [{ type: 'text', value: mapLetterFont(name, phrasingToPlainText(children)) }];
  return children;
}

function latexToUnicodeIn(source: string, mode: Mode, scan: ScanNested): string {
  return phrasingToPlainText(scan(source, mode));
}

/** `\frac{a}{b}` → `a/b`, `\frac{a+b}{2}` → `(a+b)/2`. */
function scanFraction(source: string, end: number, out: PhrasingBuilder, scan: ScanNested): number | null {
  const numerator = readArgument(source, end);
  if (numerator === null) return null;
  const denominator = readArgument(source, numerator.end);
  if (denominator === null) return null;
  pushParenthesisedIfCompound(scan(numerator.content, 'math'), out);
  out.pushText('/');
  pushParenthesisedIfCompound(scan(denominator.content, 'math'), out);
  return denominator.end;
}

function pushParenthesisedIfCompound(nodes: PhrasingContent[], out: PhrasingBuilder): void {
  const text = phrasingToPlainText(nodes);
  const compound = /[\s+\-−*/=,·×]/.test(text.trim()) || nodes.length > 1;
  if (compound) out.pushText('(');
  out.pushNodes(nodes);
  if (compound) out.pushText(')');
}

/** `\sqrt{x}` → `√x`, `\sqrt[3]{x+1}` → `∛(x+1)`. */
function scanSquareRoot(source: string, end: number, out: PhrasingBuilder, scan: ScanNested): number {
  let position = end;
  let sign = '√';
  if (source[position] === '[') {
    const close = source.indexOf(']', position);
    if (close !== -1) {
      const index = source.slice(position + 1, close).trim();
      sign = index === '3' ? '∛' : index === '4' ? '∜' : `${toSuperscript(index) ?? index}√`;
      position = close + 1;
    }
  }
  const argument = readArgument(source, position);
  out.pushText(sign);
  if (argument === null) return position;
  pushParenthesisedIfCompound(scan(argument.content, 'math'), out);
  return argument.end;
}

function scanFootnote(source: string, end: number, out: PhrasingBuilder, scan: ScanNested): number {
  const argument = readArgument(source, end);
  if (argument === null) return end;
  out.trimEndSpaces();
  out.pushText(' (');
  out.pushNodes(scan(argument.content, 'text'));
  out.pushText(')');
  return argument.end;
}

/** `\href{url}{text}` that the link plugin did not turn into a link: keep the text. */
function scanHref(source: string, end: number, out: PhrasingBuilder, scan: ScanNested): number {
  const target = readArgument(source, end);
  if (target === null) return end;
  const label = readArgument(source, target.end);
  if (label === null) {
    out.pushText(target.content);
    return target.end;
  }
  out.pushNodes(scan(label.content, 'text'));
  return label.end;
}

function skipFirstArgument(source: string, end: number): number {
  const argument = readArgument(source, end);
  return argument === null ? end : argument.end;
}

function skipArguments(source: string, end: number): number {
  let position = end;
  while (source[position] === '[') {
    const close = source.indexOf(']', position);
    if (close === -1) break;
    position = close + 1;
  }
  const group = readGroup(source, position);
  return group === null ? position : group.end;
}

/**
 * An unknown macro (`\ours`, `\method{}`): print its name without the backslash, or, when it
 * takes a non-empty argument, the argument.
 */
function scanUnknownCommand(source: string, name: string, end: number, mode: Mode, out: PhrasingBuilder, scan: ScanNested): number {
  const group = readGroup(source, end);
  if (group === null) {
    out.pushText(name);
    return end;
  }
  if (group.content.trim() === '') out.pushText(name);
  else out.pushNodes(scan(group.content, mode));
  return group.end;
}

/**
 * The scanner: walks the source once, hands each LaTeX-looking spot to the module that knows
 * it (commands, math, scripts, prose words) and copies everything else through.
 */
import type { PhrasingContent } from 'mdast';
import type { Mode, ScanNested } from './nodes.ts';
import { PhrasingBuilder } from './builder.ts';
import { isAsciiLetter } from './chars.ts';
import { scanCommand } from './commands.ts';
import { scanDollarMath, scanMathCharacter } from './math.ts';
import { scanDashes, scanTilde, scanWord } from './prose.ts';
import { scanScript } from './scripts.ts';
import { phrasingToPlainText } from './unicode.ts';

/** Parse LaTeX-flavoured prose into phrasing nodes (text, strong, emphasis, inlineCode, sub, sup). */
export function parseLatexInline(source: string): PhrasingContent[] {
  if (!mayContainLatex(source)) return source === '' ? [] : [{ type: 'text', value: source }];
  return scan(source, 'text', 0);
}

/** Plain Unicode text for a string with LaTeX leftovers: `na\"ive $\alpha$-div` → `naïve α-div`. */
export function latexToUnicode(source: string): string {
  return phrasingToPlainText(parseLatexInline(source));
}

/**
 * Cheap test: could `source` contain anything `parseLatexInline` would change? `LATEX_HINT`
 * says, but for every abstract a few `includes` say it faster; only "times" needs the regex.
 */
export function mayContainLatex(source: string): boolean {
  if (source.includes('times')) return LATEX_HINT.test(source);
  return LATEX_CHARACTER.test(source) || LATEX_WORDS.some((word) => source.includes(word));
}

const LATEX_CHARACTER = /[\\$_^~`=]/;
const LATEX_WORDS = ['--', "''", 'math', 'bold', 'leq', 'geq', 'neq', 'dots'];

const LATEX_HINT = /[\\$_^~`]|--|''|\d\s?times|math|bold|leq|geq|neq|dots|=/;

/** Groups nest this deep at most; deeper content is kept as written (no stack overflow on junk). */
const MAX_NESTING = 16;

function scan(source: string, mode: Mode, depth: number): PhrasingContent[] {
  if (depth >= MAX_NESTING) return source === '' ? [] : [{ type: 'text', value: source }];
  return scanUnnested(source, mode, (inner, innerMode) => scan(inner, innerMode, depth + 1));
}

function scanUnnested(source: string, mode: Mode, nested: ScanNested): PhrasingContent[] {
  const out = new PhrasingBuilder();
  // Each scan owns its regex: a `/g` regex keeps its position in `lastIndex`, which nested scans would overwrite.
  const triggers = mode === 'text' ? new RegExp(TEXT_TRIGGER, 'g') : null;
  let sawOpeningQuotes = false;
  let i = 0;
  while (i < source.length) {
    if (triggers !== null) {
      const trigger = nextTextTrigger(triggers, source, i);
      if (trigger > i) {
        out.pushText(source.slice(i, trigger));
        i = trigger;
        continue;
      }
    }
    const ch = source[i]!;
    let next: number | null = null;
    if (ch === '\\') next = scanCommand(source, i, mode, out, nested);
    else if (ch === '$' && mode === 'text') next = scanDollarMath(source, i, out, nested);
    else if (ch === '_' || ch === '^') next = scanScript(source, i, mode, out, nested);
    else if (mode === 'math') next = scanMathCharacter(source, i, out, nested);
    else if (isAsciiLetter(ch) && !isAsciiLetter(source[i - 1] ?? '')) next = scanWord(source, i, out, nested);
    else if (ch === '-' && source[i + 1] === '-') next = scanDashes(source, i, out);
    else if (ch === '`' && source[i + 1] === '`') {
      out.pushText('“');
      sawOpeningQuotes = true;
      next = i + 2;
    } else if (ch === "'" && source[i + 1] === "'" && sawOpeningQuotes) {
      out.pushText('”');
      next = i + 2;
    } else if (ch === '~') next = scanTilde(source, i, out);
    if (next === null) {
      out.pushText(ch);
      next = i + 1;
    }
    i = next;
  }
  return out.finish();
}

/**
 * Where something might need rewriting in prose: LaTeX characters, and the few bare words
 * `scanWord` looks at. Everything before the next trigger is copied through in one piece.
 */
const TEXT_TRIGGER =
  /[\\$_^~`'-]|(?<![A-Za-z])(?:mathbf|boldsymbol|mathbb|mathcal|mathrm|[A-Za-z]?(?:leq|geq|neq)|l?dots|cdots|times|[A-Za-z]+(?=\s?=))(?![A-Za-z])/;

function nextTextTrigger(triggers: RegExp, source: string, from: number): number {
  triggers.lastIndex = from;
  const match = triggers.exec(source);
  return match === null ? source.length : match.index;
}

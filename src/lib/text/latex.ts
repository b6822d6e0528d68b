/**
 * LaTeX leftovers in plain-text abstracts → readable Unicode and a few inline mdast nodes.
 *
 * Abstracts copied from web pages keep bits of their LaTeX source (`na\"ive`, `\pi_0`, `12.2\%`,
 * `$O(n^2)$`) and sometimes lose the backslashes on the way (`64times64`, `mathbf x_0`, `kleq 10`).
 * `parseLatexInline` turns such a string into phrasing nodes: text (with Unicode for symbols,
 * accents and Greek letters), `strong` / `emphasis` / `inlineCode` for font commands, and
 * `subscript` / `superscript` nodes that become `<sub>` / `<sup>` in HTML. No KaTeX, no client
 * JavaScript: the goal is legible text, not typeset formulas.
 *
 * Two modes, as in LaTeX: *text* (outside `$…$`; conservative, because most of it is prose that
 * merely looks like markup) and *math* (inside `$…$`, `\(…\)`, `\[…\]`; LaTeX rules apply).
 *
 * The parts live in `latex/`: `scanner.ts` walks the source and hands each LaTeX-looking spot
 * to `commands.ts`, `math.ts`, `scripts.ts` or `prose.ts`; `arguments.ts` reads `{groups}`;
 * `builder.ts` collects nodes; `symbols.ts`, `command-names.ts` and `unicode.ts` are the tables;
 * `plugin.ts` is the unified plugin.
 */
export type { Subscript, Superscript } from './latex/nodes.ts';
export { latexToUnicode, mayContainLatex, parseLatexInline } from './latex/scanner.ts';
export { findDollarMathSpan } from './latex/math.ts';
export { readGroup } from './latex/arguments.ts';
export { composeAccent, mapLetterFont, phrasingToPlainText, toSubscript, toSuperscript } from './latex/unicode.ts';
export { remarkLatexText } from './latex/plugin.ts';

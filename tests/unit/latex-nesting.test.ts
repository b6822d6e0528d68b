import { describe, expect, it } from 'vitest';
import { latexToUnicode, parseLatexInline } from '../../src/lib/text/latex.ts';

describe('LaTeX scanner state', () => {
  it('keeps groups nested deeper than 16 levels as written, without overflowing the stack', () => {
    const deep = `${'\\textbf{'.repeat(40)}x${'}'.repeat(40)}`;
    const text = latexToUnicode(deep);
    expect(text).toContain('\\textbf{');
    expect(text.endsWith(`x${'}'.repeat(24)}`)).toBe(true);
  });

  it('resumes prose after a nested scan at the right place (no position shared between scans)', () => {
    expect(latexToUnicode('a -- \\emph{b -- c} -- d \\textbf{e --- f} --- g')).toBe('a – b – c – d e — f — g');
  });

  it('gives the same result however often and in whatever order it runs', () => {
    const inputs = ['$\\alpha_{t-1}$ -- x', 'mathbf x_0 and \\frac{a+b}{2}', '64times64 \\emph{$x^2$}'];
    const first = inputs.map((s) => JSON.stringify(parseLatexInline(s)));
    const again = [...inputs].reverse().map((s) => JSON.stringify(parseLatexInline(s)));
    expect(again.reverse()).toEqual(first);
  });
});

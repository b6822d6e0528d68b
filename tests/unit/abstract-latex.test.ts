import { describe, expect, it } from 'vitest';
import {
  composeAccent,
  findDollarMathSpan,
  latexToUnicode,
  mapLetterFont,
  parseLatexInline,
  toSubscript,
  toSuperscript,
} from '../../src/lib/text/latex.ts';

describe('latexToUnicode: examples from the seeds', () => {
  it.each([
    ['na\\"ive behavioral cloning', 'naïve behavioral cloning'],
    ['distributions \\pi_0 and \\pi_1', 'distributions π₀ and π₁'],
    ['improved by up to 12.2\\% for ICL', 'improved by up to 12.2% for ICL'],
    ['(at $0.031 each)', '(at $0.031 each)'],
    ['ImageNet 64times64 and FFHQ 64times64', 'ImageNet 64×64 and FFHQ 64×64'],
    ['R_y(mathbf x_0)', 'R_y(x₀)'],
    ['a control input sequence mathbf u for each mathbf y in R_y(mathbf x_0)', 'a control input sequence u for each y in R_y(x₀)'],
    ['over 97% of the time', 'over 97% of the time'],
    ['with prompts of kleq 10 tokens', 'with prompts of k ≤ 10 tokens'],
    ['the SequenceMatch-chi^2 divergence', 'the SequenceMatch-χ² divergence'],
    ['trajectories tau = {o_0, a_0, dots} and', 'trajectories τ = {o₀, a₀, …} and'],
    ['1.53times~20.57times throughput', '1.53×~20.57× throughput'],
    ['VLAs (pi_0 and RDT-1B)', 'VLAs (π₀ and RDT-1B)'],
    ['solution NSAM_(+p), and', 'solution NSAM₍₊ₚ₎, and'],
    ['agentic tasks -- baseline results', 'agentic tasks – baseline results'],
  ])('%s', (source, expected) => {
    expect(latexToUnicode(source)).toBe(expected);
  });
});

describe('latexToUnicode: common LaTeX', () => {
  it.each([
    ['$\\alpha$-divergence', 'α-divergence'],
    ['$O(n^2)$ time', 'O(n²) time'],
    ['\\textbf{bold} and \\emph{stress}', 'bold and stress'],
    ['as shown \\cite{smith2020, doe2021}.', 'as shown.'],
    ['as in~\\citep[p.~3]{smith2020}', 'as in'],
    ['$\\mathbb{R}^d$', 'ℝᵈ'],
    ['caf\\\'e, Schr\\"odinger, Espa\\~na', 'café, Schrödinger, España'],
    ['na\\"{i}ve, na\\"{\\i}ve, \\\'{\\i}, \\c{c}, \\v{s}, \\ss{}', 'naïve, naïve, í, ç, š, ß'],
    ['pages 1--10 --- roughly', 'pages 1–10 — roughly'],
    ['R\\&D, snake\\_case, \\#1, \\$5', 'R&D, snake_case, #1, $5'],
    ['$\\sim$10\\% and $\\leq 3$, $2 \\times 3 \\cdot 4$', '∼10% and ≤ 3, 2 × 3 · 4'],
    ['$\\infty$ $\\rightarrow$ $\\to$', '∞ → →'],
    ['$\\alpha, \\beta, \\gamma, \\theta, \\lambda, \\Omega$', 'α, β, γ, θ, λ, Ω'],
    ['x^2 and x_{t-1}', 'x² and xₜ₋₁'],
    ['$x_{t-1}$ and $x^{2}$', 'xₜ₋₁ and x²'],
    ['$\\frac{a+b}{2}$ and $\\sqrt{x}$', '(a+b)/2 and √x'],
    ['$\\mathcal{L}$ $\\hat{x}$', 'ℒ x̂'],
    ["``quoted'' text", '“quoted” text'],
    ['Fig.~3 and ~30% faster', 'Fig.\u00a03 and ~30% faster'],
    ['\\url{ftp://example.org/x}', 'ftp://example.org/x'],
    ['\\ours{} beats \\method{X}', 'ours beats X'],
    ['varepsilon_t, eta_t and beta^2, not xeta_t', 'εₜ, ηₜ and β², not xeta_t'],
  ])('%s', (source, expected) => {
    expect(latexToUnicode(source)).toBe(expected);
  });
});

describe('latexToUnicode: prose that only looks like markup stays as it is', () => {
  it.each([
    'costs $5 and $10 per run',
    'between $20-$30 each',
    'snake_case, __init__, x_train, gpt_4 and _underscores_',
    '*stars* and [brackets](x) and <script>alert(1)</script> and &amp;',
    'sometimes a 3-times faster, timestep-wise model',
    'it is the model\'s "best" guess; e.g. a ~5% gain',
    'Alpha beta release: the beta version improves pi estimates',
  ])('%s', (source) => {
    expect(latexToUnicode(source)).toBe(source);
  });
});

describe('parseLatexInline: nodes for HTML', () => {
  it('turns bold math into strong and scripts into subscript/superscript nodes', () => {
    expect(parseLatexInline('mathbf x_0 and n^2')).toEqual([
      { type: 'strong', children: [{ type: 'text', value: 'x' }] },
      { type: 'subscript', children: [{ type: 'text', value: '0' }], data: { hName: 'sub' } },
      { type: 'text', value: ' and n' },
      { type: 'superscript', children: [{ type: 'text', value: '2' }], data: { hName: 'sup' } },
    ]);
  });

  it('keeps the plain-text form of scripts without a Unicode equivalent', () => {
    expect(latexToUnicode('R_y and $x_{\\text{data}}$ and $e^{\\text{q}}$')).toBe('R_y and x_(data) and e^q');
  });

  it('returns one text node for text without LaTeX', () => {
    expect(parseLatexInline('Plain words.')).toEqual([{ type: 'text', value: 'Plain words.' }]);
    expect(parseLatexInline('')).toEqual([]);
  });
});

describe('math spans', () => {
  it('accepts $…$ with a non-space inside each dollar and no digit after the closing one', () => {
    expect(findDollarMathSpan('a $x$ b', 2)).toEqual({ contentStart: 3, contentEnd: 4, end: 5 });
    expect(findDollarMathSpan('$$x^2$$', 0)).toEqual({ contentStart: 2, contentEnd: 5, end: 7 });
  });

  it('rejects currency', () => {
    expect(findDollarMathSpan('at $0.031 each)', 3)).toBeNull();
    expect(findDollarMathSpan('$5 and $10', 0)).toBeNull();
    expect(findDollarMathSpan('$5 or 10$', 0)).toBeNull();
  });
});

describe('pure helpers', () => {
  it('composes accents', () => {
    expect(composeAccent('\u0308', 'i')).toBe('ï');
    expect(composeAccent('\u0301', 'ı')).toBe('í');
  });

  it('maps sub/superscripts only when every character has a form', () => {
    expect(toSubscript('t-1')).toBe('ₜ₋₁');
    expect(toSubscript('y')).toBeNull();
    expect(toSuperscript('-3')).toBe('⁻³');
    expect(toSuperscript('')).toBeNull();
  });

  it('maps letter fonts', () => {
    expect(mapLetterFont('mathbb', 'RNA')).toBe('ℝℕ𝔸');
    expect(mapLetterFont('mathcal', 'L')).toBe('ℒ');
  });
});

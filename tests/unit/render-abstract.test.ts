import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { abstractToMdast, excerpt, renderAbstract, splitParagraphs } from '../../src/lib/text/render-abstract.ts';

const SEEDS = new URL('../../seeds/', import.meta.url);

/** Abstract lines of the real seeds: the long lines. */
function seedAbstracts(): string[] {
  const lines = readdirSync(SEEDS)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .flatMap((name) => readFileSync(new URL(name, SEEDS), 'utf8').split('\n'));
  return [...new Set(lines.map((line) => line.trim()).filter((line) => line.length > 300))];
}

const ALLOWED_TAGS = new Set(['p', 'a', 'sub', 'sup', 'strong', 'em', 'code']);

function tagsIn(html: string): string[] {
  return [...html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9-]*)/g)].map((match) => match[1]!.toLowerCase());
}

function attributesIn(html: string): string[] {
  return [...html.matchAll(/<[a-zA-Z][^>]*>/g)].flatMap((tag) => [...tag[0].matchAll(/\s([a-zA-Z-]+)=/g)].map((m) => m[1]!));
}

describe('renderAbstract: plain text and HTML', () => {
  it('renders the seed examples', () => {
    const result = renderAbstract(
      'Unlike na\\"ive behavioral cloning, it moves between distributions \\pi_0 and \\pi_1, improved by up to 12.2\\% for ICL ' +
        '(at $0.031 each) on ImageNet 64times64 and FFHQ 64times64 over 97% of the time.',
    );
    expect(result.plain).toBe(
      'Unlike naïve behavioral cloning, it moves between distributions π₀ and π₁, improved by up to 12.2% for ICL ' +
        '(at $0.031 each) on ImageNet 64×64 and FFHQ 64×64 over 97% of the time.',
    );
    expect(result.html).toBe(
      '<p>Unlike naïve behavioral cloning, it moves between distributions π<sub>0</sub> and π<sub>1</sub>, improved by up to 12.2% for ICL ' +
        '(at $0.031 each) on ImageNet 64×64 and FFHQ 64×64 over 97% of the time.</p>',
    );
    expect(result.links).toEqual([]);
  });

  it('renders bold vectors and subscripts', () => {
    const result = renderAbstract('a control input sequence mathbf u for each mathbf y in R_y(mathbf x_0)');
    expect(result.plain).toBe('a control input sequence u for each y in R_y(x₀)');
    expect(result.html).toBe(
      '<p>a control input sequence <strong>u</strong> for each <strong>y</strong> in R<sub>y</sub>(<strong>x</strong><sub>0</sub>)</p>',
    );
  });

  it('renders math spans as HTML without any math runtime', () => {
    const result = renderAbstract('An $\\alpha$-divergence in $O(n^2)$ over $\\mathbb{R}^d$ with \\textbf{bold} and \\emph{stress}.');
    expect(result.plain).toBe('An α-divergence in O(n²) over ℝᵈ with bold and stress.');
    expect(result.html).toBe(
      '<p>An α-divergence in O(n<sup>2</sup>) over ℝ<sup>d</sup> with <strong>bold</strong> and <em>stress</em>.</p>',
    );
    expect(result.html).not.toMatch(/katex|<script|class=/i);
  });

  it('links URLs without their sentence punctuation, with rel="nofollow noopener"', () => {
    const result = renderAbstract(
      'Videos on our website https://portal-cornell.github.io/motion_track_policy/. Code at https://github.com/thuml/Flowformer.',
    );
    expect(result.html).toBe(
      '<p>Videos on our website <a href="https://portal-cornell.github.io/motion_track_policy/" rel="nofollow noopener">' +
        'https://portal-cornell.github.io/motion_track_policy/</a>. Code at ' +
        '<a href="https://github.com/thuml/Flowformer" rel="nofollow noopener">https://github.com/thuml/Flowformer</a>.</p>',
    );
    expect(result.plain).toBe(
      'Videos on our website https://portal-cornell.github.io/motion_track_policy/. Code at https://github.com/thuml/Flowformer.',
    );
    expect(result.links).toEqual([
      { url: 'https://portal-cornell.github.io/motion_track_policy/', kind: 'project' },
      { url: 'https://github.com/thuml/Flowformer', kind: 'code' },
    ]);
  });

  it('converts \\url{} into a link, and leaves non-http targets as text', () => {
    const result = renderAbstract('See \\url{https://a.org/x_y} and \\href{javascript:alert(1)}{this}.');
    expect(result.html).toBe('<p>See <a href="https://a.org/x_y" rel="nofollow noopener">https://a.org/x_y</a> and this.</p>');
    expect(result.html).not.toContain('javascript');
  });

  it('splits paragraphs at blank lines and collapses other whitespace', () => {
    const result = renderAbstract('First  paragraph\nstill first.\n \nSecond $x_1$.\n\n\n');
    expect(splitParagraphs('First  paragraph\nstill first.\n \nSecond.')).toEqual(['First paragraph still first.', 'Second.']);
    expect(result.html).toBe('<p>First paragraph still first.</p>\n<p>Second x<sub>1</sub>.</p>');
    expect(result.plain).toBe('First paragraph still first.\n\nSecond x₁.');
  });

  it('renders an empty abstract as nothing', () => {
    expect(renderAbstract('  \n ')).toEqual({ html: '', plain: '', links: [] });
  });

  it('builds root > paragraph > text without parsing', () => {
    expect(abstractToMdast('*a* <b>')).toEqual({
      type: 'root',
      children: [{ type: 'paragraph', children: [{ type: 'text', value: '*a* <b>' }] }],
    });
  });
});

describe('renderAbstract: the abstract is text, never Markdown or HTML', () => {
  const hostile =
    'We test <script>alert(1)</script> and <img src=x onerror=alert(1)> with &amp; and "quotes" ' +
    'and \'single\' quotes, *stars*, _underscores_, [brackets](x), <a href="javascript:alert(1)">x</a> and `ticks`.';

  it('escapes markup so no element or attribute can be injected', () => {
    const { html, plain } = renderAbstract(hostile);
    expect(tagsIn(html)).toEqual(['p', 'p']);
    expect(attributesIn(html)).toEqual([]);
    expect(html).not.toMatch(/<script|<img|<a\s/i);
    expect(html).toContain('&#x3C;script>alert(1)&#x3C;/script>');
    expect(plain).toBe(hostile);
    expect(html).toBe(`<p>${hostile.replaceAll('&', '&#x26;').replaceAll('<', '&#x3C;')}</p>`);
  });

  it('escapes every ampersand', () => {
    const { html } = renderAbstract('R&D &amp; Q&A at https://x.org/?a=1&b=2');
    const withoutReferences = html.replace(/&#x[0-9a-f]+;/gi, '');
    expect(withoutReferences).not.toContain('&');
    expect(html).toContain('R&#x26;D &#x26;amp; Q&#x26;A');
  });

  it('keeps Markdown-looking text literal', () => {
    const source = 'A *very* _good_ [model](http) with # heading-like text and > quote';
    const { html, plain } = renderAbstract(source);
    expect(plain).toBe(source);
    expect(html).toBe(`<p>${source}</p>`);
  });
});

describe('renderAbstract: clean text passes through', () => {
  const clean =
    'We study how robots learn from demonstrations. Our method improves success rates by 12% on twelve ' +
    'manipulation tasks (e.g., pick-and-place), and costs $0.03 per episode: state-of-the-art results.';

  it('returns the text unchanged apart from escaping', () => {
    const result = renderAbstract(clean);
    expect(result.plain).toBe(clean);
    expect(result.html).toBe(`<p>${clean}</p>`);
    expect(result.links).toEqual([]);
  });

  it('is idempotent on its own plain output for every seed abstract', () => {
    const abstracts = seedAbstracts();
    expect(abstracts.length).toBeGreaterThan(100);
    for (const abstract of abstracts) {
      const { plain } = renderAbstract(abstract);
      expect(renderAbstract(plain).plain).toBe(plain);
    }
  });

  it('produces only allowed tags and attributes for every seed abstract', () => {
    for (const abstract of seedAbstracts()) {
      const { html } = renderAbstract(abstract);
      expect(tagsIn(html).filter((tag) => !ALLOWED_TAGS.has(tag))).toEqual([]);
      expect(attributesIn(html).filter((name) => name !== 'href' && name !== 'rel')).toEqual([]);
      expect(html).not.toMatch(/\\[a-zA-Z%"]/); // no LaTeX command left
    }
  });

  it('finds the code and project links of the seeds', () => {
    const links = seedAbstracts().flatMap((abstract) => renderAbstract(abstract).links);
    expect(links).toContainEqual({ url: 'https://github.com/VinAIResearch/LFM.git', kind: 'code' });
    expect(links).toContainEqual({ url: 'https://sites.google.com/view/cablerouting', kind: 'project' });
    expect(links).toContainEqual({ url: 'https://robotutilitymodels.com', kind: 'project' });
    expect(links).toContainEqual({ url: 'https://aka.ms/orca-lm', kind: 'other' });
    expect(links.every((link) => /^https?:\/\/[^\s]+[^.,;:)]$/.test(link.url))).toBe(true);
  });
});

describe('excerpt', () => {
  it('returns short text whole, whitespace collapsed', () => {
    expect(excerpt('A short  abstract.\n\nTwo paragraphs.')).toBe('A short abstract. Two paragraphs.');
  });

  it('cuts at a word boundary, drops dangling punctuation and appends …', () => {
    expect(excerpt('alpha beta gamma, delta epsilon', 20)).toBe('alpha beta gamma…');
    expect(excerpt('alpha beta gamma delta', 16)).toBe('alpha beta…');
    expect([...excerpt('word '.repeat(100))].length).toBeLessThanOrEqual(240);
  });

  it('hard-cuts a single long word without splitting a character', () => {
    expect(excerpt('𝒟𝒟𝒟𝒟𝒟𝒟', 4)).toBe('𝒟𝒟𝒟…');
  });
});

import { describe, expect, it } from 'vitest';
import { parse } from '@retorquere/bibtex-parser';
import { bibtexEntries, bibtexEntry, bibtexKey, bibtexKeys, escapeBibtex, keyWord, protectTitle } from '../../src/lib/export/bibtex.ts';
import { hexHash } from '../../src/lib/export/hash.ts';

const paper = (id: string, title: string, abstract: string | null = 'An abstract.') => ({
  id,
  title,
  abstract,
  url: `https://lab.example.org/reading-list/papers/${id}/`,
});

/** Parses with a real BibTeX parser, no sentence-casing, and fails on any error. */
function parseBib(bib: string) {
  const library = parse(bib, { english: false, sentenceCase: false });
  expect(library.errors).toEqual([]);
  return library.entries;
}

describe('bibtexKey', () => {
  it('is the first significant title word and a short hash of the id', () => {
    const key = bibtexKey(paper('improving-the-training-of-rectified-flows', 'Improving the Training of Rectified Flows'));
    expect(key).toBe(`improving-${hexHash('improving-the-training-of-rectified-flows')}`);
    expect(key).toMatch(/^[a-z0-9]+-[0-9a-f]{6}$/);
    expect(keyWord('The Art of Scaling: A Survey')).toBe('art');
    expect(keyWord('On the Über-Théorie')).toBe('uber');
    expect(keyWord('大規模言語モデル')).toBe('paper');
    expect(keyWord('Αλγόριθμοι Μάθησης')).toBe('paper');
    expect(keyWord('A')).toBe('a');
    expect(keyWord('3D Gaussians')).toBe('3d');
    expect(keyWord("What's the Magic Word?")).toBe('whats');
    expect(keyWord('<script>alert("title")</script> & Robots')).toBe('script');
    expect(keyWord('A B-Spline Survey')).toBe('spline');
  });
  it('is stable: depends only on the paper', () => {
    const p = paper('x-y', 'Deep 学習 for Robots');
    expect(bibtexKey(p)).toBe(bibtexKey({ ...p }));
    expect(bibtexKey(p)).toMatch(/^[\x21-\x7e]+$/);
  });
});

describe('bibtexKeys', () => {
  /** Two ids whose 6-digit hashes collide (found by search, so the test needs no magic values). */
  function collidingIds(): [string, string] {
    const seen = new Map<string, string>();
    for (let i = 0; ; i++) {
      const id = `same-title-${i}`;
      const hash = hexHash(id);
      const other = seen.get(hash);
      if (other) return [other, id];
      seen.set(hash, id);
    }
  }

  it('makes clashing keys unique, deterministically and whatever the order', () => {
    const [a, b] = collidingIds();
    const pa = paper(a, 'Same Title');
    const pb = paper(b, 'Same Title');
    expect(bibtexKey(pa)).toBe(bibtexKey(pb));
    const keys = bibtexKeys([pb, pa]);
    expect(keys).toEqual(bibtexKeys([pa, pb]));
    const [first, second] = [a, b].sort();
    expect(keys.get(first)).toBe(bibtexKey(pa));
    expect(keys.get(second)).not.toBe(keys.get(first));
    expect(keys.get(second)).toMatch(/^same-[0-9a-f]{7,14}$/);
    const bib = bibtexEntries([pa, pb]);
    expect(
      parseBib(bib)
        .map((e) => e.key)
        .sort(),
    ).toEqual([...keys.values()].sort());
  });

  it('leaves keys without clashes as bibtexKey gives them', () => {
    const list = [paper('a', 'Alpha'), paper('b', 'Beta'), paper('c', 'Gamma')];
    expect([...bibtexKeys(list)]).toEqual(list.map((p) => [p.id, bibtexKey(p)]));
  });
});

describe('escapeBibtex', () => {
  it('escapes every LaTeX special character', () => {
    expect(escapeBibtex('{a} \\ 100% R&D $5 #1 x_i a^b ~ <i>')).toBe(
      '\\{a\\} \\textbackslash{} 100\\% R\\&D \\$5 \\#1 x\\_i a\\textasciicircum{}b \\textasciitilde{} \\textless{}i\\textgreater{}',
    );
  });
  it('breaks up TeX ligatures so dashes and quotes stay as typed', () => {
    expect(escapeBibtex("A -- B --- C ''q'' ``r`` ?` !`")).toBe("A -{}- B -{}-{}- C '{}'q'{}' `{}`r`{}` ?{}` !{}`");
  });
  it('folds white space and keeps non-ASCII as UTF-8', () => {
    expect(escapeBibtex('  Schrödinger\n\n 大規模\tαβγ ')).toBe('Schrödinger 大規模 αβγ');
  });
});

describe('protectTitle', () => {
  it('braces acronyms and mixed-case words', () => {
    expect(protectTitle('Scaling LLaMA with GPT-4o and 3D RoPE')).toBe('Scaling {LLaMA} with {GPT-4o} and {3D} {RoPE}');
    expect(protectTitle('RT-H: Action Hierarchies Using Language')).toBe('{RT-H:} Action Hierarchies Using Language');
  });
  it('leaves Title Case words alone but braces proper nouns in sentence case', () => {
    expect(protectTitle('Improving the Training of Rectified Flows')).toBe('Improving the Training of Rectified Flows');
    expect(protectTitle('Expert-Guided Self-Reformulation for Models')).toBe('Expert-Guided Self-Reformulation for Models');
    expect(protectTitle('A Bayesian view of diffusion in Paris')).toBe('A {Bayesian} view of diffusion in {Paris}');
  });
  it('keeps a braced group from starting with a command', () => {
    expect(protectTitle('the \\Foo operator and X_Y spaces')).toBe('the {{\\textbackslash{}Foo}} operator and {X\\_Y} spaces');
  });
});

describe('bibtexEntry', () => {
  it('makes a @misc entry without invented authors or year', () => {
    const entry = bibtexEntry(paper('improving', 'Improving Flows', 'Short.'), 'improving-abc123', { note: 'Listed in Reading List' });
    expect(entry).toBe(
      '@misc{improving-abc123,\n' +
        '  title = {Improving Flows},\n' +
        '  howpublished = {\\url{https://lab.example.org/reading-list/papers/improving/}},\n' +
        '  note = {Listed in Reading List},\n' +
        '  abstract = {Short.}\n' +
        '}\n',
    );
    expect(entry).not.toMatch(/author|year/);
  });
  it('omits a missing abstract and an absent note', () => {
    const entry = bibtexEntry(paper('x', 'X', null));
    expect(entry).not.toMatch(/abstract|note/);
    expect(entry.startsWith(`@misc{${bibtexKey(paper('x', 'X'))},`)).toBe(true);
  });

  it('round-trips special characters through a BibTeX parser', () => {
    const title = "Braces {x}, 100% & $5 #1 x_i a^b ~ back\\slash: Schrödinger “quotes” ''two'' ``ticks`` A -- B --- C αβγ 大規模 <script>";
    const abstract = 'Costs $10 & 50% of {all} #tags, with x_1^2 ~ \\alpha. Ünïcödé 日本語 "quoted" <b>';
    const [entry] = parseBib(bibtexEntry(paper('special', title, abstract), 'special-1', { note: 'A & B 100%' }));
    expect(entry.type).toBe('misc');
    expect(entry.key).toBe('special-1');
    expect(entry.fields.title).toBe(title);
    expect(entry.fields.abstract).toBe(abstract);
    expect(entry.fields.note).toBe('A & B 100%');
    // The parser renders \url{…} as a link.
    const url = 'https://lab.example.org/reading-list/papers/special/';
    expect(entry.fields.howpublished).toBe(`<a href="${url}">${url}</a>`);
  });

  it("escapes % and # in URLs for hyperref's \\url and keeps braces balanced", () => {
    const entry = bibtexEntry({ ...paper('u', 'U'), url: 'https://x.org/a%20b/{c}\\d e#frag' }, 'u-1');
    expect(entry).toContain('howpublished = {\\url{https://x.org/a\\%20b/%7Bc%7D%5Cd%20e\\#frag}}');
    expect(parseBib(entry)).toHaveLength(1);
  });
});

describe('bibtexEntries', () => {
  it('joins entries in order with unique keys', () => {
    const list = [paper('b', 'Beta Paper'), paper('a', 'Alpha Paper'), paper('c', 'Gamma & Delta', null)];
    const entries = parseBib(bibtexEntries(list, { note: 'n' }));
    expect(entries.map((e) => e.fields.title)).toEqual(['Beta Paper', 'Alpha Paper', 'Gamma & Delta']);
    expect(new Set(entries.map((e) => e.key)).size).toBe(3);
  });
  it('uses given keys, so a topic file agrees with the whole list', () => {
    const list = [paper('a', 'Alpha'), paper('b', 'Beta')];
    const keys = new Map([
      ['a', 'alpha-given'],
      ['b', 'beta-given'],
    ]);
    expect(parseBib(bibtexEntries(list.slice(1), { keys })).map((e) => e.key)).toEqual(['beta-given']);
  });
});

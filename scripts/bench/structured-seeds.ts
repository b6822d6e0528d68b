/**
 * Synthetic structured seed files for the parse benchmark: the same synthetic papers written as
 * Hugging Face Daily Papers JSON (array and JSON Lines), arXiv API Atom, BibTeX (names with TeX
 * accents, as Google Scholar exports them) and CSL-JSON, in files of a realistic size. A share
 * of the papers appears in two formats, so the merge has work to do. Deterministic.
 */
import { mulberry32, type SyntheticPaper } from '../../tests/support/synthetic-papers.ts';

export interface StructuredFile {
  name: string;
  text: string;
  entries: number;
}

const FORMATS = ['hf-json', 'hf-jsonl', 'atom', 'bibtex', 'csl'] as const;
export type BenchFormat = (typeof FORMATS)[number];

/**
 * Authors: a pool of 5,000 invented names, about one in eight with an accent (written in TeX for
 * BibTeX), drawn with a skew so some authors recur, as they do in a real library.
 */
const GIVEN = [
  'Bernhard',
  'Łukasz',
  'Gaël',
  'Ana',
  'Jürgen',
  'Yoshua',
  'Fei',
  'Søren',
  'Noam',
  'Chelsea',
  'Sergey',
  'Pieter',
  'Hao',
  'Yann',
  'Daphne',
  'Ilya',
  'Maria',
  'Wei',
  'Priya',
  'Kenji',
];
const SYLLABLES = ['ka', 'ri', 'mo', 'len', 'sto', 'ber', 'vin', 'ta', 'gu', 'shi', 'rad', 'po', 'lek', 'mar', 'zen', 'dor'];
const ACCENTED: Record<string, string> = { o: 'ö', e: 'é', u: 'ü', a: 'á' };
const NAME_POOL = 5000;
function poolName(i: number): [string, string] {
  let family = '';
  for (let rest = i + SYLLABLES.length; rest > 0; rest = Math.floor(rest / SYLLABLES.length)) family += SYLLABLES[rest % SYLLABLES.length];
  if (i % 8 === 0) family = family.replace(/[oeua]/, (c) => ACCENTED[c]);
  return [GIVEN[i % GIVEN.length], family[0].toUpperCase() + family.slice(1)];
}
const TEX: Record<string, string> = { ö: '{\\"o}', é: "{\\'e}", ü: '{\\"u}', á: "{\\'a}", ë: '{\\"e}', ø: '{\\o}', Ł: '{\\L}' };
const toTex = (text: string) => text.replace(/[öéüáëøŁ]/g, (c) => TEX[c]);
const xml = (text: string) => text.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!);
/** Text as a reference manager exports it to BibTeX: specials escaped. */
const bibText = (text: string) => text.replace(/[{}\\]/g, '').replace(/[$&#_%]/g, (c) => `\\${c}`);
const wrap = (text: string) => text.replace(/(.{60,78}?) /g, '$1\n');

interface Item {
  paper: SyntheticPaper;
  arxiv: string;
  authors: [given: string, family: string][];
  date: string;
}

function items(papers: readonly SyntheticPaper[]): Item[] {
  const random = mulberry32(20240614);
  return papers.map((paper, i) => ({
    paper,
    arxiv: `${24 - Math.floor(i / 90000)}${String(1 + (Math.floor(i / 7500) % 12)).padStart(2, '0')}.${String(i % 100000).padStart(5, '0')}`,
    authors: Array.from({ length: 2 + Math.floor(random() * 7) }, () => poolName(Math.floor(NAME_POOL * random() ** 2))),
    date: `20${24 - Math.floor(i / 90000)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
  }));
}

const hfItem = ({ paper, arxiv, authors, date }: Item) => ({
  paper: {
    id: arxiv,
    authors: authors.map(([g, f]) => ({ name: `${g} ${f}`, hidden: false })),
    publishedAt: `${date}T17:59:56.000Z`,
    title: paper.title,
    summary: wrap(paper.abstract ?? ''),
    upvotes: 3,
  },
  publishedAt: `${date}T23:00:00.000Z`,
  title: paper.title,
  numComments: 0,
  mediaUrls: [],
});

const atomEntry = ({ paper, arxiv, authors, date }: Item) =>
  [
    '  <entry>',
    `    <id>http://arxiv.org/abs/${arxiv}v1</id>`,
    `    <published>${date}T17:59:56Z</published>`,
    `    <title>${xml(paper.title)}</title>`,
    `    <summary>  ${xml(wrap(paper.abstract ?? ''))}\n</summary>`,
    ...authors.map(([g, f]) => `    <author>\n      <name>${xml(`${g} ${f}`)}</name>\n    </author>`),
    `    <link href="http://arxiv.org/abs/${arxiv}v1" rel="alternate" type="text/html"/>`,
    `    <arxiv:primary_category xmlns:arxiv="http://arxiv.org/schemas/atom" term="cs.LG" scheme="http://arxiv.org/schemas/atom"/>`,
    '  </entry>',
  ].join('\n');

const bibEntry = ({ paper, arxiv, authors, date }: Item, i: number) =>
  [
    `@article{key${i},`,
    `  title = {${bibText(paper.title)}},`,
    `  author = {${authors.map(([g, f]) => `${toTex(f)}, ${toTex(g)}`).join(' and ')}},`,
    `  journal = {arXiv preprint arXiv:${arxiv}},`,
    `  year = {${date.slice(0, 4)}},`,
    ...(paper.abstract ? [`  abstract = {${bibText(paper.abstract)}},`] : []),
    '}',
  ].join('\n');

const cslEntry = ({ paper, arxiv, authors, date }: Item, i: number) => ({
  id: `item${i}`,
  type: 'article',
  title: paper.title,
  author: authors.map(([given, family]) => ({ family, given })),
  issued: { 'date-parts': [date.split('-').map(Number)] },
  abstract: paper.abstract ?? undefined,
  URL: `https://arxiv.org/abs/${arxiv}`,
  'container-title': 'arXiv',
});

/**
 * `papers.length` entries spread evenly over the five layouts, `perFile` to a file. Every
 * tenth paper is written twice (the next layout over as well), so a tenth of the entries merge.
 */
export function structuredSeeds(papers: readonly SyntheticPaper[], perFile = 2000): StructuredFile[] {
  const all = items(papers);
  const byFormat = new Map<BenchFormat, { item: Item; index: number }[]>(FORMATS.map((f) => [f, []]));
  all.forEach((item, index) => {
    const format = FORMATS[index % FORMATS.length];
    byFormat.get(format)!.push({ item, index });
  });
  // The overlap: a tenth of each layout's papers also appear in the next layout, replacing fresh ones.
  FORMATS.forEach((format, f) => {
    const next = byFormat.get(FORMATS[(f + 1) % FORMATS.length])!;
    byFormat.get(format)!.forEach(({ item }, k) => {
      if (k % 10 === 0 && k < next.length) next[k] = { item, index: next[k].index };
    });
  });
  const files: StructuredFile[] = [];
  for (const [format, list] of byFormat) {
    for (let start = 0, n = 0; start < list.length; start += perFile, n++) {
      const chunk = list.slice(start, start + perFile);
      const name = `${format}-${String(n).padStart(3, '0')}`;
      const text =
        format === 'hf-json'
          ? JSON.stringify(
              chunk.map(({ item }) => hfItem(item)),
              null,
              2,
            )
          : format === 'hf-jsonl'
            ? chunk.map(({ item }) => JSON.stringify(hfItem(item))).join('\n')
            : format === 'atom'
              ? `<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n${chunk.map(({ item }) => atomEntry(item)).join('\n')}\n</feed>\n`
              : format === 'bibtex'
                ? chunk.map(({ item, index }) => bibEntry(item, index)).join('\n\n')
                : JSON.stringify(
                    chunk.map(({ item, index }) => cslEntry(item, index)),
                    null,
                    2,
                  );
      const extension = { 'hf-json': 'json', 'hf-jsonl': 'jsonl', atom: 'xml', bibtex: 'bib', csl: 'csl.json' }[format];
      files.push({ name: `${name}.${extension}`, text, entries: chunk.length });
    }
  }
  return files;
}

/**
 * The structured seed readers (Daily Papers JSON, arXiv Atom, BibTeX, CSL-JSON), the sniffer
 * that picks them by content, and what each does with bad input: report file, line (and BibTeX
 * key), skip the broken entry, keep the others, and never make a paper from a broken entry's fragments.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from '@retorquere/bibtex-parser';
import { parseSeedFile, sniffFormat } from '../../src/lib/seeds/index.ts';
import { bibtexNames } from '../../src/lib/seeds/bibtex-names.ts';
import { simpleTexToUnicode } from '../../src/lib/seeds/bibtex-accents.ts';
import { readJsonItems } from '../../src/lib/seeds/json-items.ts';
import { parseTree } from 'jsonc-parser';
import { mulberry32 } from '../support/synthetic-papers.ts';

const FIXTURE = 'tests/fixtures/identity/seeds';
const encode = (text: string) => new TextEncoder().encode(text);
const read = (name: string) => parseSeedFile(new Uint8Array(readFileSync(`${FIXTURE}/${name}`)), name);
const errors = (parsed: ReturnType<typeof parseSeedFile>) => parsed.diagnostics.filter((d) => d.severity === 'error');

const ABSTRACT =
  'We study how robots learn from demonstrations. Our method improves success rates on twelve manipulation tasks. ' +
  'Experiments on real hardware confirm the gains, and we release code and data for the community to build upon.';

describe('sniffing the format from the content', () => {
  it('does not need the extension', () => {
    expect(sniffFormat('[{"paper": {}}]', 'dump.txt')).toBe('json');
    expect(sniffFormat('  {"title": "x"}\n{"title": "y"}', 'dump')).toBe('json');
    expect(sniffFormat('<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom">', 'query.txt')).toBe('arxiv-atom');
    expect(sniffFormat('<html><body>', 'page.xml')).toBe('xml');
    expect(sniffFormat('% my refs\n\n@article{key,\n title = {T}}', 'refs.txt')).toBe('bibtex');
    expect(sniffFormat('Paper title\n\nAn abstract.', 'refs.bib')).toBe('bibtex');
    expect(sniffFormat('Paper title\n\nAn abstract that mentions @twitter{x handles.', 'listing.txt')).toBe('listing');
  });
  it('tells Daily Papers JSON from CSL-JSON by the items', () => {
    expect(read('daily_papers_2024-06-14.json').format).toBe('hf-daily-papers');
    expect(read('hf-more.jsonl').format).toBe('hf-daily-papers');
    expect(read('zotero-export.json').format).toBe('csl-json');
    const unknown = parseSeedFile(encode('[{"name": "not a paper"}]'), 'data.json');
    expect(unknown.records).toEqual([]);
    expect(errors(unknown)[0].message).toMatch(/neither Hugging Face Daily Papers nor CSL-JSON/);
  });
  it("skips a site's own files (a dist/ copied into the seeds folder), naming each, instead of reading them as listings", () => {
    const css = '.a {\n  color: red;\n}\n\n.b {\n  color: blue;\n}\n';
    for (const name of ['dist/_astro/x.css', 'dist/_astro/y.js', 'dist/sw.js', 'logo.svg']) {
      const skipped = parseSeedFile(encode(css), name);
      expect(skipped.records, name).toEqual([]);
      expect(skipped.diagnostics, name).toEqual([
        { severity: 'warning', file: name, message: expect.stringMatching(/^a \.(css|js|svg) file, not a seed .*; skipped$/) },
      ]);
    }
  });
});

describe('Hugging Face Daily Papers JSON', () => {
  it('reads an array: arXiv id, authors, arXiv date, featured day, unwrapped summary, trimmed title', () => {
    const parsed = read('daily_papers_2024-06-14.json');
    expect(parsed.diagnostics).toEqual([]);
    const [depth, pixels] = parsed.records;
    expect(depth).toMatchObject({
      title: 'Depth Anything V2',
      arxiv: '2406.09414',
      date: '2024-06-13',
      day: '2024-06-14',
      format: 'hf-daily-papers',
      line: 2,
    });
    expect(depth.authors).toEqual([
      'Lihe Yang',
      'Bingyi Kang',
      'Zilong Huang',
      'Zhen Zhao',
      'Xiaogang Xu',
      'Jiashi Feng',
      'Hengshuang Zhao',
    ]);
    expect(depth.abstract).not.toMatch(/\n/);
    expect(pixels.title).toBe('An Image is Worth More Than 16x16 Patches: Exploring Transformers on Individual Pixels');
  });
  it('reads a single item and JSON Lines', () => {
    const item = {
      paper: {
        id: '1406.2661',
        title: 'Generative Adversarial Networks',
        summary: 'We propose…',
        authors: [{ name: 'Ian J. Goodfellow' }],
      },
    };
    expect(parseSeedFile(encode(JSON.stringify(item, null, 2)), 'one.json').records.map((r) => r.arxiv)).toEqual(['1406.2661']);
    const lines = read('hf-more.jsonl');
    expect(lines.records.map((r) => [r.arxiv, r.line])).toEqual([
      ['1706.03762', 1],
      ['1406.2661', 2],
    ]);
  });
  it('reports a malformed JSON Lines line with its line and keeps the others', () => {
    const good = JSON.stringify({ paper: { id: '1406.2661', title: 'Generative Adversarial Networks', summary: 'S.' } });
    const parsed = parseSeedFile(
      encode(`${good}\n{"paper": {"id": "1312.5602", "title": "Playing Atari\n${good.replace('1406.2661', '1706.03762')}\n`),
      'x.jsonl',
    );
    expect(parsed.records.map((r) => r.arxiv)).toEqual(['1406.2661', '1706.03762']);
    expect(errors(parsed)).toMatchObject([{ file: 'x.jsonl', line: 2, message: expect.stringMatching(/malformed JSON line/) }]);
  });
  it('reports a malformed item of a JSON array with its line, keeps the others, and makes nothing of its fragments', () => {
    const text = [
      '[',
      '  { "paper": { "id": "1406.2661", "title": "Generative Adversarial Networks", "summary": "S." } },',
      '  { "paper": { "id": "1312.5602", "title": "Playing Atari", "summary": "S." ',
      '  { "paper": { "id": "1706.03762", "title": "Attention Is All You Need", "summary": "S." } }',
      ']',
    ].join('\n');
    const parsed = parseSeedFile(encode(text), 'daily.json');
    expect(parsed.records.map((r) => r.title)).not.toContain('Playing Atari');
    expect(parsed.records.map((r) => r.title)).toContain('Generative Adversarial Networks');
    expect(errors(parsed)[0]).toMatchObject({ file: 'daily.json', line: 3 });
    expect(errors(parsed)[0].message).toMatch(/malformed JSON .*item skipped/);
  });
  it('reports an item without a title and keeps going', () => {
    const parsed = parseSeedFile(
      encode('[{"paper": {"id": "1406.2661", "summary": "S."}}, {"paper": {"id": "1706.03762", "title": "T", "summary": "S."}}]'),
      'd.json',
    );
    expect(parsed.records.map((r) => r.title)).toEqual(['T']);
    expect(errors(parsed)[0].message).toMatch(/without a title/);
  });
});

describe('JSON item lines', () => {
  /** Each item's line as jsonc-parser's syntax tree gives it (the scan in json-items.ts must agree). */
  const treeLines = (text: string) =>
    (parseTree(text)?.children ?? []).map((node) => text.slice(0, node.offset).split(/\r\n|\r|\n/).length);
  it('gives every item of a well-formed array the line jsonc-parser gives it', () => {
    const random = mulberry32(11);
    const value = (depth: number): unknown => {
      const roll = random();
      if (depth > 3 || roll < 0.3) return ['a "quoted" \\ word', 'x\\', 12, true, null, 'é\u2028', '\\"'][Math.floor(random() * 7)];
      if (roll < 0.6) return Array.from({ length: Math.floor(random() * 4) }, () => value(depth + 1));
      return Object.fromEntries(Array.from({ length: Math.floor(random() * 4) }, (_, i) => [`k${i}"{[`, value(depth + 1)]));
    };
    for (let n = 0; n < 200; n++) {
      const items = Array.from({ length: 1 + Math.floor(random() * 5) }, () => value(0));
      const layouts = [
        JSON.stringify(items),
        JSON.stringify(items, null, 2),
        `\n\n  ${JSON.stringify(items, null, '\t')}\n`,
        JSON.stringify(items, null, 1).replace(/\n/g, '\r\n'),
      ];
      for (const text of layouts) expect(readJsonItems(text, 'x.json').items.map((item) => item.line)).toEqual(treeLines(text));
    }
  });
});

describe('arXiv API Atom', () => {
  it('reads ids (new and old style, version dropped), authors, dates, DOI, journal ref and category', () => {
    const parsed = read('arxiv_query.xml');
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.records.map((r) => [r.arxiv, r.date, r.primaryClass, r.line])).toEqual([
      ['1312.5602', '2013-12-19', 'cs.LG', 10],
      ['hep-th/9711200', '1997-11-27', 'hep-th', 51],
      ['1706.03762', '2017-06-12', 'cs.CL', 75],
    ]);
    const [atari, maldacena] = parsed.records;
    expect(atari.authors).toHaveLength(7);
    expect(atari.abstract).toMatch(/^We present the first deep learning model to successfully learn control policies directly/);
    expect(atari.abstract).not.toMatch(/\n/);
    expect(maldacena).toMatchObject({ doi: '10.1023/a:1026654312961', venue: 'Adv.Theor.Math.Phys.2:231-252,1998' });
  });
  it('reads the well-formed entries of a malformed feed and reports the broken one with its line', () => {
    const xml = readFileSync(`${FIXTURE}/arxiv_query.xml`, 'utf8').replace(
      '<title>The Large N Limit of Superconformal Field Theories and Supergravity</title>',
      '<title>The Large N Limit of Superconformal Field Theories and Supergravity</titel>',
    );
    const parsed = parseSeedFile(encode(xml), 'query.xml');
    expect(parsed.records.map((r) => r.arxiv)).toEqual(['1312.5602', '1706.03762']);
    expect(errors(parsed).map((e) => e.line)).toEqual([expect.any(Number), 51]);
    expect(errors(parsed)[0].message).toMatch(/malformed XML/);
    expect(errors(parsed)[1].message).toMatch(/malformed entry .*entry skipped/);
  });
  it('reports a stray "&" on its own line, not where the parser gave up', () => {
    const fixture = readFileSync(`${FIXTURE}/arxiv_query.xml`, 'utf8');
    const lines = fixture.split('\n');
    const at = lines.findIndex((line) => line.includes('<title>Attention Is All You Need</title>'));
    lines[at] = lines[at].replace('Attention Is', 'Attention & Is');
    const parsed = parseSeedFile(encode(lines.join('\n')), 'query.xml');
    expect(parsed.records.map((r) => r.arxiv)).toEqual(['1312.5602', 'hep-th/9711200']);
    expect(errors(parsed)).toMatchObject([
      { file: 'query.xml', line: at + 1, message: expect.stringMatching(/malformed XML \("&" that starts no entity reference/) },
      { file: 'query.xml', line: 75, message: expect.stringMatching(/malformed entry .*entry skipped/) },
    ]);
  });
  it('reports XML that fast-xml-parser let through: a "<" inside an attribute value', () => {
    const xml = readFileSync(`${FIXTURE}/arxiv_query.xml`, 'utf8').replace('term="hep-th" scheme', 'term="hep<th" scheme');
    const parsed = parseSeedFile(encode(xml), 'query.xml');
    expect(parsed.records.map((r) => r.arxiv)).toEqual(['1312.5602', '1706.03762']);
    expect(errors(parsed).map((e) => e.line)).toEqual([expect.any(Number), 51]);
  });
  it('does not read an entry that is commented out', () => {
    const xml = readFileSync(`${FIXTURE}/arxiv_query.xml`, 'utf8').replace(
      '<entry>',
      '<!-- <entry><id>http://arxiv.org/abs/2401.00001</id><title>Old</title></entry> -->\n<entry>',
    );
    const parsed = parseSeedFile(encode(xml), 'query.xml');
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.records.map((r) => [r.arxiv, r.line])).toEqual([
      ['1312.5602', 11],
      ['hep-th/9711200', 52],
      ['1706.03762', 76],
    ]);
  });
  it('reports the error the API answers a bad query with', () => {
    const xml = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><entry><id>http://arxiv.org/api/errors#incorrect_id_format_for_1234</id><title>Error</title><summary>incorrect id format for 1234</summary></entry></feed>`;
    const parsed = parseSeedFile(encode(xml), 'q.xml');
    expect(parsed.records).toEqual([]);
    expect(errors(parsed)[0].message).toMatch(/arXiv API answered with an error: incorrect id format/);
  });
  it('skips XML that is not an Atom feed', () => {
    const parsed = parseSeedFile(encode('<?xml version="1.0"?><rss><channel/></rss>'), 'feed.xml');
    expect(parsed.records).toEqual([]);
    expect(errors(parsed)[0].message).toMatch(/not an arXiv API/);
  });
});

describe('BibTeX', () => {
  it('turns TeX accents into Unicode and splits names by BibTeX rules', () => {
    const parsed = read('my-library.bib');
    expect(parsed.diagnostics).toEqual([]);
    const byKey = (title: string) => parsed.records.find((r) => r.title.startsWith(title))!;
    expect(byKey('On random graphs').authors).toEqual(['Paul Erdős', 'Alfréd Rényi']);
    expect(byKey('Toward Causal').authors[0]).toBe('Bernhard Schölkopf');
    expect(byKey('Scikit-learn').authors).toContain('Gaël Varoquaux');
    expect(byKey('Scikit-learn').authors.at(-1)).toBe('Édouard Duchesnay');
    expect(byKey('Attention').authors).toContain('Łukasz Kaiser');
    const latex = parseSeedFile(
      encode("@article{a, title={X}, author={Ga{\\'\\i}l, Jean and {Google DeepMind} and van der Maaten, Laurens}}"),
      'a.bib',
    );
    expect(latex.records[0].authors).toEqual(['Jean Gaíl', 'Google DeepMind', 'Laurens van der Maaten']);
  });
  it('reads brace-protected titles, dates, venues, types and ids hidden in note, journal or url', () => {
    const parsed = read('my-library.bib');
    const byKey = (title: string) => parsed.records.find((r) => r.title.startsWith(title))!;
    expect(byKey('Playing')).toMatchObject({
      title: 'Playing Atari with deep reinforcement learning',
      arxiv: '1312.5602',
      venue: null,
      kind: 'misc',
    });
    expect(byKey('Distributed')).toMatchObject({ arxiv: '1310.4546', kind: 'inproceedings', date: '2013' });
    expect(byKey('Attention')).toMatchObject({ arxiv: '1706.03762', primaryClass: 'cs.CL', kind: 'inproceedings' });
    expect(byKey('Toward Causal')).toMatchObject({
      arxiv: '2102.11107',
      doi: '10.1109/jproc.2021.3058954',
      date: '2021-05',
      venue: 'Proceedings of the IEEE',
    });
    expect(byKey('Human-level')).toMatchObject({ date: '2015-02', doi: '10.1038/nature14236', kind: 'article', venue: 'Nature' });
    expect(byKey('Human-level').authors).toHaveLength(19);
  });
  it('reports a malformed entry with file, line and key, keeps the next entry and makes nothing of its fragments', () => {
    const parsed = read('broken.bib');
    expect(parsed.records.map((r) => r.title)).toEqual(['The large N limit of superconformal field theories and supergravity']);
    expect(errors(parsed)).toMatchObject([
      { file: 'broken.bib', line: 1, message: expect.stringMatching(/malformed BibTeX entry "broken2020"/) },
    ]);
    const middle = parseSeedFile(
      encode('@misc{a, title = {First}}\n\n@article{bad2, title = {x} year = 2020}\n@misc{c, title = {Last}}\n'),
      'm.bib',
    );
    expect(middle.records.map((r) => r.title)).toEqual(['First', 'Last']);
    expect(errors(middle)).toMatchObject([{ line: 3, message: expect.stringMatching(/"bad2"/) }]);
  });
  it('takes the venue and year of a crossref parent, and does not list the parent', () => {
    const bib = [
      '@inproceedings{goodfellow2014, title = {Generative Adversarial Nets}, author = {Goodfellow, Ian}, crossref = {nips2014}}',
      '@proceedings{nips2014, title = {Advances in Neural Information Processing Systems 27}, year = {2014}}',
    ].join('\n');
    const parsed = parseSeedFile(encode(bib), 'x.bib');
    expect(parsed.records).toMatchObject([
      { title: 'Generative Adversarial Nets', venue: 'Advances in Neural Information Processing Systems 27', date: '2014' },
    ]);
    expect(parsed.diagnostics).toMatchObject([{ severity: 'warning', line: 2, message: expect.stringMatching(/nips2014\} is a volume/) }]);
  });
  it('does not list a proceedings volume, but says so', () => {
    const parsed = parseSeedFile(
      encode('@proceedings{neurips2017, title = {Advances in Neural Information Processing Systems 30}, year = 2017}'),
      'p.bib',
    );
    expect(parsed.records).toEqual([]);
    expect(parsed.diagnostics[0].message).toMatch(/is a volume/);
  });
  it('keeps "and others" as a note that the list is cut short', () => {
    const parsed = parseSeedFile(encode('@misc{a, title = {T}, author = {Mnih, Volodymyr and others}}'), 'o.bib');
    expect(parsed.records[0]).toMatchObject({ authors: ['Volodymyr Mnih'], moreAuthors: true });
  });
});

describe('BibTeX fast path', () => {
  /** Display names from the full parser, the way the reader builds them from its creators. */
  const fullParse = (authors: string) =>
    parse(`@misc{k, author = {${authors}}}`, { english: false, sentenceCase: false }).entries[0].fields.author!.map((c) =>
      (c.name ?? [c.firstName, c.prefix, c.lastName, c.suffix].filter(Boolean).join(' ')).replace(/\u00a0/g, ' '),
    );
  it.each([
    'Mnih, Volodymyr and Kavukcuoglu, Koray',
    'Volodymyr Mnih and Koray Kavukcuoglu and David Silver',
    'van der Maaten, Laurens and Hinton, Geoffrey',
    'Laurens van der Maaten and Jean de la Fontaine',
    'Smith, Jr., John and Doe, Jane',
    '{Google DeepMind} and {The {ATLAS} Collaboration}',
    'Corrado, Greg S and Dean, Jeff',
    'D.~E. Knuth and AND, Ann',
    'Ludwig von Beethoven and Pouget-Abadie, Jean',
  ])('splits %j as the full parser does', (authors) => {
    expect(bibtexNames(authors).names).toEqual(fullParse(authors).map((name) => ({ name })));
  });
  it.each([
    'Sch{\\"o}lkopf, Bernhard and Erd{\\H{o}}s, Paul',
    'Kaiser, {\\L}ukasz and S{\\o}ren Kierkegaard and {\\AA}str{\\"o}m, Karl',
    "de {\\'E}cole, Jean and {\\'{E}}mile Zola and D\\\"{u}rer, A.",
    '{\\"O}zt{\\"u}rk, Ay{\\c{s}}e and Jean de la {\\^o}Fontaine and van {\\"u}der Waals, Jan',
    "Stra\\ss e, Max and Nov{\\'a}k, Ji{\\v{r}}ina and {\\o}ber, Ola",
  ])('turns the accents of %j into Unicode without the TeX converter, as the converter does', (authors) => {
    const parsed = parseSeedFile(encode(`@misc{k, title = {T}, author = {${authors}}}`), 'x.bib');
    expect(parsed.records[0].authors).toEqual(fullParse(authors).map((name) => name.normalize('NFC')));
  });
  it('leaves other TeX to the converter', () => {
    expect(simpleTexToUnicode("Ga{\\'\\i}l \\& {\\L}ukasz, 50\\% \\c c")).toBe('Gaı\u0301l & Łukasz, 50% c\u0327');
    for (const tex of ['\\emph{Deep} learning', '$\\alpha$-divergence', 'R&D', '\\b{a}', '\\Ho'])
      expect(simpleTexToUnicode(tex)).toBeNull();
  });
  it('reads the fixture library the same either way', () => {
    const text = readFileSync(`${FIXTURE}/my-library.bib`, 'utf8');
    const full = parse(text, { english: false, sentenceCase: false }).entries;
    const fast = read('my-library.bib').records;
    expect(fast.map((r) => r.title)).toEqual(full.map((e) => e.fields.title));
  });
  it('keeps TeX in an abstract for the renderer, dropping only braces that protect case', () => {
    const parsed = parseSeedFile(
      encode('@misc{a, title = {T}, abstract = {We use {GPT-4} and $\\alpha$ and \\emph{bold} and Sch{\\"o}lkopf.}}'),
      'a.bib',
    );
    expect(parsed.records[0].abstract).toBe('We use GPT-4 and $\\alpha$ and \\emph{bold} and Sch\\"olkopf.');
  });
});

describe('CSL-JSON', () => {
  it('reads authors (family/given and literal), issued dates, DOI, container, type and an arXiv URL', () => {
    const parsed = read('zotero-export.json');
    expect(parsed.diagnostics).toEqual([]);
    const [causal, gans, sklearn] = parsed.records;
    expect(causal).toMatchObject({ date: '2021-05', doi: '10.1109/jproc.2021.3058954', venue: 'Proceedings of the IEEE', kind: 'article' });
    expect(causal.authors[0]).toBe('Bernhard Schölkopf');
    expect(gans).toMatchObject({ arxiv: '1406.2661', kind: 'inproceedings', date: '2014' });
    expect(sklearn.authors).toContain('Gaël Varoquaux');
    const literal = parseSeedFile(
      encode('[{"id": "x", "type": "report", "title": "T", "author": [{"literal": "OpenAI"}], "issued": {"raw": "2023-03-15"}}]'),
      'c.json',
    );
    expect(literal.records[0]).toMatchObject({ authors: ['OpenAI'], date: '2023-03-15', kind: 'techreport' });
  });
  it('reports an item without a title by its id and line', () => {
    const parsed = parseSeedFile(
      encode('[\n{"id": "k1", "type": "article-journal", "author": []},\n{"id": "k2", "type": "book", "title": "Kept"}\n]'),
      'c.json',
    );
    expect(parsed.records.map((r) => r.title)).toEqual(['Kept']);
    expect(errors(parsed)).toMatchObject([{ line: 2, message: expect.stringMatching(/"k1" without a title/) }]);
  });
});

describe('robustness: encodings and stray bytes', () => {
  it('decodes UTF-16 little- and big-endian files with a byte-order mark', () => {
    const text = `Schrödinger Robots\n\n${ABSTRACT}\n`;
    const le = new Uint8Array([0xff, 0xfe, ...new Uint8Array(new Uint16Array([...text].map((c) => c.charCodeAt(0))).buffer)]);
    const be = new Uint8Array([0xfe, 0xff, ...[...text].flatMap((c) => [c.charCodeAt(0) >> 8, c.charCodeAt(0) & 0xff])]);
    for (const bytes of [le, be]) {
      const parsed = parseSeedFile(bytes, 'notepad.txt');
      expect(parsed.diagnostics).toEqual([]);
      expect(parsed.records.map((r) => r.title)).toEqual(['Schrödinger Robots']);
    }
  });
  it('a stray NUL byte costs at most its line, reported with file and line', () => {
    const text = `Paper One\n\n${ABSTRACT}\n\nPaper\0 Two\n\n${ABSTRACT.replace('twelve', 'ten')}\n`;
    const parsed = parseSeedFile(encode(text), 'nul.txt');
    expect(parsed.records.map((r) => r.title)).toEqual(['Paper One', 'Paper Two']);
    expect(parsed.diagnostics).toEqual([{ severity: 'warning', file: 'nul.txt', line: 5, message: expect.stringMatching(/NUL byte/) }]);
  });
  it('still rejects binary files', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    const parsed = parseSeedFile(png, 'picture.png');
    expect(parsed.records).toEqual([]);
    expect(errors(parsed)[0].message).toMatch(/binary file/);
  });
});

/**
 * The identity fixture site: real papers in all five seed formats (a text listing in a
 * sub-folder, Daily Papers JSON and JSON Lines, an arXiv API response, two BibTeX files, a
 * Zotero CSL-JSON export), overlapping, built by `astro build` in the global setup. One page per
 * work, with authors, dates and links in the HTML, papers.json, papers.bib and papers.csl.json.
 */
import { describe, expect, inject, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { cslSchemaErrors } from '../support/csl-schema.ts';
import { readText } from '../support/site-files.ts';
import { PAPERS_JSON_KEYS } from '../support/papers-json.ts';

interface ExportedPaper {
  id: string;
  title: string;
  url: string;
  abstract: string | null;
  authors: string[];
  date: string | null;
  arxiv: string | null;
  doi: string | null;
  venue: string | null;
  sources: { file: string; line: number; day: string | null; format: string; label: string }[];
}

const site = inject('identitySite');
const papers = JSON.parse(readText(site.outDir, 'papers.json')) as ExportedPaper[];
const byTitle = (start: string) => papers.find((p) => p.title.startsWith(start))!;
const page = (start: string) => readText(site.outDir, `papers/${byTitle(start).id}/index.html`);
const metas = (html: string, name: string) =>
  [...html.matchAll(new RegExp(`<meta name="${name}" content="([^"]*)"`, 'g'))].map((m) => m[1]);
const jsonLd = (html: string) => JSON.parse(/<script type="application\/ld\+json">([^<]*)<\/script>/.exec(html)![1]);

describe('identity fixture site: five formats, one page per work', () => {
  it('reports what it read, the broken entry by file, line and key, and the link out of the folder', () => {
    expect(site.log).toContain('7 seed file(s), 21 listing(s) → 12 paper(s) (9 duplicate(s) merged');
    expect(site.log).toMatch(/broken\.bib:1: error: malformed BibTeX entry "broken2020"/);
    expect(site.log).toMatch(/outside\.txt: error: link to .*outside the seeds directory; not followed/);
    expect(site.log).toMatch(/arxiv_query\.xml:51: warning: .*different years: 1997 .*1998/);
  });

  it('writes one page per work, and nothing from the broken entry or the link', () => {
    const pages = readdirSync(join(site.outDir, 'papers'));
    expect(pages.sort()).toEqual(papers.map((p) => p.id).sort());
    expect(papers).toHaveLength(12);
    expect(papers.map((p) => p.title)).not.toContain('An entry whose title brace is never closed');
    expect(papers.some((p) => p.sources.some((s) => s.file === 'outside.txt'))).toBe(false);
  });

  it('merges the same work across formats: every source listed, ids, earliest date, richest authors', () => {
    const attention = byTitle('Attention Is All You Need');
    expect(attention.sources.map((s) => s.format).sort()).toEqual(['arxiv-atom', 'bibtex', 'hf-daily-papers', 'listing']);
    expect(attention).toMatchObject({
      arxiv: '1706.03762',
      date: '2017-06-12',
      venue: 'Advances in Neural Information Processing Systems',
    });
    expect(attention.authors).toHaveLength(8);
    expect(byTitle('Generative Adversarial').sources.map((s) => s.file)).toEqual(['hf-more.jsonl', 'zotero-export.json']);
    expect(byTitle('Toward Causal')).toMatchObject({ doi: '10.1109/jproc.2021.3058954', arxiv: '2102.11107', date: '2021-05' });
    expect(byTitle('Toward Causal').authors[0]).toBe('Bernhard Schölkopf');
    expect(byTitle('The Large N Limit')).toMatchObject({ arxiv: 'hep-th/9711200', date: '1997-11-27' });
  });

  it('papers.json has the identity fields, null when unknown, and readable provenance', () => {
    for (const paper of papers) {
      expect(Object.keys(paper)).toEqual(PAPERS_JSON_KEYS);
    }
    // The listing cites DQN as arXiv:1312.5602 in its abstract: a reference, not its own id.
    expect(byTitle('Rainbow')).toMatchObject({ authors: [], date: null, arxiv: null, doi: null, venue: null });
    expect(byTitle('Depth Anything').sources.map((s) => s.label)).toEqual([
      'Hugging Face Daily Papers, 14 Jun 2024',
      'listings/jun-14.txt, Jun 14',
    ]);
  });

  it('lists papers newest first where dates are known', () => {
    const dated = papers.filter((p) => p.date).map((p) => p.date!);
    expect(dated).toEqual([...dated].sort().reverse());
    expect(papers.at(-1)!.title).toMatch(/^Rainbow/);
    const home = readText(site.outDir, 'index.html');
    expect(home.indexOf('Depth Anything V2')).toBeLessThan(home.indexOf('On random graphs I'));
    expect(home).toContain('Bernhard Schölkopf, Francesco Locatello, Stefan Bauer et al.');
    expect(home).toContain('Hugging Face Daily Papers, 14 Jun 2024');
  });

  it('shows authors (the first ten, the rest in a <details>), date, venue and direct links on the paper page', () => {
    const html = page('Human-level control');
    const shown = html.slice(html.indexOf('class="author-list"'), html.indexOf('<details class="more-authors"'));
    expect([...shown.matchAll(/data-pagefind-filter="author"/g)]).toHaveLength(10);
    expect(html).toMatch(/<summary[^>]*>\s*9 more authors\s*<\/summary>/);
    expect(html).toContain('<time datetime="2015-02"');
    expect(html).toContain('Feb 2015');
    expect(html).toContain('href="https://doi.org/10.1038/nature14236"');
    expect(html).not.toContain('scholar.google.com'); // title look-ups only for papers without ids
    const attention = page('Attention Is All You Need');
    for (const href of [
      'https://arxiv.org/abs/1706.03762',
      'https://arxiv.org/pdf/1706.03762',
      'https://huggingface.co/papers/1706.03762',
    ]) {
      expect(attention).toContain(`href="${href}"`);
    }
    expect(attention.indexOf('https://arxiv.org/abs/1706.03762')).toBeLessThan(attention.indexOf('id="cite-heading"'));
    expect(page('Rainbow')).toContain('scholar.google.com');
  });

  it('names sources in words and says which source a conflict followed', () => {
    const html = page('The Large N Limit');
    expect(html).toMatch(/<li[^>]*>arXiv<\/li><li[^>]*>broken\.bib<\/li>/);
    expect(html).toContain('The sources disagree on the year: this page follows 1997 (arXiv), not 1998 (broken.bib).');
  });

  it('writes Highwire citation tags and JSON-LD with authors, date and ids', () => {
    const html = page('Toward Causal');
    expect(metas(html, 'citation_author')).toEqual([
      'Bernhard Schölkopf',
      'Francesco Locatello',
      'Stefan Bauer',
      'Nan Rosemary Ke',
      'Nal Kalchbrenner',
      'Anirudh Goyal',
      'Yoshua Bengio',
    ]);
    expect(metas(html, 'citation_publication_date')).toEqual(['2021/05']);
    expect(metas(html, 'citation_doi')).toEqual(['10.1109/jproc.2021.3058954']);
    expect(metas(html, 'citation_arxiv_id')).toEqual(['2102.11107']);
    expect(metas(html, 'citation_journal_title')).toEqual(['Proceedings of the IEEE']);
    expect(metas(page('Attention Is All You Need'), 'citation_conference_title')).toEqual([
      'Advances in Neural Information Processing Systems',
    ]);
    const data = jsonLd(html);
    expect(data.author).toHaveLength(7);
    expect(data.datePublished).toBe('2021-05');
    expect(data.sameAs).toContain('https://doi.org/10.1109/jproc.2021.3058954');
  });

  it('indexes authors, their ASCII spellings, and the author filter', () => {
    const html = page('Toward Causal');
    expect(html).toMatch(/data-pagefind-filter="author"[^>]*>Bernhard Schölkopf<\/a>/);
    expect(html).toMatch(/<p hidden[^>]*>[^<]*bernhard scholkopf/);
  });

  it('papers.bib parses back with a BibTeX parser, with authors, years, types and eprints', () => {
    const library = parseBibtex(readText(site.outDir, 'papers.bib'), { english: false, sentenceCase: false });
    expect(library.errors).toEqual([]);
    expect(library.entries).toHaveLength(12);
    const entry = (title: string) => library.entries.find((e) => e.fields.title?.startsWith(title))!;
    expect(entry('On random graphs').fields.author?.map((a) => a.lastName)).toEqual(['Erdős', 'Rényi']);
    expect(entry('On random graphs').fields).toMatchObject({ year: '1959', journal: 'Publicationes Mathematicae Debrecen' });
    expect(entry('Attention Is All You Need').type).toBe('inproceedings');
    expect(entry('Attention Is All You Need').fields).toMatchObject({
      eprint: '1706.03762',
      archiveprefix: 'arXiv',
      primaryclass: 'cs.CL',
      year: '2017',
      month: '6',
    });
    expect(entry('Playing Atari').type).toBe('misc');
    expect(entry('Rainbow').type).toBe('misc');
    expect(entry('Rainbow').fields.author).toBeUndefined();
  });

  it('papers.csl.json has author, issued, DOI and container-title, and passes the schema check', () => {
    const items = JSON.parse(readText(site.outDir, 'papers.csl.json')) as Record<string, unknown>[];
    expect(cslSchemaErrors(items)).toEqual([]);
    const causal = items.find((item) => item.title === 'Toward Causal Representation Learning')!;
    expect(causal).toMatchObject({
      type: 'article-journal',
      DOI: '10.1109/jproc.2021.3058954',
      'container-title': 'Proceedings of the IEEE',
      issued: { 'date-parts': [[2021, 5]] },
    });
    expect((causal.author as unknown[])[0]).toEqual({ family: 'Schölkopf', given: 'Bernhard' });
  });

  it('feeds use real dates and name the authors', () => {
    const feed = readText(site.outDir, 'feed.xml');
    expect(feed).toContain('<published>2021-05-01T00:00:00Z</published>');
    expect(feed).toContain('<author><name>Bernhard Schölkopf</name></author>');
    // Featured on Daily Papers on 14 June 2024: that is when the list got it.
    expect(feed).toMatch(/<title type="text">Depth Anything V2<\/title>[\s\S]*?<updated>2024-06-14T00:00:00Z<\/updated>/);
  });
});

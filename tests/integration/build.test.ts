/**
 * The fixture site (edge-case seeds, hosted under /reading-list/) and the real seeds, built
 * by `astro build` in the global setup; here we read what came out.
 */
import { describe, expect, inject, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { brokenInternalLinks, listFiles, readText } from '../support/site-files.ts';
import { PAPERS_JSON_KEYS } from '../support/papers-json.ts';

interface ExportedPaper {
  id: string;
  title: string;
  url: string;
  abstract: string | null;
  topics: string[];
  related: string[];
  sources: { file: string; line: number; day: string | null }[];
  links: { url: string; kind: string }[];
}

const fixture = inject('fixtureSite');
const real = inject('realSite');
const exported = (site: { outDir: string }) => JSON.parse(readText(site.outDir, 'papers.json')) as ExportedPaper[];
const decodeEntities = (text: string) =>
  text.replace(/&(#39|quot|lt|gt|amp);/g, (_, name: string) => ({ '#39': "'", quot: '"', lt: '<', gt: '>', amp: '&' })[name]!);
const paperPage = (site: { outDir: string }, id: string) => readText(site.outDir, `papers/${id}/index.html`);

describe('fixture site (edge cases, under a sub-path)', () => {
  const papers = exported(fixture);
  const byTitle = (title: string) => papers.find((p) => p.title === title)!;

  it('reports what it read, naming files and lines', () => {
    expect(fixture.log).toContain('5 seed file(s), 18 listing(s) → 16 paper(s) (2 duplicate(s) merged');
    expect(fixture.log).toMatch(/notes\.csv: error: not a listing/);
    expect(fixture.log).toMatch(/picture\.png: error: binary file/);
    expect(fixture.log).toMatch(/empty\.txt: warning: empty listing/);
    expect(fixture.log).toMatch(/a-listing\.txt:\d+: warning: title "A Title Whose Abstract Went Missing" has no abstract/);
    expect(fixture.log).toMatch(/b-listing\.txt:\d+: warning: title "A Truncated Copy Ends With This Title" has no abstract/);
  });

  it('writes one page per paper and nothing else under papers/', () => {
    const pages = listFiles(join(fixture.outDir, 'papers')).filter((f) => f.endsWith('index.html'));
    expect(pages.map((p) => p.split('/')[0]).sort()).toEqual(papers.map((p) => p.id).sort());
    expect(papers).toHaveLength(16);
  });

  it('exports papers.json in the documented shape, with URLs under the base path', () => {
    for (const paper of papers) {
      expect(Object.keys(paper)).toEqual(PAPERS_JSON_KEYS);
      expect(paper.url).toBe(`/reading-list/papers/${paper.id}/`);
      expect(paper.sources.length).toBeGreaterThan(0);
    }
    const xss = papers.find((p) => p.title.startsWith('<script>'))!;
    expect(xss.links).toEqual([{ url: 'https://github.com/example/xss-robots', kind: 'code' }]);
  });

  it('merges a paper listed twice, listing both sources', () => {
    const paper = byTitle('Improving the Training of Rectified Flows');
    expect(paper.sources.map((s) => [s.file, s.day])).toEqual([
      ['a-listing.txt', 'Jul 30'],
      ['b-listing.txt', 'Aug 1'],
    ]);
    expect(paperPage(fixture, paper.id)).toContain('b-listing.txt');
  });

  it('keeps the more complete of two different abstracts and says so on the page', () => {
    const paper = byTitle('Imitation Learning from Observation with Automatic Discount Scheduling');
    expect(paper.sources).toHaveLength(2);
    expect(fixture.log).toMatch(/listed with 2 different abstracts/);
    expect(paperPage(fixture, paper.id)).toContain('different abstracts');
  });

  it('keeps titles that slugify alike as two pages', () => {
    const a = byTitle('Flow: Matching for Robots');
    const b = byTitle('Flow Matching for Robots?');
    expect(a.id).not.toBe(b.id);
    expect(existsSync(join(fixture.outDir, 'papers', a.id, 'index.html'))).toBe(true);
    expect(existsSync(join(fixture.outDir, 'papers', b.id, 'index.html'))).toBe(true);
  });

  it('shows titles with markup as text, never as markup', () => {
    const paper = papers.find((p) => p.title.startsWith('<script>'))!;
    const html = paperPage(fixture, paper.id);
    expect(html).toContain('&lt;script&gt;alert');
    for (const page of listFiles(fixture.outDir).filter((f) => f.endsWith('.html'))) {
      // Inside a quoted attribute value `<` is harmless; outside one it would be markup.
      const outsideAttributes = readText(fixture.outDir, page).replace(/="[^"]*"/g, '=""');
      expect(outsideAttributes, page).not.toMatch(/<script>alert|<img[^>]*onerror/);
    }
  });

  it('keeps non-ASCII titles intact on an ASCII address', () => {
    const paper = papers.find((p) => p.title.startsWith('Ελληνικά'))!;
    expect(paper.title).toBe('Ελληνικά Μοντέλα: Schrödinger Bridges for Café-Style Diffusion — 大規模 Robots');
    expect(paper.id).toMatch(/^[a-z0-9-]+$/);
    expect(paperPage(fixture, paper.id)).toMatch(new RegExp(`<h1[^>]*>${paper.title}</h1>`));
  });

  it('keeps papers whose abstract is missing, marked as missing', () => {
    for (const title of ['A Title Whose Abstract Went Missing', 'A Truncated Copy Ends With This Title']) {
      const paper = byTitle(title);
      expect(paper.abstract).toBeNull();
      expect(paperPage(fixture, paper.id)).toContain('abstract of this paper is missing');
    }
  });

  it('applies curator topic files: rename, describe (MDX body), alias and pin', () => {
    const topics = JSON.parse(readText(fixture.outDir, 'topics.json')) as { id: string; name: string; url: string; papers: string[] }[];
    const curated = topics.find((t) => t.id === 'rectified-flow')!;
    expect(curated.name).toBe('Rectified Flows (curated)');
    expect(curated.url).toBe('/reading-list/topics/rectified-flow/');
    expect(readText(fixture.outDir, 'topics/rectified-flow/index.html')).toContain('paths between noise and data are <em>straight</em>');
    const pinned = topics.find((t) => t.id === 'robot-flow-matching')!;
    expect(pinned.name).toBe('Flow Matching for Robot Policies');
    const pinnedTitles = pinned.papers.map((id) => papers.find((p) => p.id === id)!.title).sort();
    expect(pinnedTitles).toEqual(['Flow Matching for Robots?', 'Flow: Matching for Robots']);
    // Every paper page links its topics, and every topic page links its papers.
    for (const topic of topics) {
      const page = readText(fixture.outDir, `topics/${topic.id}/index.html`);
      for (const id of topic.papers) expect(page).toContain(`href="/reading-list/papers/${id}/"`);
      for (const id of topic.papers) expect(paperPage(fixture, id)).toContain(`href="/reading-list/topics/${topic.id}/"`);
    }
    // A paper that fits no topic has none, and the topic list shows it under "Other papers".
    const topicList = readText(fixture.outDir, 'topics/index.html');
    const others = papers.filter((paper) => paper.topics.length === 0);
    expect(others.map((paper) => paper.title)).toContain("What's the Magic Word? A Control Theory of LLM Prompting");
    expect(topicList).toContain('id="other-papers"');
    for (const paper of others) expect(topicList).toContain(`href="/reading-list/papers/${paper.id}/"`);
    for (const paper of papers.filter((p) => p.topics.length > 0))
      expect(topicList).not.toContain(`href="/reading-list/papers/${paper.id}/"`);
  });

  it('has no broken internal links under the sub-path', () => {
    expect(brokenInternalLinks(fixture.outDir, fixture.base)).toEqual([]);
  });
});

describe('real seeds', () => {
  const papers = exported(real);

  /** An independent reading of the seeds: every long line is an abstract, the line before it its title. */
  function titlesInSeeds(): Map<string, string> {
    const found = new Map<string, string>();
    for (const name of readdirSync('seeds')) {
      const lines = readFileSync(join('seeds', name), 'utf8')
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
      lines.forEach((line, i) => {
        if (line.length > 500) found.set(lines[i - 1].toLowerCase(), line);
      });
    }
    return found;
  }

  it('gives exactly one page per paper in the seeds, each with its full abstract', () => {
    const expected = titlesInSeeds();
    expect(expected.size).toBe(139);
    expect(papers).toHaveLength(139);
    expect(new Set(papers.map((p) => p.title.toLowerCase()))).toEqual(new Set(expected.keys()));
    for (const paper of papers) {
      expect(paper.abstract).toBe(expected.get(paper.title.toLowerCase()));
      const html = paperPage(real, paper.id);
      expect(decodeEntities(html.match(/<title>([^<]*)<\/title>/)![1])).toBe(`${paper.title} · Reading List`);
      expect(html).toMatch(/<div class="abstract"[^>]*>/);
    }
    const pages = listFiles(join(real.outDir, 'papers')).filter((f) => f.endsWith('index.html'));
    expect(pages).toHaveLength(139);
  });

  it('has no broken internal links', () => {
    expect(brokenInternalLinks(real.outDir, real.base)).toEqual([]);
  });
});

/**
 * The pictures in the built sites, read from disk: where they are, what they link to, that they
 * need no style attributes (the Content-Security-Policy allows none), and that paper pages stay
 * within their size budget with the local map. Both builds of the fixture site are compared
 * byte for byte by rebuild.test.ts, pictures included (checked below that they are there).
 */
import { describe, expect, inject, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { listFiles, readText } from '../support/site-files.ts';
import { LOCAL_MAP_LIMIT } from '../../src/lib/pictures/local-map.ts';

/** A paper page, gzipped as a static host sends it, may not exceed this. */
const PAPER_PAGE_BUDGET = 14_000;

interface Exported {
  papers: { id: string; url: string; related: string[] }[];
  topics: { id: string; url: string; papers: string[] }[];
}

function exported(outDir: string): Exported {
  return { papers: JSON.parse(readText(outDir, 'papers.json')), topics: JSON.parse(readText(outDir, 'topics.json')) };
}

const svgsOf = (html: string) => html.match(/<svg[\s\S]*?<\/svg>/g) ?? [];
const linksIn = (svg: string) => [...svg.matchAll(/<a href="([^"]+)"/g)].map((m) => m[1]);

for (const [name, site] of [
  ['fixture site (under a sub-path)', inject('fixtureSite')],
  ['real seeds site', inject('realSite')],
] as const) {
  describe(name, () => {
    const { papers, topics } = exported(site.outDir);
    const urlOf = new Map(papers.map((p) => [p.id, p.url]));

    it('has a topic map on /topics/ with one link per topic, to its page', () => {
      const map = svgsOf(readText(site.outDir, 'topics/index.html')).find((svg) => svg.includes('class="topic-map"'));
      expect(map).toBeDefined();
      expect(linksIn(map!).sort()).toEqual(topics.map((t) => t.url).sort());
    });

    it('has papers over time on every topic page, and the topics it shares papers with', () => {
      for (const topic of topics) {
        const html = readText(site.outDir, `${topic.url.slice(site.base.length)}index.html`);
        expect(html, topic.id).toMatch(/<svg [^>]*class="timeline"/);
        const bars = [...html.matchAll(/<rect x="[^"]+" y="[^"]+" width="8" height="[^"]+"><title>[^<]*: (\d+) papers?<\/title>/g)];
        expect(
          bars.reduce((sum, m) => sum + Number(m[1]), 0),
          topic.id,
        ).toBe(topic.papers.length);
      }
      const sharing = topics.filter((t) => topics.some((o) => o !== t && o.papers.some((p) => t.papers.includes(p))));
      for (const topic of sharing) {
        expect(readText(site.outDir, `${topic.url.slice(site.base.length)}index.html`), topic.id).toContain(
          'class="picture shared-topics"',
        );
      }
    });

    it('has a local map on every paper page with related papers, linking each of them', () => {
      for (const paper of papers) {
        const html = readText(site.outDir, `${paper.url.slice(site.base.length)}index.html`);
        const map = svgsOf(html).find((svg) => svg.includes('class="local-map"'));
        if (paper.related.length === 0) {
          expect(map, paper.id).toBeUndefined();
          continue;
        }
        expect(linksIn(map!), paper.id).toEqual(paper.related.slice(0, LOCAL_MAP_LIMIT).map((id) => urlOf.get(id)));
      }
    });

    it('styles pictures by class only: no style attributes for the Content-Security-Policy to block', () => {
      const pages = listFiles(site.outDir).filter((file) => /^(topics|papers)\/.*index\.html$/.test(file));
      for (const page of pages) {
        for (const svg of svgsOf(readText(site.outDir, page))) expect(svg, page).not.toMatch(/\sstyle=/);
      }
    });

    it(`keeps every paper page within ${PAPER_PAGE_BUDGET} bytes gzipped`, () => {
      const sizes = papers.map((p) => gzipSync(readText(site.outDir, `${p.url.slice(site.base.length)}index.html`)).length);
      expect(Math.max(...sizes)).toBeLessThanOrEqual(PAPER_PAGE_BUDGET);
    });
  });
}

/**
 * Feeds and exports of the built sites (README, "Feeds and exports"): the fixture site under
 * /reading-list/ (its seeds have a title with <script>, quotes, &, Greek and CJK) and the real
 * seeds at the root. Every file is parsed with a real parser for its format.
 */
import { describe, expect, inject, it } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { visit } from 'unist-util-visit';
import { toString } from 'mdast-util-to-string';
import type { Link, Root } from 'mdast';
import { listFiles, readText } from '../support/site-files.ts';
import { fixtureSiteBuild } from '../support/fixtures.ts';
import { buildSite } from '../support/build-site.ts';
import { cslSchemaErrors } from '../support/csl-schema.ts';
import { TOPIC_FEED_LIMIT } from '../../src/lib/export/site-exports.ts';

interface ExportedPaper {
  id: string;
  title: string;
  abstract: string | null;
  topics: string[];
  sources: { file: string; line: number; day: string | null }[];
}
interface ExportedTopic {
  id: string;
  name: string;
  papers: string[];
}
interface Site {
  outDir: string;
  base: string;
}

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  isArray: (name) => ['entry', 'category', 'url', 'sitemap'].includes(name),
});
const papersOf = (site: Site) => JSON.parse(readText(site.outDir, 'papers.json')) as ExportedPaper[];
const topicsOf = (site: Site) => JSON.parse(readText(site.outDir, 'topics.json')) as ExportedTopic[];
/** The build's public origin + base, from the home page's canonical link. */
const homeUrls = new Map<string, string>();
const homeUrl = (site: Site) => {
  if (!homeUrls.has(site.outDir))
    homeUrls.set(site.outDir, /<link rel="canonical" href="([^"]+)"/.exec(readText(site.outDir, 'index.html'))![1]);
  return homeUrls.get(site.outDir)!;
};
const pageUrl = (site: Site, id: string) => `${homeUrl(site)}papers/${id}/`;

function readFeed(site: Site, path: string) {
  const text = readText(site.outDir, path);
  expect(XMLValidator.validate(text), `${path} is well-formed XML`).toBe(true);
  const feed = xml.parse(text).feed;
  return { text, feed, entries: (feed.entry ?? []) as { id: string; title: { '#text': string }; updated: string; content?: unknown }[] };
}

function readBib(site: Site, path: string) {
  const library = parseBibtex(readText(site.outDir, path), { english: false, sentenceCase: false });
  expect(library.errors, `${path} parses without errors`).toEqual([]);
  return library.entries;
}

/** The key shown on a paper page's citation (`<pre id="bibtex">@misc{key,`). */
const pageKey = (site: Site, id: string) =>
  /<pre id="bibtex"[^>]*>@misc\{([^,]+),/.exec(readText(site.outDir, `papers/${id}/index.html`))?.[1];

for (const [name, site] of [
  ['fixture site (under a sub-path)', inject('fixtureSite')],
  ['real seeds site', inject('realSite')],
] as const) {
  describe(`${name}: feeds`, () => {
    const papers = papersOf(site);
    const topics = topicsOf(site);

    it('lists every paper once in /feed.xml, newest additions first, with absolute URLs', () => {
      const { feed, entries } = readFeed(site, 'feed.xml');
      expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
      expect(feed.id).toBe(`${homeUrl(site)}feed.xml`);
      expect(entries.map((e) => e.id).sort()).toEqual(papers.map((p) => pageUrl(site, p.id)).sort());
      // `updated` never goes up along the feed, and the feed's own is its newest entry's.
      const dates = entries.map((e) => e.updated);
      expect([...dates].sort().reverse()).toEqual(dates);
      expect(feed.updated).toBe(dates[0]);
      for (const date of dates) expect(date).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00Z$/);
    });

    it("has a feed per topic with that topic's newest papers, summaries without the abstract whole", () => {
      expect(topics.length).toBeGreaterThan(0);
      const newest = readFeed(site, 'feed.xml').entries.map((e) => e.id);
      for (const topic of topics) {
        const { entries, feed } = readFeed(site, `topics/${topic.id}/feed.xml`);
        const members = new Set(topic.papers.map((id) => pageUrl(site, id)));
        const expected = newest.filter((id) => members.has(id)).slice(0, TOPIC_FEED_LIMIT);
        expect(
          entries.map((e) => e.id),
          topic.id,
        ).toEqual(expected);
        for (const entry of entries) expect(entry.content, topic.id).toBeUndefined();
        expect(feed.title).toContain(topic.name);
      }
    });

    it('links the feeds from page heads, robots.txt to the sitemap, and the sitemap to every page', () => {
      const feedLink = /<link rel="alternate" type="application\/atom\+xml" title="[^"]*" href="([^"]*)"/g;
      const feedsOf = (page: string) => [...readText(site.outDir, page).matchAll(feedLink)].map((m) => m[1]);
      for (const page of ['index.html', 'my-list/index.html', `papers/${papers[0].id}/index.html`]) {
        expect(feedsOf(page), page).toEqual([`${homeUrl(site)}feed.xml`]);
      }
      expect(feedsOf(`topics/${topics[0].id}/index.html`)).toEqual([
        `${homeUrl(site)}feed.xml`,
        `${homeUrl(site)}topics/${topics[0].id}/feed.xml`,
      ]);

      const robots = readText(site.outDir, 'robots.txt');
      expect(robots).toContain(`Sitemap: ${homeUrl(site)}sitemap-index.xml\n`);
      const index = xml.parse(readText(site.outDir, 'sitemap-index.xml'));
      const sitemaps: string[] = index.sitemapindex.sitemap.map((s: { loc: string }) => s.loc);
      const urls = sitemaps.flatMap((loc) => {
        const file = loc.slice(homeUrl(site).length);
        return xml.parse(readText(site.outDir, file)).urlset.url.map((u: { loc: string }) => u.loc);
      });
      const expected = [
        homeUrl(site),
        `${homeUrl(site)}topics/`,
        `${homeUrl(site)}my-list/`,
        ...papers.map((p) => pageUrl(site, p.id)),
        ...topics.map((t) => `${homeUrl(site)}topics/${t.id}/`),
      ];
      expect(urls).toEqual(expect.arrayContaining(expected));
    });
  });

  describe(`${name}: citations and lists`, () => {
    const papers = papersOf(site);
    const topics = topicsOf(site);

    it('has BibTeX of every paper with unique keys, the same as on paper pages', () => {
      const entries = readBib(site, 'papers.bib');
      expect(entries).toHaveLength(papers.length);
      expect(new Set(entries.map((e) => e.key)).size).toBe(papers.length);
      for (const [i, paper] of papers.entries()) {
        const entry = entries[i];
        expect(entry.type).toBe('misc');
        expect(entry.key).toMatch(/^[a-z0-9]+-[0-9a-f]{6,14}(-\d+)?$/);
        expect(entry.key).toBe(pageKey(site, paper.id));
        expect(entry.fields.title).toBe(paper.title.replace(/\s+/g, ' ').trim());
        expect(entry.fields.howpublished).toContain(pageUrl(site, paper.id));
        expect(entry.fields.author).toBeUndefined();
        expect(entry.fields.year).toBeUndefined();
      }
    });

    it('has BibTeX per topic, with the keys of the whole list', () => {
      const all = new Map(readBib(site, 'papers.bib').map((e) => [e.fields.title, e.key]));
      for (const topic of topics) {
        const entries = readBib(site, `topics/${topic.id}/papers.bib`);
        const titles = papers.filter((p) => topic.papers.includes(p.id)).map((p) => p.title.replace(/\s+/g, ' ').trim());
        expect(entries.map((e) => e.fields.title)).toEqual(titles);
        for (const entry of entries) expect(entry.key).toBe(all.get(entry.fields.title));
        for (const entry of entries) expect(entry.fields.abstract).toBeUndefined();
      }
    });

    it('has CSL-JSON that passes the schema check, with the BibTeX keys as ids', () => {
      const items = JSON.parse(readText(site.outDir, 'papers.csl.json'));
      expect(cslSchemaErrors(items)).toEqual([]);
      const keys = readBib(site, 'papers.bib').map((e) => e.key);
      expect(items.map((i: { id: string }) => i.id)).toEqual(keys);
      expect(items.map((i: { URL: string }) => i.URL)).toEqual(papers.map((p) => pageUrl(site, p.id)));
      expect(items.map((i: { title: string }) => i.title)).toEqual(papers.map((p) => p.title));
    });

    it('has a Markdown list that parses back with every paper once, under its first topic', () => {
      const tree = unified().use(remarkParse).parse(readText(site.outDir, 'reading-list.md')) as Root;
      const links: { text: string; url: string; section: string }[] = [];
      let section = '';
      for (const node of tree.children) {
        if (node.type === 'heading') section = toString(node);
        visit(node, 'link', (link: Link) => void links.push({ text: toString(link), url: link.url, section }));
      }
      const paperLinks = links.filter((l) => l.url.startsWith(`${homeUrl(site)}papers/`));
      expect(paperLinks.map((l) => l.url).sort()).toEqual(papers.map((p) => pageUrl(site, p.id)).sort());
      const topicName = new Map(topics.map((t) => [t.id, t.name]));
      for (const paper of papers) {
        const link = paperLinks.find((l) => l.url === pageUrl(site, paper.id))!;
        expect(link.text).toBe(paper.title);
        expect(link.section).toBe(paper.topics.length ? topicName.get(paper.topics[0]) : 'Other papers');
      }
      // The contents list points at every section.
      const contents = links.filter((l) => l.section === 'Contents').map((l) => l.text);
      expect(contents).toEqual(
        tree.children
          .filter((n) => n.type === 'heading' && n.depth === 2)
          .map((n) => toString(n))
          .slice(1),
      );
    });
  });
}

describe('fixture site: special characters survive every format', () => {
  const site = inject('fixtureSite');
  const papers = papersOf(site);
  const xss = papers.find((p) => p.title.startsWith('<script>'))!;
  const greek = papers.find((p) => p.title.startsWith('Ελληνικά'))!;

  it('keeps markup in titles as text in the feed', () => {
    const { text, entries } = readFeed(site, 'feed.xml');
    expect(text).not.toMatch(/<script|<img/);
    expect(entries.find((e) => e.id === pageUrl(site, xss.id))!.title['#text']).toBe(xss.title);
    expect(entries.find((e) => e.id === pageUrl(site, greek.id))!.title['#text']).toBe(greek.title);
  });

  it('round-trips titles with &, quotes, Greek and CJK through BibTeX and CSL-JSON', () => {
    const entries = readBib(site, 'papers.bib');
    for (const paper of [xss, greek]) expect(entries.map((e) => e.fields.title)).toContain(paper.title);
    expect(readText(site.outDir, 'papers.bib')).toContain('\\&');
    const items = JSON.parse(readText(site.outDir, 'papers.csl.json'));
    expect(items.map((i: { title: string }) => i.title)).toEqual(expect.arrayContaining([xss.title, greek.title]));
  });

  it('dates papers by their day lines (Jul 30, Jul 31, Aug 1) in the default year', () => {
    const { entries } = readFeed(site, 'feed.xml');
    const updated = new Map(entries.map((e) => [e.id, e.updated]));
    for (const paper of papers) {
      const first = paper.sources[0];
      const day = { 'Jul 30': '2024-07-30', 'Jul 31': '2024-07-31', 'Aug 1': '2024-08-01' }[first.day ?? ''];
      expect(updated.get(pageUrl(site, paper.id)), paper.id).toBe(`${day}T00:00:00Z`);
    }
  });

  it('reads FEED_YEAR, and only the exports depend on it', async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'reading-list-feed-year-'));
    // Vitest puts Vite's own variables (BASE_URL, MODE, PROD…) into this worker's process.env,
    // and a child `astro build` would take BASE_URL=/ from them: build without them.
    const leaked = Object.fromEntries(['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR'].map((name) => [name, process.env[name]]));
    try {
      for (const name of Object.keys(leaked)) delete process.env[name];
      const build = fixtureSiteBuild(outDir);
      await buildSite({ ...build, env: { ...build.env, FEED_YEAR: '2019' } });
      const feed = await readFile(join(outDir, 'feed.xml'), 'utf8');
      expect(feed).toContain('<updated>2019-08-01T00:00:00Z</updated>');
      expect(feed).not.toContain('2024-');
      expect(listFiles(outDir)).toEqual(listFiles(site.outDir));
      for (const file of ['papers.bib', 'papers.csl.json', 'reading-list.md', 'index.html']) {
        expect(await readFile(join(outDir, file), 'utf8'), file).toBe(readText(site.outDir, file));
      }
    } finally {
      for (const [name, value] of Object.entries(leaked)) if (value !== undefined) process.env[name] = value;
      await rm(outDir, { recursive: true, force: true });
    }
  });
});

/**
 * The built sites, read from disk: no broken internal links or assets anywhere (pages, data
 * exports, sitemaps), and every page valid HTML. Every site: the fixture site under a sub-path,
 * the real seeds at the root, and the identity site of five seed formats. The checkers themselves are shown to catch each kind of fault.
 */
import { describe, expect, inject, it } from 'vitest';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { brokenInternalLinks, listFiles, readText } from '../support/site-files.ts';
import { htmlProblems } from '../support/html-validity.ts';

/** The build's SITE_URL, read back from the home page's canonical link. */
function siteUrlOf(outDir: string): string {
  const canonical = /<link rel="canonical" href="([^"]+)"/.exec(readText(outDir, 'index.html'))?.[1];
  expect(canonical, 'home page canonical link').toBeDefined();
  return new URL(canonical!).origin;
}

for (const [name, site] of [
  ['fixture site (under a sub-path)', inject('fixtureSite')],
  ['real seeds site', inject('realSite')],
  ['identity site (five seed formats)', inject('identitySite')],
] as const) {
  describe(name, () => {
    it('has no broken internal links or assets', () => {
      expect(brokenInternalLinks(site.outDir, site.base, siteUrlOf(site.outDir))).toEqual([]);
    });

    it('has valid HTML on every page', async () => {
      const pages = listFiles(site.outDir).filter((file) => file.endsWith('.html'));
      // Every kind of page is among them.
      expect(pages).toEqual(expect.arrayContaining(['index.html', '404.html', 'topics/index.html', 'search/index.html']));
      expect(pages.some((p) => /^papers\/[^/]+\/index\.html$/.test(p))).toBe(true);
      expect(pages.some((p) => /^topics\/[^/]+\/index\.html$/.test(p))).toBe(true);
      const problems: string[] = [];
      for (const page of pages) problems.push(...(await htmlProblems(readText(site.outDir, page), page)));
      expect(problems).toEqual([]);
    });
  });
}

describe('the checkers', () => {
  it('find broken links of every kind the site has', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'reading-list-links-'));
    const write = async (path: string, text: string) => {
      await mkdir(dirname(join(dir, path)), { recursive: true });
      await writeFile(join(dir, path), text);
    };
    try {
      await write(
        'index.html',
        [
          '<a href="/sub/papers/ok/">fine</a> <a href="papers/ok/">fine, relative</a> <a href="https://other.example/x">other host</a>',
          '<a href="/sub/papers/gone/">gone</a> <a href="/papers/ok/">outside the base</a>',
          '<a href="#there">fragment</a> <a href="#nowhere">bad fragment</a> <a id="there" href="papers/ok/#top">fragment elsewhere</a>',
          '<img src="/sub/img/a.png" srcset="/sub/img/a.png 1x, /sub/img/missing.png 2x" alt="">',
          '<link rel="stylesheet" href="/sub/missing.css"> <script src="/sub/app.js"></script>',
          '<link rel="canonical" href="https://site.example/sub/nope/"> <meta property="og:image" content="https://site.example/sub/img/gone.png">',
        ].join('\n'),
      );
      await write('papers/ok/index.html', '<h1 id="top">ok</h1>');
      await write('img/a.png', '');
      await write('app.js', '');
      await write(
        'papers.json',
        JSON.stringify([{ url: '/sub/papers/ok/', links: [{ url: 'https://code.example/' }] }, { url: '/sub/papers/missing/' }]),
      );
      await write(
        'sitemap-0.xml',
        '<urlset><url><loc>https://site.example/sub/</loc></url><url><loc>https://site.example/sub/papers/lost/</loc></url></urlset>',
      );
      await write('pagefind/pagefind-entry.json', '{"url": "/ignored/"}');

      expect(brokenInternalLinks(dir, '/sub/', 'https://site.example')).toEqual([
        { page: 'index.html', url: '/sub/papers/gone/' },
        { page: 'index.html', url: '/papers/ok/' },
        { page: 'index.html', url: '#nowhere' },
        { page: 'index.html', url: '/sub/missing.css' },
        { page: 'index.html', url: 'https://site.example/sub/nope/' },
        { page: 'index.html', url: '/sub/img/missing.png' },
        { page: 'index.html', url: 'https://site.example/sub/img/gone.png' },
        { page: 'papers.json', url: '/sub/papers/missing/' },
        { page: 'sitemap-0.xml', url: 'https://site.example/sub/papers/lost/' },
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('reports invalid HTML', async () => {
    const html =
      '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>t</title></head><body><main><p id="a">x</p><p id="a"><div>y</div></p></main></body></html>';
    const problems = await htmlProblems(html, 'bad.html');
    expect(problems.some((p) => p.includes('no-dup-id'))).toBe(true);
    expect(
      await htmlProblems(
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>t</title></head><body><main><h1>ok</h1></main></body></html>',
        'good.html',
      ),
    ).toEqual([]);
  });
});

/**
 * Every kind of page of both built sites (the fixture site under /reading-list/, the real seeds
 * at /) in Chromium, in light and dark colour schemes: no accessibility violations (axe, WCAG 2.1
 * A and AA), no request to another host, no console errors.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';
import { serveStatic, type RunningServer } from '../support/static-server.ts';
import { axeViolations } from '../support/axe.ts';
import { readText } from '../support/site-files.ts';

interface PageKind {
  kind: string;
  /** Path below the site's base. */
  path: string;
}

/** One page of each kind the site has, chosen from its own data exports. */
function pageKinds(outDir: string, base: string): PageKind[] {
  const papers = JSON.parse(readText(outDir, 'papers.json')) as { title: string; url: string; abstract: string | null }[];
  const topics = JSON.parse(readText(outDir, 'topics.json')) as { url: string }[];
  const below = (url: string) => url.slice(base.length);
  const withAbstract = papers.find((p) => p.abstract !== null);
  const withoutAbstract = papers.find((p) => p.abstract === null);
  const kinds: PageKind[] = [
    { kind: 'home', path: '' },
    { kind: 'topic list', path: 'topics/' },
    { kind: 'not found (404)', path: 'no-such-page/' },
  ];
  if (withAbstract) {
    // A query the site can answer: the longest word of that paper's title.
    const query = withAbstract.title.split(/[^\p{L}\p{N}]+/u).sort((a, b) => b.length - a.length)[0]!;
    kinds.push({ kind: 'paper', path: below(withAbstract.url) });
    kinds.push({ kind: 'search with a query', path: `search/?q=${encodeURIComponent(query)}` });
  }
  if (withoutAbstract) kinds.push({ kind: 'paper without abstract', path: below(withoutAbstract.url) });
  if (topics[0]) kinds.push({ kind: 'topic', path: below(topics[0].url) });
  // The reader's own list, where the site has one.
  if (existsSync(join(outDir, 'my-list/index.html'))) kinds.push({ kind: 'my list', path: 'my-list/' });
  return kinds;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

for (const [name, site] of [
  ['fixture site (under a sub-path)', inject('fixtureSite')],
  ['real seeds site', inject('realSite')],
] as const) {
  describe(name, () => {
    let server: RunningServer;
    beforeAll(async () => {
      server = await serveStatic(site.outDir, site.base);
    });
    afterAll(async () => {
      await server?.close();
    });

    it('has every kind of page to check', () => {
      const kinds = pageKinds(site.outDir, site.base).map((k) => k.kind);
      expect(kinds).toEqual(expect.arrayContaining(['home', 'paper', 'topic list', 'topic', 'search with a query', 'not found (404)']));
      if (site.base !== '/') expect(kinds, 'the fixture seeds have a paper without abstract').toContain('paper without abstract');
    });

    for (const { kind, path } of pageKinds(site.outDir, site.base)) {
      for (const colorScheme of ['light', 'dark'] as const) {
        it(`${kind}: no accessibility violations, requests to other hosts or console errors (${colorScheme})`, async () => {
          // A context per visit: its request log also covers service workers, and it starts with no cache.
          const context = await browser.newContext({ colorScheme });
          try {
            const requests: string[] = [];
            const errors: string[] = [];
            context.on('request', (request) => requests.push(request.url()));
            const page = await context.newPage();
            const address = server.url + path;
            page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
            page.on('console', (message) => {
              if (message.type() !== 'error') return;
              // Chromium logs the 404 status of a missing page's own document; that one is expected.
              if (kind === 'not found (404)' && message.location().url === address && /status of 404/.test(message.text())) return;
              errors.push(message.text());
            });
            const response = await page.goto(address, { waitUntil: 'networkidle' });
            expect(response?.status()).toBe(kind === 'not found (404)' ? 404 : 200);

            expect(await axeViolations(page), 'axe violations').toEqual([]);
            expect(
              requests.filter((url) => !url.startsWith(server.origin + '/') && !/^(data|blob):/.test(url)),
              'requests to other hosts',
            ).toEqual([]);
            expect(errors, 'console errors').toEqual([]);
          } finally {
            await context.close();
          }
        });
      }
    }
  });
}

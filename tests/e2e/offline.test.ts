/**
 * Offline reading in a real Chromium: the service worker precaches the fixture site (under
 * /reading-list/) on the first visit, then pages never visited and search work with the
 * network off; a new build replaces the cache cleanly, fetching only the files that changed;
 * the web app manifest is base-aware.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';
import { watchPage } from '../support/e2e.ts';
import { serveStatic, type RunningServer } from '../support/static-server.ts';
import { writeServiceWorker } from '../../src/integrations/offline.ts';
import { DEFAULT_SEARCH_LIMIT_BYTES, type PrecacheLimits, type PrecachePlan } from '../../src/lib/search/precache.ts';
import { comboboxStatus, SEARCH_OFFLINE } from '../../src/lib/search/messages.ts';
import { buildSite, projectRoot } from '../support/build-site.ts';

const fixture = inject('fixtureSite');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface WorkerStatus {
  version: string;
  mode: string;
  precache: number;
  stored: number;
}

/**
 * Waits until an activated service worker controls the page (it installs only once the precache
 * is complete, and is "activated" once old entries are dropped), and, given a version, until it
 * is that version's worker.
 */
async function waitForOfflineReady(page: Page, version?: string): Promise<WorkerStatus> {
  let lastCheck = Date.now();
  for (const started = Date.now(); ; await page.waitForTimeout(250)) {
    await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated', undefined, { timeout: 30_000 });
    // A worker replaced while it answers never answers: ask again rather than wait forever.
    const status = await page.evaluate(
      () =>
        new Promise<WorkerStatus | null>((resolve) => {
          navigator.serviceWorker.addEventListener('message', (event) => resolve(event.data), { once: true });
          navigator.serviceWorker.controller!.postMessage('offline-status');
          setTimeout(() => resolve(null), 5_000);
        }),
    );
    if (status && (version === undefined || status.version === version)) return status;
    // Wait for the new worker without asking the old one anything: each question is an event the
    // old worker handles, and the browser activates a new worker only while the old one is idle.
    await page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true });
          setTimeout(resolve, 5_000);
        }),
    );
    if (Date.now() - started > 60_000) {
      const registration = await page.evaluate(async () => {
        const r = await navigator.serviceWorker.getRegistration();
        return { installing: r?.installing?.state ?? null, waiting: r?.waiting?.state ?? null };
      });
      throw new Error(
        `the worker of version ${version} did not take over (still ${status?.version ?? 'no answer'}; ${JSON.stringify(registration)})`,
      );
    }
    // The browser checks sw.js after a navigation; when that has not brought the new worker in
    // 5 s, check again, as a later visit would (a failed install fails again, and the test too).
    if (Date.now() - lastCheck > 5_000) {
      lastCheck = Date.now();
      await page.evaluate(() =>
        navigator.serviceWorker
          .getRegistration()
          .then((r) => r?.update())
          .catch(() => {}),
      );
    }
  }
}

/** Entries in the site's precache (the old build's are dropped once the new worker takes over). */
function precachedCount(page: Page, base: string): Promise<number> {
  return page.evaluate(async (name) => (await (await caches.open(name)).keys()).length, `reading-list:${base}:precache`);
}

describe('offline reading', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await serveStatic(fixture.outDir, fixture.base);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('after a first visit, unvisited pages and search work with the network off', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const { foreign, errors } = watchPage(page, server.origin);
    await page.goto(server.url);
    const status = await waitForOfflineReady(page);
    expect(status.mode).toBe('full');
    expect(status.stored).toBeGreaterThanOrEqual(status.precache);
    const registration = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.scope);
    expect(registration).toBe(server.url);

    await context.setOffline(true);
    // A paper page never visited.
    await page.goto(server.url + 'papers/a-bag-of-tricks-for-few-shot-class-incremental-learning/');
    expect(await page.locator('h1').textContent()).toBe('A Bag of Tricks for Few-Shot Class-Incremental Learning');

    // Search from the header box: Pagefind's code and index come from the cache.
    await page.locator('#site-search-input').fill('slimflow');
    await page.locator('#site-search-results [role="option"]').first().waitFor();
    expect(await page.locator('#site-search-results .search-option-title').first().textContent()).toBe(
      'SlimFlow: Training Smaller One-Step Diffusion Models with Rectified Flow',
    );

    // The search page, with a query in its address (the cached page answers any query string).
    await page.goto(server.url + 'search/?q=imitation');
    await page.locator('[data-search-results] > li').first().waitFor();
    expect(await page.locator('[data-search-status]').textContent()).toMatch(/results? for “imitation”/);

    // A page that does not exist says the reader is offline instead of failing.
    const missing = await page.goto(server.url + 'papers/no-such-paper/');
    expect(missing?.status()).toBe(503);
    expect(await page.locator('h1').textContent()).toBe('You are offline');

    expect(errors).toEqual([]);
    expect(foreign).toEqual([]);
    await context.close();
  });

  it('has an installable, base-aware web app manifest', async () => {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(server.url);
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    expect(href).toBe(`${fixture.base}manifest.webmanifest`);
    const response = await page.request.get(server.origin + href);
    expect(response.headers()['content-type']).toContain('application/manifest+json');
    const manifest = await response.json();
    expect(manifest).toMatchObject({ start_url: fixture.base, scope: fixture.base, display: 'standalone' });
    expect(manifest.name).toBeTruthy();
    for (const icon of manifest.icons) {
      expect(icon.src.startsWith(fixture.base), icon.src).toBe(true);
      expect((await page.request.get(server.origin + icon.src)).status(), icon.src).toBe(200);
    }
    expect(manifest.icons.map((i: { sizes: string }) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
    await context.close();
  });
});

/**
 * A copy of the fixture site served on its own, for tests that change it (a redeploy) or plan its
 * worker for other limits; removed after the suite.
 */
function useSiteCopy(prefix: string, limits?: PrecacheLimits) {
  const site = { dir: '', server: undefined as RunningServer | undefined, plan: undefined as PrecachePlan | undefined };
  beforeAll(async () => {
    site.dir = await mkdtemp(join(tmpdir(), prefix));
    await cp(fixture.outDir, site.dir, { recursive: true });
    if (limits) site.plan = await writeServiceWorker(site.dir, fixture.base, limits);
    site.server = await serveStatic(site.dir, fixture.base);
  });
  afterAll(async () => {
    await site.server?.close();
    await rm(site.dir, { recursive: true, force: true });
  });
  return site;
}

describe('a new deploy', () => {
  // A copy of the built site that this test can "redeploy".
  const site = useSiteCopy('reading-list-offline-');

  it('replaces the cached site and keeps only the new build in the cache', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(site.server!.url);
    const before = await waitForOfflineReady(page);

    // Deploy a changed home page with a service worker for the new build.
    const home = join(site.dir, 'index.html');
    await writeFile(home, (await readFile(home, 'utf8')).replace('<h1', '<p id="new-deploy">Freshly deployed.</p><h1'));
    const plan = await writeServiceWorker(site.dir, fixture.base);
    expect(plan.version).not.toBe(before.version);

    // The browser checks for a new worker on navigation; ask now rather than wait.
    await page.evaluate(async () => {
      const changed = new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
      await (await navigator.serviceWorker.getRegistration())!.update();
      await changed;
    });
    const after = await waitForOfflineReady(page);
    expect(after.version).toBe(plan.version);
    expect(after.stored).toBe(plan.entries.length);
    expect(await page.evaluate(() => caches.keys())).toEqual([`reading-list:${fixture.base}:precache`]);
    expect(await precachedCount(page, fixture.base)).toBe(plan.entries.length);

    await context.setOffline(true);
    await page.goto(site.server!.url);
    expect(await page.locator('#new-deploy').textContent()).toBe('Freshly deployed.');
    await context.close();
  });
});

describe('a site above the precache limit', () => {
  // A worker planned for a 0-byte site limit: only the shell and search index are precached.
  const site = useSiteCopy('reading-list-shell-', { siteBytes: 0, searchBytes: DEFAULT_SEARCH_LIMIT_BYTES });

  it('keeps search and visited pages offline, and says so for pages never visited', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(site.server!.url);
    expect(site.plan?.mode).toBe('shell');
    const status = await waitForOfflineReady(page);
    expect(status.mode).toBe('shell');
    await page.goto(site.server!.url + 'papers/improving-the-training-of-rectified-flows/'); // visited online

    await context.setOffline(true);
    await page.goto(site.server!.url + 'papers/improving-the-training-of-rectified-flows/');
    expect(await page.locator('h1').textContent()).toBe('Improving the Training of Rectified Flows');
    await page.locator('#site-search-input').fill('mamba');
    await page.locator('#site-search-results [role="option"]').first().waitFor();
    expect(await page.locator('#site-search-results .search-option-title').first().textContent()).toContain('Mamba-FSCIL');
    const unvisited = await page.goto(site.server!.url + 'papers/a-bag-of-tricks-for-few-shot-class-incremental-learning/');
    expect(unvisited?.status()).toBe(503);
    await context.close();
  });
});

describe('a site whose search index is above the search precache limit', () => {
  // A worker planned for 0-byte limits: the shell and the search index's core only.
  const site = useSiteCopy('reading-list-core-', { siteBytes: 0, searchBytes: 0 });

  it('keeps the searches made online working offline, and says why another one cannot run', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const fetched: string[] = [];
    page.on('requestfinished', (request) => fetched.push(request.url()));
    await page.goto(site.server!.url);
    const plan = site.plan!;
    expect(plan.mode).toBe('core');
    expect(plan.entries.some((entry) => /\.pf_meta$/.test(entry.url))).toBe(true);
    expect(plan.entries.filter((entry) => /\.pf_(index|fragment)$/.test(entry.url))).toEqual([]);
    const status = await waitForOfflineReady(page);
    expect(status.mode).toBe('core');
    expect(fetched.filter((url) => /\.pf_(index|fragment)$/.test(url))).toEqual([]); // nothing of the index's bulk yet

    const statusText = async () => (await page.locator('form[data-search-box] [role="status"]').textContent()) ?? '';
    /** Types `query` and waits for the box's answer (a new status naming it, or saying it is offline). */
    const search = async (query: string) => {
      const before = await statusText();
      await page.locator('#site-search-input').fill(query);
      await page.waitForFunction(
        ([q, previous]) => {
          const text = document.querySelector('form[data-search-box] [role="status"]')?.textContent ?? '';
          return text !== previous && (text.includes(`“${q}”`) || text.includes('(are you offline?)'));
        },
        [query, before],
      );
    };
    const firstTitle = () => page.locator('#site-search-results .search-option-title').first().textContent();

    // Offline before any search: the index chunks were never saved, and the box says so.
    await context.setOffline(true);
    await page.reload();
    await search('mamba');
    expect(await statusText()).toBe(comboboxStatus(0, 'mamba', true));

    // Online again: Pagefind starts afresh and loads what it lacked; the worker stores it.
    await context.setOffline(false);
    await search('mamba');
    expect(await firstTitle()).toContain('Mamba-FSCIL');

    // Offline, that search still works; one needing fragments never loaded says why it cannot.
    await context.setOffline(true);
    await page.reload();
    await search('mamba');
    expect(await firstTitle()).toContain('Mamba-FSCIL');
    await search('rectified flow');
    expect(await statusText()).toBe(SEARCH_OFFLINE);
    await context.close();
  });
});

/** A paper for the next day's listing, in the seeds' field, that the seeds do not have. */
const NEW_LISTING = `Aug 1

Sparse Keyframe Diffusion Policies for Long-Horizon Bimanual Assembly

Bimanual assembly tasks such as inserting a peg while holding its socket require policies that coordinate two arms over hundreds of steps. We present a diffusion policy that predicts a sparse set of keyframes for both arms instead of dense action chunks, and a lightweight tracking controller that interpolates between them. Trained on 300 teleoperated demonstrations per task, the policy completes six real-world assembly tasks with a 78% average success rate, compared with 41% for a dense action-chunking baseline, and it runs at 30 Hz on a single consumer GPU.
`;

describe('a rebuild that adds one paper', () => {
  const real = inject('realSite');
  let workDir: string;
  let siteDir: string;
  let nextDir: string;
  let server: RunningServer;
  const sent: [path: string, bytes: number][] = [];
  beforeAll(async () => {
    // The seeds' site, deployed; then the same seeds plus one paper, built as the next deploy.
    workDir = await mkdtemp(join(tmpdir(), 'reading-list-update-'));
    const seedsDir = join(workDir, 'seeds');
    await cp(join(projectRoot, 'seeds'), seedsDir, { recursive: true });
    await writeFile(join(seedsDir, 'zz-next-day.txt'), NEW_LISTING);
    nextDir = join(workDir, 'next');
    await buildSite({ seedsDir, outDir: nextDir });
    siteDir = join(workDir, 'site');
    await cp(real.outDir, siteDir, { recursive: true });
    server = await serveStatic(siteDir, '/', { onSend: (path, bytes) => sent.push([path, bytes]) });
  });
  afterAll(async () => {
    await server?.close();
    await rm(workDir, { recursive: true, force: true });
  });

  // Two whole precaches: minutes on a slow runner (waitForOfflineReady bounds each wait itself).
  it('costs a returning reader only the files that changed, and search then uses the new build alone', async () => {
    const total = (requests: [string, number][]) => requests.reduce((sum, [, bytes]) => sum + bytes, 0);
    const context = await browser.newContext();
    const page = await context.newPage();
    const { errors } = watchPage(page, server.origin);
    await page.goto(server.url);
    const first = await waitForOfflineReady(page);
    const firstVisit = total(sent.splice(0));

    // Deploy the next build over the first, as a static host does.
    await rm(siteDir, { recursive: true });
    await cp(nextDir, siteDir, { recursive: true });
    const nextVersion = /Version (\w+)\./.exec(await readFile(join(nextDir, 'sw.js'), 'utf8'))![1];
    expect(nextVersion).not.toBe(first.version);
    await page.goto(server.url); // the browser checks sw.js on navigation
    await waitForOfflineReady(page, nextVersion);
    const fetched = sent.splice(0);
    const update = total(fetched);
    const status = await waitForOfflineReady(page, nextVersion);
    expect(status.stored).toBe(status.precache);
    expect(await precachedCount(page, '/')).toBe(status.precache);
    console.log(
      `[offline update] first visit fetched ${(firstVisit / 1e6).toFixed(2)} MB; after adding one paper the worker fetched ` +
        `${(update / 1e6).toFixed(2)} MB (${((100 * update) / firstVisit).toFixed(1)}%)`,
    );
    // Besides the worker script, only files whose bytes changed (or are new), each once.
    const paths = fetched.map(([path]) => path).filter((path) => path !== '/sw.js');
    expect(new Set(paths).size).toBe(paths.length);
    const fileOf = (path: string) => (path.endsWith('/') ? `${path}index.html` : path);
    for (const path of paths) {
      const old = join(real.outDir, fileOf(path));
      const changed = !existsSync(old) || !(await readFile(old)).equals(await readFile(join(nextDir, fileOf(path))));
      expect(changed, `${path} did not change, yet was fetched again`).toBe(true);
    }
    // Issue 12's target is 25% of the first visit (measured: about 24%). What changes: the home
    // and topic list pages, the new paper's topics' pages, the papers whose related papers moved
    // (about 17 of 139), and the search index chunks holding the new paper's words. The bound
    // leaves room for the papers' own churn; `npm run bench:quality` prints that churn.
    expect(update).toBeLessThan(0.3 * firstVisit);

    // Search, offline so every file comes from the precache: it finds the new paper, and every
    // search file it loads belongs to the new build (a name always means the same bytes).
    const searchFiles: string[] = [];
    page.on('request', (request) => {
      const { pathname } = new URL(request.url());
      if (pathname.startsWith('/pagefind/')) searchFiles.push(pathname);
    });
    await context.setOffline(true);
    await page.reload();
    await page.locator('#site-search-input').fill('sparse keyframe bimanual assembly');
    await page.locator('#site-search-results [role="option"]').first().waitFor();
    expect(await page.locator('#site-search-results .search-option-title').first().textContent()).toBe(
      'Sparse Keyframe Diffusion Policies for Long-Horizon Bimanual Assembly',
    );
    expect(searchFiles.length).toBeGreaterThan(3);
    for (const path of searchFiles) expect(existsSync(join(nextDir, path)), path).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);
});

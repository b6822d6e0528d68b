/**
 * Offline reading: after the build (and after Pagefind has written its index, so this
 * integration comes after it in astro.config.mjs), lists the site's files, hashes those the
 * precache needs, plans it (src/lib/search/precache.ts) and writes the service worker `sw.js`
 * at the base path.
 * It also adds the tiny script that registers the worker to every built page.
 * The precache limits come from the `precacheLimits` option or `OFFLINE_PRECACHE_MB` and
 * `OFFLINE_SEARCH_MB` (src/settings.ts).
 */
import type { AstroIntegration } from 'astro';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentHash, filesToHash, planPrecache, type PrecacheLimits, type PrecachePlan, type SiteFile } from '../lib/search/precache.ts';
import { serviceWorkerScript, workerConfig } from './service-worker.ts';
import { recordBuildFigures } from './build-report.ts';
import { builtFiles, inBatches } from './built-files.ts';
import { siteSettings } from '../settings.ts';

/**
 * Every file of the site with its size, and a content hash for those the plan needs
 * (`filesToHash`): a site too large to precache whole is not read back page by page.
 */
async function siteFiles(outDir: string, limits: PrecacheLimits): Promise<SiteFile[]> {
  const sized = await inBatches(await builtFiles(outDir), async (path) => ({ path, size: (await stat(join(outDir, path))).size }));
  const toHash = new Set(filesToHash(sized, limits));
  return inBatches(sized, async (file) => ({
    ...file,
    hash: toHash.has(file.path) ? contentHash(await readFile(join(outDir, file.path))) : '',
  }));
}

/** Plans the precache for a built site and writes its `sw.js`. Exported for tests (a "new deploy"). */
export async function writeServiceWorker(outDir: string, base: string, limits = siteSettings.precacheLimits): Promise<PrecachePlan> {
  const plan = planPrecache(await siteFiles(outDir, limits), base, limits);
  await writeFile(join(outDir, 'sw.js'), serviceWorkerScript(workerConfig(plan, base)));
  return plan;
}

export default function offlineIntegration(options: { precacheLimits?: PrecacheLimits } = {}): AstroIntegration {
  let base = '/';
  let cacheDir: URL;
  return {
    name: 'reading-list:offline',
    hooks: {
      'astro:config:setup': ({ command, config, injectScript }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        // Built sites only: `astro dev` has no sw.js, and a worker left from a preview would
        // serve stale pages there. Registered after load, so precaching never delays the page.
        if (command !== 'build') return;
        const worker = JSON.stringify(`${base}sw.js`);
        // A bundled module on every page rather than an inline script: no hash for the policy,
        // and nothing for Astro to hash again on each of 100,000 pages.
        injectScript(
          'page',
          `if('serviceWorker'in navigator)addEventListener('load',()=>navigator.serviceWorker.register(${worker},{scope:${JSON.stringify(base)}}).catch(()=>{}));`,
        );
      },
      'astro:config:done': ({ config }) => {
        cacheDir = config.cacheDir;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const plan = await writeServiceWorker(fileURLToPath(dir), base, options.precacheLimits ?? siteSettings.precacheLimits);
        recordBuildFigures(cacheDir, 'offline', {
          mode: plan.mode,
          files: plan.entries.length,
          bytes: plan.bytes,
          siteBytes: plan.siteBytes,
        });
        const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
        const precached = {
          full: 'the whole site',
          shell: `the shell and search index (the site, ${mb(plan.siteBytes)}, is above OFFLINE_PRECACHE_MB; pages are cached when visited)`,
          core: `the shell and the search index's core (the shell with the whole index is above OFFLINE_SEARCH_MB; pages and index chunks are cached when used)`,
        }[plan.mode];
        logger.info(`service worker ${plan.version}: precaches ${precached}, ${plan.entries.length} file(s), ${mb(plan.bytes)}`);
      },
    },
  };
}

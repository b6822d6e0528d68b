/**
 * The service worker's source, written to `<outDir>/sw.js` by the offline integration with the
 * build's precache plan inlined (so the script's bytes, and therefore the worker, change exactly
 * when a precached file does). Precaching works as Workbox's does (src/lib/search/precache.ts):
 *
 * - one precache for the site, its entries stored under their address plus their revision;
 * - install: fetch only the entries the precache does not hold (a returning reader downloads
 *   the files that changed, nothing else), in batches, then take over;
 * - activate: drop precache entries the new plan does not list, and this site's other caches
 *   (pages stored when visited under the previous version, caches of older workers), then claim
 *   open pages. Until then the old worker still finds its own entries, so a page it serves never
 *   mixes two builds' files; Pagefind's files are named by content, so a name always means the
 *   same bytes;
 * - fetch (GET, same origin, under the base path): a precached address from the precache, any
 *   other from the cache of visited pages, else from the network (storing a successful answer),
 *   ignoring the query string (a static site's files do not depend on it; Pagefind adds `?ts=`
 *   to its entry file only to get past HTTP caches); offline and not stored: a short offline page.
 */
import { REVISION_PARAMETER, type PrecacheEntry, type PrecachePlan } from '../lib/search/precache.ts';

export interface WorkerConfig {
  version: string;
  base: string;
  mode: PrecachePlan['mode'];
  /** [address, revision or null], sorted by address; see precacheKey. */
  entries: [string, string | null][];
}

export function workerConfig(plan: PrecachePlan, base: string): WorkerConfig {
  return { version: plan.version, base, mode: plan.mode, entries: plan.entries.map((e: PrecacheEntry) => [e.url, e.revision]) };
}

const WORKER = String.raw`
const PREFIX = 'reading-list:' + CONFIG.base + ':';
const PRECACHE = PREFIX + 'precache';
const VISITED = PREFIX + 'visited:' + CONFIG.version;
const BATCH = 24;
const absolute = (url) => new URL(url, self.location.href).href;
/** Address → precache key, as precacheKey in src/lib/search/precache.ts. */
const KEYS = new Map(CONFIG.entries.map(([url, revision]) => [absolute(url), absolute(KEY(url, revision))]));

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(PRECACHE);
    const stored = new Set((await cache.keys()).map((request) => request.url));
    const missing = [...KEYS].filter(([, key]) => !stored.has(key));
    for (let i = 0; i < missing.length; i += BATCH) {
      await Promise.all(missing.slice(i, i + BATCH).map(async ([url, key]) => {
        // A revisioned address past the HTTP cache; a content-addressed one may come from it.
        const response = await fetch(new Request(url, { cache: key === url ? 'default' : 'reload' }));
        if (!response.ok || response.redirected) throw new Error('precache: ' + url + ' answered ' + response.status);
        await cache.put(key, response);
      }));
    }
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(PRECACHE);
    const wanted = new Set(KEYS.values());
    for (const request of await cache.keys()) {
      if (!wanted.has(request.url)) await cache.delete(request);
    }
    for (const name of await caches.keys()) {
      if (name.startsWith(PREFIX) && name !== PRECACHE && name !== VISITED) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  if (event.data === 'offline-status') {
    event.waitUntil((async () => {
      const held = new Set((await (await caches.open(PRECACHE)).keys()).map((request) => request.url));
      const stored = [...KEYS.values()].filter((key) => held.has(key)).length;
      event.source?.postMessage({ version: CONFIG.version, mode: CONFIG.mode, precache: KEYS.size, stored });
    })());
  }
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || !url.pathname.startsWith(CONFIG.base)) return;
  event.respondWith(respond(request, url.origin + url.pathname));
});

async function respond(request, address) {
  const precached = KEYS.get(address);
  const cache = await caches.open(precached ? PRECACHE : VISITED);
  const key = precached ?? address;
  const cached = await cache.match(key);
  if (cached) return cached;
  try {
    const response = await fetch(request);
    if (response.ok && response.type === 'basic' && !response.redirected) await cache.put(key, response.clone());
    return response;
  } catch (error) {
    if (request.mode !== 'navigate') throw error;
    return new Response(OFFLINE_PAGE, { status: 503, headers: { 'Content-Type': 'text/html; charset=utf-8' } });
  }
}

const OFFLINE_PAGE = '<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
  '<meta name="color-scheme" content="light dark"><title>Offline</title>' +
  '<main style="max-width:40rem;margin:2rem auto;padding:0 1rem;font-family:system-ui,sans-serif">' +
  '<h1>You are offline</h1><p>This page has not been saved for offline reading yet. ' +
  '<a href="' + CONFIG.base + '">Go to the list of papers</a> or <a href="' + CONFIG.base + 'search/">search</a>.</p></main></html>';
`;

export function serviceWorkerScript(config: WorkerConfig): string {
  // precacheKey written out, not its compiled source: the worker's bytes must not depend on
  // how the module was compiled (Vite in a build, Node's type stripping in `npm run assemble`).
  // tests/unit/search-precache.test.ts checks that the two name entries alike.
  return (
    `// Generated by src/integrations/offline.ts: offline reading for this site. Version ${config.version}.\n` +
    `const CONFIG = ${JSON.stringify(config)};\n` +
    `const KEY = (url, revision) => (revision === null ? url : url + '?${REVISION_PARAMETER}=' + revision);\n` +
    WORKER.trimStart()
  );
}

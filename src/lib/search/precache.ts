/**
 * What the service worker stores for offline reading, decided at build time from the files
 * of the built site (pure: file list in, plan out).
 *
 * - A small site (at most `limitBytes`, 20 MB by default) is precached whole: every page, the
 *   search index and the assets, on the first visit.
 * - A larger one precaches its shell (home, search page, topic list, 404, manifest, icons,
 *   Astro's scripts) and the whole search index (Pagefind's files), so search works offline;
 *   pages are cached as they are visited.
 *
 * The version is a hash of the precache list with each file's content hash, so any change to
 * the site gives a new service worker script, a new cache name and a clean update.
 */
import { createHash } from 'node:crypto';

export interface SiteFile {
  /** Relative to the output directory, with "/" separators: "papers/x/index.html". */
  path: string;
  size: number;
  /** Hash of the content. */
  hash: string;
}

export interface PrecachePlan {
  mode: 'full' | 'shell';
  version: string;
  /** URLs (under the base path), sorted. */
  urls: string[];
  bytes: number;
  /** Bytes of the whole site (excluding never-cached files). */
  siteBytes: number;
}

export const DEFAULT_LIMIT_BYTES = 20 * 1024 * 1024;

/** Files no reader needs offline: the worker itself, Pagefind's unused UIs, sitemaps, source maps. */
const NEVER = [
  /^sw\.js$/,
  /^pagefind\/pagefind-(ui|modular-ui|component-ui|highlight)\./,
  /^pagefind\/wasm\.unknown\.pagefind$/,
  /^sitemap[^/]*\.xml$/,
  /\.map$/,
];

/** Always precached when the site is too large to precache whole. */
const SHELL = [
  /^index\.html$/,
  /^404\.html$/,
  /^search\/index\.html$/,
  /^topics\/index\.html$/,
  /^manifest\.webmanifest$/,
  /^[^/]+\.(svg|png|ico)$/,
  /^_astro\//,
  /^pagefind\//,
];

/** The address a file is served at: "papers/x/index.html" → "<base>papers/x/". */
export function fileUrl(path: string, base: string): string {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return prefix + path.replace(/(^|\/)index\.html$/, '$1');
}

export const contentHash = (content: Uint8Array | string) => createHash('sha256').update(content).digest('hex').slice(0, 16);

export function planPrecache(files: readonly SiteFile[], base: string, limitBytes = DEFAULT_LIMIT_BYTES): PrecachePlan {
  const cacheable = files.filter((file) => !NEVER.some((pattern) => pattern.test(file.path)));
  const siteBytes = cacheable.reduce((sum, file) => sum + file.size, 0);
  const mode = siteBytes <= limitBytes ? 'full' : 'shell';
  const chosen = mode === 'full' ? cacheable : cacheable.filter((file) => SHELL.some((pattern) => pattern.test(file.path)));
  const entries = chosen
    .map((file) => ({ url: fileUrl(file.path, base), hash: file.hash }))
    .sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  const version = contentHash(JSON.stringify({ mode, entries }));
  return { mode, version, urls: entries.map((e) => e.url), bytes: chosen.reduce((sum, file) => sum + file.size, 0), siteBytes };
}

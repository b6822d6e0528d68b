/**
 * What the service worker stores for offline reading, decided at build time from the files
 * of the built site (pure: file list in, plan out).
 *
 * - A small site (at most `limitBytes`, 20 MB by default) is precached whole: every page, the
 *   search index and the assets, on the first visit. Downloads that are not for reading in the
 *   browser (feeds, BibTeX, CSL-JSON, the JSON and Markdown exports) are left out; they are
 *   stored like any other file when a reader fetches them.
 * - A larger one precaches its shell (home, search page, topic list, 404, manifest, icons,
 *   Astro's scripts) and the whole search index (Pagefind's files), so search works offline;
 *   pages are cached as they are visited.
 * - Where that shell is larger than `searchLimitBytes` (50 MB by default: a list of some 25,000
 *   papers), only the search index's core is precached (Pagefind's code and each slice's
 *   metadata and filters): its index chunks and result fragments are stored as searches load
 *   them. A reader of a 100,000-paper list is not made to download 177 MB on a first visit;
 *   offline, the searches they made before still work.
 *
 * Each entry carries its own revision, as Workbox's precaching does, so a new build costs a
 * returning reader only the files that changed: the worker stores an entry under its address
 * plus its revision, fetches only entries it does not hold, and drops the others once it takes
 * over. Files whose names already change with their content (Astro's hashed assets, Pagefind's
 * content-addressed index files) need no revision: their address is one. The plan's version (a
 * hash of every entry with its file's content hash) changes whenever any precached file does, so
 * the worker script changes and the browser installs it.
 */
import { createHash } from 'node:crypto';
import { compareStrings } from '../compare.ts';

export interface SiteFile {
  /** Relative to the output directory, with "/" separators: "papers/x/index.html". */
  path: string;
  size: number;
  /**
   * Hash of the content. Only the files `filesToHash` names need a real one: for the others any
   * value will do (their address already changes with their content, or they are not precached).
   */
  hash: string;
}

export interface PrecacheEntry {
  /** Address under the base path. */
  url: string;
  /** Content hash, or null where the address itself changes with the content. */
  revision: string | null;
  size: number;
}

export interface PrecachePlan {
  mode: 'full' | 'shell' | 'core';
  version: string;
  /** Sorted by URL. */
  entries: PrecacheEntry[];
  bytes: number;
  /** Bytes of the whole site (excluding never-cached files). */
  siteBytes: number;
}

export const DEFAULT_LIMIT_BYTES = 20 * 1024 * 1024;
export const DEFAULT_SEARCH_LIMIT_BYTES = 50 * 1024 * 1024;

/** Largest site precached whole, and largest shell precached with its whole search index. */
export interface PrecacheLimits {
  siteBytes: number;
  searchBytes: number;
}

export const DEFAULT_LIMITS: PrecacheLimits = { siteBytes: DEFAULT_LIMIT_BYTES, searchBytes: DEFAULT_SEARCH_LIMIT_BYTES };

/** Files no reader needs offline: the worker itself, Pagefind's unused UIs, sitemaps, source maps. */
const NEVER = [
  /^sw\.js$/,
  /^pagefind\/pagefind-(ui|modular-ui|component-ui|highlight)\./,
  /^pagefind\/wasm\.unknown\.pagefind$/,
  /^sitemap[^/]*\.xml$/,
  /\.map$/,
];

/** Downloads for other programs (feed readers, reference managers), not for reading offline. */
const DOWNLOADS = [/(^|\/)feed\.xml$/, /\.bib$/, /\.csl\.json$/, /^papers\.json$/, /^topics\.json$/, /^reading-list\.md$/];

/** Files named by their content: Astro's hashed assets and Pagefind's metadata, index, fragment and filter files (of every slice). */
const CONTENT_ADDRESSED = [
  /^_astro\//,
  /^pagefind\/(slice-\d+\/)?(fragment|index|filter)\//,
  /^pagefind\/(slice-\d+\/)?pagefind\.[^/]+\.pf_meta$/,
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

/** The bulk of a search index, loaded a few files per search: index chunks and result fragments (of every slice). */
const SEARCH_BULK = [/^pagefind\/(slice-\d+\/)?(fragment|index)\//];

/** The address a file is served at: "papers/x/index.html" → "<base>papers/x/". */
export function fileUrl(path: string, base: string): string {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return prefix + path.replace(/(^|\/)index\.html$/, '$1');
}

export const contentHash = (content: Uint8Array | string) => createHash('sha256').update(content).digest('hex').slice(0, 16);

/** The query parameter that carries a revision in a precache key. */
export const REVISION_PARAMETER = '__rev';

/** The worker's cache key for an entry: its address, with the revision where the address has none. */
export function precacheKey(entry: Pick<PrecacheEntry, 'url' | 'revision'>): string {
  return entry.revision === null ? entry.url : `${entry.url}?${REVISION_PARAMETER}=${entry.revision}`;
}

const matches = (patterns: RegExp[], path: string) => patterns.some((pattern) => pattern.test(path));

const totalSize = (files: readonly { size: number }[]) => files.reduce((sum, file) => sum + file.size, 0);

/** Which files the precache takes: the whole site, its shell with the search index, or its shell with the index's core. */
function choose<File extends Omit<SiteFile, 'hash'>>(files: readonly File[], limits: PrecacheLimits) {
  const cacheable = files.filter((file) => !matches(NEVER, file.path) && !matches(DOWNLOADS, file.path));
  const siteBytes = totalSize(cacheable);
  if (siteBytes <= limits.siteBytes) return { mode: 'full' as const, siteBytes, chosen: cacheable };
  const shell = cacheable.filter((file) => matches(SHELL, file.path));
  if (totalSize(shell) <= limits.searchBytes) return { mode: 'shell' as const, siteBytes, chosen: shell };
  return { mode: 'core' as const, siteBytes, chosen: shell.filter((file) => !matches(SEARCH_BULK, file.path)) };
}

/**
 * The files whose content hash the plan needs: the precached ones whose address does not
 * change with their content. A large site's pages are not among them, so a build need not
 * read its pages back to plan the precache.
 */
export function filesToHash(files: readonly Omit<SiteFile, 'hash'>[], limits = DEFAULT_LIMITS): string[] {
  return choose(files, limits)
    .chosen.filter((file) => !matches(CONTENT_ADDRESSED, file.path))
    .map((file) => file.path);
}

export function planPrecache(files: readonly SiteFile[], base: string, limits = DEFAULT_LIMITS): PrecachePlan {
  const { mode, siteBytes, chosen: picked } = choose(files, limits);
  const chosen = picked.map((file) => ({ file, url: fileUrl(file.path, base) })).sort((a, b) => compareStrings(a.url, b.url));
  const addressed = (file: SiteFile) => matches(CONTENT_ADDRESSED, file.path);
  const entries = chosen.map(({ file, url }) => ({ url, revision: addressed(file) ? null : file.hash, size: file.size }));
  // A content-addressed file's name stands for its content.
  const version = contentHash(JSON.stringify({ mode, entries: chosen.map(({ file, url }) => [url, addressed(file) ? '' : file.hash]) }));
  return { mode, version, entries, bytes: entries.reduce((sum, entry) => sum + entry.size, 0), siteBytes };
}

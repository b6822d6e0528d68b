/**
 * What a build wrote: bytes and files of the output, paper page sizes, and what a returning
 * reader's service worker fetches after a rebuild (the precache entries that are new).
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { contentHash, planPrecache, precacheKey, type SiteFile } from '../../src/lib/search/precache.ts';
import { listFiles } from '../../tests/support/site-files.ts';

export interface OutputFigures {
  bytes: number;
  files: number;
  homeBytes: number | null;
  paperHtml: { medianRaw: number; maxRaw: number; medianGzip: number; maxGzip: number } | null;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? 0;
}

const PAPER_PAGE = /^papers\/[^/]+\/index\.html$/;

export function measureOutput(outDir: string): OutputFigures {
  const files = listFiles(outDir);
  let bytes = 0;
  for (const file of files) bytes += statSync(join(outDir, file)).size;
  const raw: number[] = [];
  const gzip: number[] = [];
  for (const file of files.filter((f) => PAPER_PAGE.test(f))) {
    const html = readFileSync(join(outDir, file));
    raw.push(html.length);
    gzip.push(gzipSync(html).length);
  }
  return {
    bytes,
    files: files.length,
    homeBytes: files.includes('index.html') ? statSync(join(outDir, 'index.html')).size : null,
    paperHtml: raw.length
      ? { medianRaw: median(raw), maxRaw: Math.max(...raw), medianGzip: median(gzip), maxGzip: Math.max(...gzip) }
      : null,
  };
}

/** Every file of a built site with its size and content hash, as the offline integration sees it. */
export function siteFiles(outDir: string): SiteFile[] {
  return listFiles(outDir).map((path) => {
    const content = readFileSync(join(outDir, path));
    return { path, size: content.length, hash: contentHash(content) };
  });
}

export interface UpdateCost {
  /** Bytes a first visit's service worker precaches. */
  firstVisitBytes: number;
  /** Bytes the next build's worker fetches for a reader who has the first build's precache. */
  updateBytes: number;
  updateFiles: number;
  /** Bytes fetched by area: "papers/", "topics/", "pagefind/index/", "pagefind/fragment/", other files by name. */
  byArea: Record<string, number>;
}

/** "papers/x/index.html" → "papers/"; "pagefind/index/a.pf_index" → "pagefind/index/"; "index.html" stays. */
function area(url: string): string {
  const path = url.replace(/^\//, '');
  return /^(pagefind\/[^/]+\/|[^/]+\/)/.exec(path)?.[1] ?? (path || 'home page');
}

/** What the service worker of build `after` fetches for a reader whose cache holds build `before`'s precache. */
export function updateCost(before: SiteFile[], after: SiteFile[]): UpdateCost {
  const first = planPrecache(before, '/');
  const next = planPrecache(after, '/');
  const cached = new Set(first.entries.map(precacheKey));
  const fetched = next.entries.filter((entry) => !cached.has(precacheKey(entry)));
  const byArea: Record<string, number> = {};
  for (const entry of fetched) byArea[area(entry.url)] = (byArea[area(entry.url)] ?? 0) + entry.size;
  return {
    firstVisitBytes: first.bytes,
    updateBytes: fetched.reduce((sum, entry) => sum + entry.size, 0),
    updateFiles: fetched.length,
    byArea,
  };
}

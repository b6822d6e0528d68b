/** Reading a built site from disk: its files, and the internal links in its pages. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Every file below `dir`, as paths relative to it, sorted. */
export function listFiles(dir: string): string[] {
  const walk = (current: string): string[] =>
    readdirSync(current, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? walk(join(current, entry.name)) : [relative(dir, join(current, entry.name))],
    );
  return walk(dir).sort();
}

export const readText = (dir: string, path: string) => readFileSync(join(dir, path), 'utf8');

/** `href`, `src` and `content` URLs of a page (our own generated HTML: attribute values are quoted). */
export function pageUrls(html: string): string[] {
  return [...html.matchAll(/\s(?:href|src|action)="([^"]*)"/g)].map((m) => m[1].replaceAll('&amp;', '&'));
}

/**
 * Internal links that point at nothing in the built site. `base` is the site's base path;
 * a link resolves to `path`, `path/index.html` or (for a directory URL) `path/index.html`.
 */
export function brokenInternalLinks(outDir: string, base: string): { page: string; url: string }[] {
  const files = new Set(listFiles(outDir));
  const broken: { page: string; url: string }[] = [];
  for (const page of [...files].filter((f) => f.endsWith('.html'))) {
    const pageUrl = new URL(base + page.replace(/index\.html$/, ''), 'http://site.test');
    for (const raw of pageUrls(readText(outDir, page))) {
      const target = new URL(raw, pageUrl);
      if (target.origin !== 'http://site.test' || raw.startsWith('#')) continue;
      const path = decodeURIComponent(target.pathname);
      const inside = path.startsWith(base) ? path.slice(base.length) : null;
      const found = inside !== null && (files.has(inside) || files.has(join(inside, 'index.html')));
      if (!found) broken.push({ page, url: raw });
    }
  }
  return broken;
}
